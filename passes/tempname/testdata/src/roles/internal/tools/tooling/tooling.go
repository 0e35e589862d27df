// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import (
	"os"
)

func save(data []byte) error {
	// no diagnostic by default: a developer tool under internal/tools (reported with -tempname.tools)
	return os.WriteFile("/tmp/app.state", data, 0o600) // want `os.WriteFile creates "/tmp/app.state", a fixed name in a shared temporary directory`
}

func main() {}

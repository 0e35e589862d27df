// Command proxy-test-server is a maintainer's test program: a word of its
// path element is "test".
package main

import (
	"os"
)

func save(data []byte) error {
	// no diagnostic by default: a test program (reported with -tempname.tools)
	return os.WriteFile("/tmp/app.state", data, 0o600) // want `os.WriteFile creates "/tmp/app.state", a fixed name in a shared temporary directory`
}

func main() {}

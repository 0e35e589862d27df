// Package tooling is developer tooling.
package tooling

import (
	"os"
)

func save(data []byte) error {
	// no diagnostic by default: developer tooling under internal/tools (reported with -tempname.tools)
	return os.WriteFile("/tmp/app.state", data, 0o600) // want `os.WriteFile creates "/tmp/app.state", a fixed name in a shared temporary directory`
}

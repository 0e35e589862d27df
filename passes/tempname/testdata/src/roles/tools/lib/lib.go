// Package lib is a library that happens to live under tools/: ordinary code, reported by default.
package lib

import (
	"os"
)

func save(data []byte) error {
	return os.WriteFile("/tmp/app.state", data, 0o600) // want `os.WriteFile creates "/tmp/app.state", a fixed name in a shared temporary directory`
}

// Package fixes has the cases where tempname suggests os.CreateTemp, and
// the ones where it must not.
package fixes

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func logFile() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), "app.log")) // want `os.Create creates filepath.Join\(os.TempDir\(\), "app.log"\), a fixed name`
}

func literal() (*os.File, error) {
	f, err := os.Create("/tmp/app.out") // want `os.Create creates "/tmp/app.out", a fixed name`
	if err != nil {
		return nil, err
	}
	return f, nil
}

func pidName() (*os.File, error) {
	return os.Create(fmt.Sprintf("/tmp/app-%d.log", os.Getpid())) // want `made from the process id`
}

func timeName() (*os.File, error) {
	return os.Create(filepath.Join(os.TempDir(), fmt.Sprint("trace-", time.Now().Unix(), ".out"))) // want `made from the current time`
}

func dotName() (*os.File, error) {
	return os.Create("/var/tmp/.app") // want `os.Create creates "/var/tmp/.app", a fixed name`
}

func discarded() {
	os.Create("/dev/shm/app.flag") // want `os.Create creates "/dev/shm/app.flag", a fixed name`
}

// ---- message only

func usedAgain() error {
	f, err := os.Create("/tmp/app.scratch") // want `os.Create creates "/tmp/app.scratch"`
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove("/tmp/app.scratch") // no diagnostic: removing is not creating (and keeps the name: no fix above)
}

func usedAgainJoin() error {
	f, err := os.Create(filepath.Join(os.TempDir(), "app.pipe")) // want `os.Create creates filepath.Join\(os.TempDir\(\), "app.pipe"\)`
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Println("reader: open", filepath.Join(os.TempDir(), "app.pipe")) // no diagnostic: printing is not creating (and the name is shared: no fix above)
	return nil
}

func localVariable() (*os.File, error) {
	p := "/tmp/app.var"
	return os.Create(p) // want `os.Create creates p, a fixed name`
}

func nested() (*os.File, error) {
	return os.Create("/tmp/app/inner.log") // want `os.Create creates "/tmp/app/inner.log", a fixed name`
}

func twoParts() (*os.File, error) {
	return os.Create(fmt.Sprintf("/tmp/app-%d-%d.log", os.Getpid(), time.Now().Unix())) // want `made from the process id`
}

func writeFile(data []byte) error {
	return os.WriteFile("/tmp/app.data", data, 0o600) // want `os.WriteFile creates "/tmp/app.data", a fixed name`
}

func exclusive() (*os.File, error) {
	return os.OpenFile("/tmp/app.excl", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: exclusive
}

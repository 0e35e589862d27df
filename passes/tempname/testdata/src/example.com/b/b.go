// Package b calls tmputil's wrappers: the creations tempname finds here
// are known only through facts.
package b

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/tmputil"
)

func viaWriteFile(data []byte) error {
	return tmputil.WriteFile("/tmp/b.state", data) // want `tmputil.WriteFile creates "/tmp/b.state", a fixed name in a shared temporary directory`
}

func viaTouch() error {
	return tmputil.Touch(fmt.Sprintf("/tmp/b-%d.pid", os.Getpid())) // want `tmputil.Touch creates fmt.Sprintf\("/tmp/b-%d.pid", os.Getpid\(\)\), a name in a shared temporary directory made from the process id`
}

func viaWriteTemp(data []byte) error {
	return tmputil.WriteTemp("b.state", data) // want `tmputil.WriteTemp creates "b.state", a fixed name in a shared temporary directory`
}

func viaWriteTempPid(data []byte) error {
	return tmputil.WriteTemp(fmt.Sprintf("b-%d", os.Getpid()), data) // want `tmputil.WriteTemp creates .*made from the process id`
}

func viaSaveState(data []byte) error {
	return tmputil.SaveState(os.TempDir(), data) // want `tmputil.SaveState creates a file in os.TempDir\(\), a fixed name in a shared temporary directory`
}

func viaEnsureDir() error {
	return tmputil.EnsureDir("/tmp/b-cache") // want `tmputil.EnsureDir makes "/tmp/b-cache", a fixed name in a shared temporary directory; another local user can make it first`
}

func viaStore(s *tmputil.Store, data []byte) error {
	return s.Put("/tmp/b.put", data) // want `\(\*Store\).Put creates "/tmp/b.put", a fixed name`
}

func viaWriteTempRandom(data []byte) error {
	f, err := os.CreateTemp("", "b-")
	if err != nil {
		return err
	}
	defer f.Close()
	return tmputil.WriteTemp(filepath.Base(f.Name()), data) // no diagnostic: the name comes from os.CreateTemp
}

func viaSaveStatePrivate(data []byte) error {
	dir, err := tmputil.PrivateDir()
	if err != nil {
		return err
	}
	return tmputil.SaveState(dir, data) // no diagnostic: the directory is private
}

func viaSaveStateCache(data []byte) error {
	dir, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	return tmputil.SaveState(dir, data) // no diagnostic: the user's own directory
}

func viaMakeDir() error {
	return tmputil.MakeDir("/tmp/b-dir") // no diagnostic: MakeDir fails if the name exists
}

func viaCreateExcl() error {
	f, err := tmputil.CreateExcl("/tmp/b.lock") // no diagnostic: exclusive
	if err != nil {
		return err
	}
	return f.Close()
}

func viaReadState() ([]byte, error) {
	return tmputil.ReadState("/tmp/b.state") // no diagnostic: reading is not creating
}

func viaWriteIf() error {
	return tmputil.WriteIf("/tmp/b.opt", true) // no diagnostic: WriteIf creates only when asked; not a plain wrapper
}

func viaWriteFileHome(data []byte) error {
	home, err := os.UserHomeDir()
	if err != nil {
		return err
	}
	return tmputil.WriteFile(filepath.Join(home, ".b.state"), data) // no diagnostic: the user's own directory
}

func viaWriteTempParam(name string, data []byte) error {
	return tmputil.WriteTemp(name, data) // no diagnostic: the name is the caller's
}

// A wrapper of a wrapper in this package, called here with a fixed name.
func writeLocal(name string, data []byte) error {
	return tmputil.WriteTemp("b-"+name, data)
}

func viaWriteLocal(data []byte) error {
	return writeLocal("local", data) // want `writeLocal creates "local", a fixed name`
}

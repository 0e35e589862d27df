// Package symlinkparts checks the components of a path for symbolic
// links in a helper, then opens or creates the path by name (issue 13,
// spelling 3).
package symlinkparts

import (
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"example.com/safepath"
)

// noSymlinks Lstats every element of p, from the root down.
func noSymlinks(p string) error {
	cur := "/"
	for _, part := range strings.Split(filepath.Clean(p), "/") {
		cur = filepath.Join(cur, part)
		fi, err := os.Lstat(cur)
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link", cur)
		}
	}
	return nil
}

// notLink Lstats p itself.
func notLink(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symbolic link", p)
	}
	return nil
}

func readChecked(p string) ([]byte, error) {
	if err := noSymlinks(p); err != nil {
		return nil, err
	}
	return os.ReadFile(p) // want `os.ReadFile opens p by name after symlinkparts.noSymlinks checked its components for symbolic links; one can be replaced by a symbolic link in between \(open it through os.Root, or component by component with O_NOFOLLOW and f.Stat\(\)\)`
}

func writeChecked(dir, name string, data []byte) error {
	p := filepath.Join(dir, name)
	if err := safepath.CheckParents(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p by name after safepath.CheckParents checked its components for symbolic links`
}

func chmodChecked(p string) error {
	err := notLink(p)
	if err != nil {
		return err
	}
	return os.Chmod(p, 0o600) // want `os.Chmod changes p by name after symlinkparts.notLink checked it for symbolic links; one can be planted there in between \(open it with O_NOFOLLOW and check f.Stat\(\), or use os.Root\)`
}

func openNoFollow(p string) (*os.File, error) {
	if err := noSymlinks(p); err != nil {
		return nil, err
	}
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW, 0) // no diagnostic: the open refuses a final symbolic link itself
}

func openInRoot(dir, name string) (*os.File, error) {
	if err := noSymlinks(filepath.Join(dir, name)); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Open(name) // no diagnostic: os.Root opens within its directory, not by name
}

func logOnly(p string) ([]byte, error) {
	if err := noSymlinks(p); err != nil {
		log.Print(err) // the check only feeds a log line
	}
	return os.ReadFile(p) // no diagnostic: the check decides nothing
}

func otherPath(p, q string) ([]byte, error) {
	if err := noSymlinks(p); err != nil {
		return nil, err
	}
	return os.ReadFile(q) // no diagnostic: another path
}

func removeChecked(p string) error {
	if err := noSymlinks(p); err != nil {
		return err
	}
	return os.Remove(p) // no diagnostic: a remove does not follow a final symbolic link, and the check says nothing of existence
}

// childLink Lstats a path below p, not p or its elements: no check of p.
func childLink(p string) error {
	fi, err := os.Lstat(filepath.Join(p, "config"))
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s/config is a symbolic link", p)
	}
	return nil
}

func readAfterChildCheck(p string) ([]byte, error) {
	if err := childLink(p); err != nil {
		return nil, err
	}
	return os.ReadFile(p) // no diagnostic: the helper checked another path
}

// resolve follows links instead of refusing them: no check.
func resolve(p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		_, err := filepath.EvalSymlinks(p)
		return err
	}
	return nil
}

func readAfterResolve(p string) ([]byte, error) {
	if err := resolve(p); err != nil {
		return nil, err
	}
	return os.ReadFile(p) // no diagnostic: the helper does not refuse links
}

package privatedirs

import (
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// Release is a published version of the program.
type Release struct{ Name, URL string }

// To replaces the running program with rel: the new binary is written
// to a temporary file beside the executable, then renamed over it.
// Whoever can write the executable's directory can replace the program
// itself: a race there gains nobody anything.
func To(rel Release) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	exe, err = filepath.EvalSymlinks(exe)
	if err != nil {
		return err
	}
	return upgradeTo(exe, rel)
}

func upgradeTo(binary string, rel Release) error {
	return upgradeToURL(rel.Name, binary, rel.URL)
}

func upgradeToURL(name, binary, url string) error {
	fname, err := readRelease(name, filepath.Dir(binary), url)
	if err != nil {
		return err
	}
	if err := os.Rename(binary, binary+".old"); err != nil {
		return err
	}
	return os.Rename(fname, binary)
}

func readRelease(name, dir, url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(name + ": " + resp.Status)
	}
	return writeBinary(dir, resp.Body)
}

func writeBinary(dir string, in io.Reader) (string, error) {
	out, err := os.CreateTemp(dir, "app")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", err
	}
	if err := out.Close(); err != nil {
		return "", err
	}
	err = os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) the temporary file is in the running program's own directory
	if err != nil {
		return "", err
	}
	return out.Name(), nil
}

// replaceSelf writes the new binary beside the executable, under its
// name and a suffix, and sets its mode by name while it is open.
func replaceSelf(in io.Reader) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	next := exe + ".new"
	f, err := os.OpenFile(next, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(f, in); err != nil {
		return err
	}
	return os.Chmod(next, 0o755) // no diagnostic: (private-dir) exe + ".new" lies beside the executable
}

// SelfUpdate writes the new binary in a closure that captures the
// executable's directory.
func SelfUpdate(in io.Reader) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	dir := filepath.Dir(exe)
	write := func() error {
		out, err := os.CreateTemp(dir, "app")
		if err != nil {
			return err
		}
		defer out.Close()
		if _, err := io.Copy(out, in); err != nil {
			return err
		}
		return os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) the directory is the executable's, captured by the closure
	}
	return write()
}

// Harmful look-alikes: the directory is not only the executable's.

// Upgrade writes the new binary beside the executable; Preview, through
// the same helpers, under /tmp, where a stranger can swap the file.
func Upgrade(rel Release) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return installFrom(filepath.Dir(exe), rel.URL)
}

func Preview(rel Release) error {
	return installFrom("/tmp/app-preview", rel.URL)
}

func installFrom(dir, url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = writeStaged(dir, resp.Body)
	return err
}

func writeStaged(dir string, in io.Reader) (string, error) {
	out, err := os.CreateTemp(dir, "app")
	if err != nil {
		return "", err
	}
	io.Copy(out, in)
	out.Close()
	err = os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) os.CreateTemp's own name: only who can remove entries of the directory can replace it
	return out.Name(), err
}

// Reinstall writes beside the executable; InstallInto, through the same
// helper, into a directory its caller names.
func Reinstall(in io.Reader) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	return writeInto(filepath.Dir(exe), in)
}

func InstallInto(dir string, in io.Reader) error {
	return writeInto(dir, in)
}

func writeInto(dir string, in io.Reader) error {
	out, err := os.CreateTemp(dir, "app")
	if err != nil {
		return err
	}
	io.Copy(out, in)
	out.Close()
	return os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) os.CreateTemp's own name: only who can remove entries of the directory can replace it
}

// stageTemp writes the new binary under os.TempDir(): CreateTemp's empty
// directory.
func stageTemp(in io.Reader) (string, error) {
	out, err := os.CreateTemp("", "app")
	if err != nil {
		return "", err
	}
	io.Copy(out, in)
	out.Close()
	return out.Name(), os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) os.CreateTemp's own name: only who can remove entries of the directory can replace it
}

// WriteBinary is exported: another package may pass any directory.
func WriteBinary(dir string, in io.Reader) (string, error) {
	out, err := os.CreateTemp(dir, "app")
	if err != nil {
		return "", err
	}
	io.Copy(out, in)
	out.Close()
	return out.Name(), os.Chmod(out.Name(), 0o755) // no diagnostic: (private-dir) os.CreateTemp's own name: only who can remove entries of the directory can replace it
}

// selfUpdateExported hands the executable's directory to the exported
// WriteBinary: its parameter stays unknown whatever this caller passes.
func selfUpdateExported(in io.Reader) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	_, err = WriteBinary(filepath.Dir(exe), in)
	return err
}

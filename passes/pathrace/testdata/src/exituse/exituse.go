// Package exituse guards creates and opens with never-returning helpers
// of another package (example.com/die): the branch that calls one stops,
// so the check decides the use, as it does with os.Exit or log.Fatal.
package exituse

import (
	"os"

	"example.com/die"
)

func createUnlessPresent(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		die.Fatal(p + " exists")
	}
	return os.WriteFile(p, data, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func createUnlessPresentPanics(p string) (*os.File, error) {
	if _, err := os.Lstat(p); err == nil {
		die.Bug("already there")
	}
	return os.Create(p) // want `os.Create creates p after os.Lstat found it absent`
}

func openIfPresent(p string) ([]byte, error) {
	if _, err := os.Stat(p); err != nil {
		die.Quit()
	}
	return os.ReadFile(p) // want `os.ReadFile opens p after os.Stat found it present`
}

func createWithApp(app *die.App, p string) error {
	if _, err := os.Stat(p); err == nil {
		app.Fatalf("%s exists", p)
	}
	return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

func createAfterWarning(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		die.Warn(p + " exists, overwriting")
	}
	// no diagnostic: Warn returns, so the write runs whatever the check found
	return os.WriteFile(p, data, 0o600)
}

func createAfterConditionalExit(p string, data []byte) error {
	_, err := os.Stat(p)
	die.OnError(err)
	// no diagnostic: OnError may return, so no branch the check decides stops; a conditional exit inside a callee is not followed
	return os.WriteFile(p, data, 0o600)
}

func createExclusively(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		die.Fatal(p + " exists")
	}
	// no diagnostic: O_EXCL fails if another process created p after the check
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

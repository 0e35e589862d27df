// Package cobracmd keeps its code in function literals of package-level
// variables, as cobra CLIs do.
package cobracmd

import (
	"os"

	"github.com/spf13/cobra"
)

var keyCmd = &cobra.Command{
	Use: "key",
	RunE: func(cmd *cobra.Command, args []string) error {
		f, err := os.Create(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		return os.Chmod(args[0], 0o600) // want `os.Chmod changes the mode of args\[0\] by name while f, opened from it, is still open`
	},
}

var chmodKey = func(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600) // want `os.Chmod changes the mode of p by name while f, opened from it, is still open`
}

var chmodHandle = func(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Chmod(0o600) // no diagnostic: the mode is set on the handle
}

// Package cobracmd keeps its code where most CLIs do: in function literals
// of package-level variables (a cobra Command's Run field, a var x =
// func() {...}), which live in the package initializer.
package cobracmd

import (
	"os"

	"github.com/spf13/cobra"
)

var initCmd = &cobra.Command{
	Use: "init",
	Run: func(cmd *cobra.Command, args []string) {
		if _, err := os.Stat(args[0]); err == nil {
			return
		}
		os.WriteFile(args[0], nil, 0o600) // want `os.WriteFile creates args\[0\] after os.Stat found it absent`
	},
}

var cleanCmd = &cobra.Command{
	Use: "clean",
	RunE: func(cmd *cobra.Command, args []string) error {
		write := func(p string) error {
			if _, err := os.Stat(p); os.IsNotExist(err) {
				return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
			}
			return nil
		}
		return write(args[0])
	},
}

var touch = func(p string) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	return os.WriteFile(p, nil, 0o600) // want `os.WriteFile creates p after os.Stat found it absent`
}

var create = func(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // no diagnostic: an exclusive create decides by itself
	if err != nil {
		return err
	}
	return f.Close()
}

var statOther = &cobra.Command{
	Run: func(cmd *cobra.Command, args []string) {
		if _, err := os.Stat(args[0]); err == nil {
			return
		}
		os.WriteFile(args[1], nil, 0o600) // no diagnostic: another path
	},
}

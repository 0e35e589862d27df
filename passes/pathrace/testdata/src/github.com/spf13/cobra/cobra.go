// Package cobra stubs the part of github.com/spf13/cobra the tests use.
package cobra

type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	RunE func(cmd *Command, args []string) error
}

func (c *Command) AddCommand(cmds ...*Command) {}

func CheckErr(msg any) {}

// Package cobra stubs the part of github.com/spf13/cobra the tests use.
package cobra

import "github.com/spf13/pflag"

type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	RunE func(cmd *Command, args []string) error
}

func (c *Command) AddCommand(cmds ...*Command) {}

func CheckErr(msg any) {}

func (c *Command) Flags() *pflag.FlagSet           { return &pflag.FlagSet{} }
func (c *Command) PersistentFlags() *pflag.FlagSet { return &pflag.FlagSet{} }

// Package funcs has a function in every place Go allows one; the test
// analyzer reports each function of ssabuild's list at its position.
package funcs

import (
	"os"

	"github.com/spf13/cobra"
)

func declared() { // want "function declared"
	go func() { // want "function declared\\$1"
		defer func() {}() // want "function declared\\$1\\$1"
	}()
}

type T struct{}

func (T) method() {} // want "function method"

func init() {} // want "function init#1"

var rootCmd = &cobra.Command{
	Use: "root",
	Run: func(cmd *cobra.Command, args []string) { // want "function init\\$1"
		handler := func() {} // want "function init\\$1\\$1"
		handler()
	},
}

var hook = func() { // want "function init\\$2"
	os.Exit(0)
}

func generic[E any](e E) E { return e } // want "function generic"

var _ = generic(1) // no diagnostic: instances are not source functions; the call is in init

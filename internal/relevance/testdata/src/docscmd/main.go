// Command docscmd is the product: its main package builds the commands
// and runs them, and uses the documentation generator only through its
// cmd package, so it stays ordinary.
package main

import (
	"github.com/spf13/cobra"

	"docscmd/cmd"
)

func main() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(cmd.NewDocsCommand(root))
	root.Execute()
}

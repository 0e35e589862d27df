// Command docscmdmain is a product whose commands all live in package
// main, its docs command among them (as helm's cmd/helm/docs.go): the
// documentation generator runs from a command's handler, not from main,
// so the program stays ordinary.
package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

type docsOptions struct {
	top  *cobra.Command
	dest string
}

func (o *docsOptions) run() error {
	return doc.GenManTree(o.top, &doc.GenManHeader{Title: "APP", Section: "1"}, o.dest)
}

func newDocsCmd(top *cobra.Command) *cobra.Command {
	o := &docsOptions{top: top}
	return &cobra.Command{
		Use: "docs",
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dest = args[0]
			return o.run()
		},
	}
}

func main() {
	root := &cobra.Command{Use: "app"}
	root.AddCommand(newDocsCmd(root))
	root.Execute()
}

// Package cmd offers the program's users a docs command that writes man
// pages where they ask: a library package of a product, ordinary code
// whatever it calls.
package cmd

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func NewDocsCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use: "docs DIR",
		RunE: func(cmd *cobra.Command, args []string) error {
			return doc.GenManTree(root, &doc.GenManHeader{Title: "APP", Section: "1"}, args[0])
		},
	}
}

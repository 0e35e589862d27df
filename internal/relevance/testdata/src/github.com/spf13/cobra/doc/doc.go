// Package doc is a stub of github.com/spf13/cobra/doc.
package doc

import "github.com/spf13/cobra"

type GenManHeader struct{ Title, Section string }

func GenMarkdownTree(cmd *cobra.Command, dir string) error { return nil }

func GenManTree(cmd *cobra.Command, header *GenManHeader, dir string) error { return nil }

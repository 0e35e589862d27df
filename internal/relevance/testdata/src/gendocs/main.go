// Command gendocs writes the Markdown reference of a program's commands
// and rewrites each page in place, as a repository's cmd/gendocs does:
// the maintainers' documentation generator, a developer tool.
package main // want `role: developer tool`

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func main() {
	root := &cobra.Command{Use: "proxy"}
	dir := os.Args[1]
	if err := doc.GenMarkdownTree(root, dir); err != nil {
		panic(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			panic(err)
		}
		os.WriteFile(p, []byte(strings.ReplaceAll(string(b), os.Getenv("HOME"), "$HOME")), 0o644)
	}
}

// Command gosrcname names ".go" only as a suffix to match, and prints a
// message that mentions a Go file: no diagnostic: ordinary (it names no
// Go source file as a path).
package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

func main() {
	for _, name := range []string{"a.txt"} {
		if strings.HasSuffix(name, ".go") || filepath.Ext(name) == ".go" {
			fmt.Println("see main.go for details")
		}
	}
}

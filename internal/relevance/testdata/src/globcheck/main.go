// Command globcheck lists files matching "*.go" patterns and tests
// names with filepath.Match: it names no Go source file: ordinary.
package main

import (
	"fmt"
	"path/filepath"
)

func main() {
	files, _ := filepath.Glob("*.go")
	ok, _ := filepath.Match("main.go", "x")
	fmt.Println(files, ok)
}

package quietuse

import (
	"os"
	"strings"

	"example.com/quiet"
)

func loadQuiet(p string) []byte {
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return quiet.Load(p) // no diagnostic: the helper returns nothing on any open error, which is the absent result
}

func loadErr(p string) ([]byte, error) {
	if _, err := os.Stat(p); err != nil {
		return nil, nil
	}
	return quiet.LoadErr(p) // want `quiet.LoadErr opens p after os.Stat found it present`
}

// readLines returns the lines of a file, or none when it cannot be read.
func readLines(name string) (lines []string, n int) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0
	}
	defer f.Close()
	var b strings.Builder
	_ = b
	return []string{name}, 1
}

func linesIfPresent(p string) []string {
	if _, err := os.Stat(p); os.IsNotExist(err) {
		return nil
	}
	lines, _ := readLines(p) // no diagnostic: the helper returns nothing on any open error, which is the absent result
	return lines
}

// readOrDefault returns a default on error, which is not nothing.
func readOrDefault(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		return "default"
	}
	return string(b)
}

func defaultIfPresent(p string) string {
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return readOrDefault(p) // want `readOrDefault opens p after os.Stat found it present`
}

package a

import (
	"os"
	"testing"
)

func TestCounter(t *testing.T) {
	data, err := os.ReadFile("testdata/counter")
	if err != nil {
		t.Skip()
	}
	os.WriteFile("testdata/counter", append(data, '1'), 0o644) // no diagnostic: test files are skipped without -partialwrite.tests
}

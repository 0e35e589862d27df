package intests

import (
	"os"
	"testing"
)

func TestBump(t *testing.T) {
	p := t.TempDir() + "/n"
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skip()
	}
	os.WriteFile(p, append(data, '1'), 0o644) // no diagnostic: a file in t.TempDir()
}

func TestRenameInTemp(t *testing.T) {
	f, _ := os.CreateTemp("", "x")
	f.Sync()
	f.Close()
	os.Rename(f.Name(), t.TempDir()+"/x") // no diagnostic: t.TempDir is in the temporary directory
}

func TestBumpShared(t *testing.T) {
	p := "testdata/counter"
	data, err := os.ReadFile(p)
	if err != nil {
		t.Skip()
	}
	os.WriteFile(p, append(data, '1'), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

func render(t *testing.T) []byte {
	t.Helper()
	return []byte("package x\n")
}

func TestRegenerate(t *testing.T) {
	generated := render(t)
	old, err := os.ReadFile("testdata/gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(old) != string(generated) {
		t.Logf("old:\n%s", old)
		os.WriteFile("testdata/gen.go", generated, 0o644) // no diagnostic: logging the old content does not make the new one from it
	}
}

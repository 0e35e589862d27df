package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestSkipLibraryVetx(t *testing.T) {
	dir := t.TempDir()
	for i, c := range []struct {
		cfg  map[string]any
		skip bool
	}{
		{map[string]any{"ImportPath": "fmt", "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "golang.org/x/sys/unix", "ModulePath": "golang.org/x/sys", "ModuleVersion": "v0.30.0", "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "golang.org/x/sys/unix", "Module": map[string]any{"Path": "golang.org/x/sys", "Version": "v0.30.0"}, "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "fmt", "VetxOnly": false}, false},                                                    // vetted as a root: analyze
		{map[string]any{"ImportPath": "example.com/app/fsutil", "ModulePath": "example.com/app", "VetxOnly": true}, false}, // user code: facts
	} {
		vetx := filepath.Join(dir, "vetx"+string(rune('a'+i)))
		c.cfg["VetxOutput"] = vetx
		data, err := json.Marshal(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		cfgFile := filepath.Join(dir, "vet"+string(rune('a'+i))+".cfg")
		if err := os.WriteFile(cfgFile, data, 0o666); err != nil {
			t.Fatal(err)
		}
		if got := skipLibraryVetx([]string{cfgFile}); got != c.skip {
			t.Errorf("%s: skipLibraryVetx = %v, want %v", data, got, c.skip)
		}
		_, err = os.Stat(vetx)
		if written := err == nil; written != c.skip {
			t.Errorf("%s: facts file written = %v, want %v", data, written, c.skip)
		}
	}
	// go vet passes the user's flags before the file.
	flagged := filepath.Join(dir, "flagged.cfg")
	if err := os.WriteFile(flagged, []byte(`{"ImportPath": "fmt", "VetxOnly": true, "VetxOutput": "`+filepath.Join(dir, "flagged.vetx")+`"}`), 0o666); err != nil {
		t.Fatal(err)
	}
	if !skipLibraryVetx([]string{"-pathrace.tests=false", "-blindretry.keys=X-Key", flagged}) {
		t.Error("skipLibraryVetx must look past go vet's flags to the configuration file")
	}
	if skipLibraryVetx([]string{"./..."}) || skipLibraryVetx([]string{filepath.Join(dir, "missing.cfg")}) {
		t.Error("skipLibraryVetx must leave other command lines to the checkers")
	}
}

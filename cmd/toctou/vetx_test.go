package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestLibraryVetxOnly(t *testing.T) {
	dir := t.TempDir()
	for i, c := range []struct {
		cfg  map[string]any
		want bool
	}{
		{map[string]any{"ImportPath": "fmt", "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "golang.org/x/sys/unix", "ModulePath": "golang.org/x/sys", "ModuleVersion": "v0.30.0", "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "golang.org/x/sys/unix", "Module": map[string]any{"Path": "golang.org/x/sys", "Version": "v0.30.0"}, "VetxOnly": true}, true},
		{map[string]any{"ImportPath": "fmt", "VetxOnly": false}, false},                                                    // vetted as a root: analyze
		{map[string]any{"ImportPath": "example.com/app/fsutil", "ModulePath": "example.com/app", "VetxOnly": true}, false}, // user code: facts
	} {
		data, err := json.Marshal(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		cfgFile := filepath.Join(dir, "vet"+string(rune('a'+i))+".cfg")
		if err := os.WriteFile(cfgFile, data, 0o666); err != nil {
			t.Fatal(err)
		}
		if got := libraryVetxOnly([]string{cfgFile}); got != c.want {
			t.Errorf("%s: libraryVetxOnly = %v, want %v", data, got, c.want)
		}
		// go vet passes the user's flags before the file.
		if got := libraryVetxOnly([]string{"-pathrace.tests=false", "-blindretry.keys=X-Key", cfgFile}); got != c.want {
			t.Errorf("%s, after flags: libraryVetxOnly = %v, want %v", data, got, c.want)
		}
	}
	if libraryVetxOnly([]string{"./..."}) || libraryVetxOnly([]string{filepath.Join(dir, "missing.cfg")}) {
		t.Error("libraryVetxOnly must leave other command lines alone")
	}
}

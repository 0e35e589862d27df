package tempname

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/toctou/toctou/internal/effects"
)

func TestBuildSystems(t *testing.T) {
	for _, tc := range []struct {
		name, src                     string
		tempDirShared, slashTmpShared bool
	}{
		{"state.go", "package p", true, true},
		{"state_windows.go", "package p", false, false},
		{"state_windows_amd64.go", "package p", false, false},
		{"state_darwin.go", "package p", false, true},
		{"state_ios.go", "package p", false, false},
		{"state_android.go", "package p", false, false},
		{"state_linux.go", "package p", true, true},
		{"state_linux_test.go", "package p", true, true},
		{"windows.go", "package p", true, true},    // a bare GOOS name is no constraint
		{"state_unix.go", "package p", true, true}, // neither is "unix" in a file name
		{"state.go", "//go:build windows\n\npackage p", false, false},
		{"state.go", "//go:build darwin || windows\n\npackage p", false, true},
		{"state.go", "//go:build unix && !darwin\n\npackage p", true, true},
		{"state.go", "//go:build !linux && !freebsd && !openbsd && !netbsd && !dragonfly && !solaris && !aix && !hurd\n\npackage p", false, true},
		{"state.go", "//go:build linux && amd64\n\npackage p", true, true},
		{"state.go", "//go:build js || wasip1\n\npackage p", false, false},
		{"state.go", "// Package p.\npackage p\n\n//go:build windows\n", true, true}, // not a header constraint
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		systems := buildSystems(tc.name, f)
		if got := systems.anyOf(sharedTempDirOS); got != tc.tempDirShared {
			t.Errorf("%s %q: os.TempDir() shared = %v, want %v", tc.name, tc.src, got, tc.tempDirShared)
		}
		if got := systems.anyOf(sharedSlashTmpOS); got != tc.slashTmpShared {
			t.Errorf("%s %q: /tmp shared = %v, want %v", tc.name, tc.src, got, tc.slashTmpShared)
		}
	}
}

func TestTempPattern(t *testing.T) {
	for _, tc := range []struct {
		name []effects.Segment
		want string // "" for no pattern
	}{
		{[]effects.Segment{effects.Lit("app.log")}, "app-*.log"},
		{[]effects.Segment{effects.Lit("app")}, "app-*"},
		{[]effects.Segment{effects.Lit(".app")}, ".app-*"},
		{[]effects.Segment{effects.Lit("app.tar.gz")}, "app.tar-*.gz"},
		{[]effects.Segment{effects.Lit("app-"), effects.Pred(effects.ClassPid, token.NoPos), effects.Lit(".pid")}, "app-*.pid"},
		{[]effects.Segment{effects.Pred(effects.ClassPid, token.NoPos), effects.Pred(effects.ClassTime, token.NoPos)}, "*"},
		{[]effects.Segment{effects.Lit("a-"), effects.Pred(effects.ClassPid, token.NoPos), effects.Lit("-"), effects.Pred(effects.ClassTime, token.NoPos)}, ""},
		{[]effects.Segment{effects.Lit("dir/app.log")}, ""},
		{[]effects.Segment{effects.Lit("app*.log")}, ""},
	} {
		got, ok := tempPattern(tc.name)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("tempPattern(%v) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLockDirSystems checks that /run/lock and /var/lock count as shared
// only in files that may be built for Linux.
func TestLockDirSystems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		shared    bool
	}{
		{"lock.go", "package p", true},
		{"lock_linux.go", "package p", true},
		{"lock_darwin.go", "package p", false},
		{"lock_freebsd.go", "package p", false},
		{"lock.go", "//go:build darwin || windows\n\npackage p", false},
		{"lock.go", "//go:build unix\n\npackage p", true},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := buildSystems(tc.name, f).anyOf(sharedLockDirOS); got != tc.shared {
			t.Errorf("%s %q: /run/lock shared = %v, want %v", tc.name, tc.src, got, tc.shared)
		}
	}
}

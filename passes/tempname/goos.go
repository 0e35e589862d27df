package tempname

import (
	"go/ast"
	"go/build/constraint"
	"path/filepath"
	"strings"
)

// osSet is a set of GOOS values.
type osSet map[string]bool

// anyOf reports whether s and other have a system in common.
func (s osSet) anyOf(other osSet) bool {
	for goos := range s {
		if other[goos] {
			return true
		}
	}
	return false
}

// setOf returns the set of the given systems.
func setOf(names ...string) osSet {
	s := make(osSet, len(names))
	for _, n := range names {
		s[n] = true
	}
	return s
}

var (
	// knownOS are the GOOS values (go tool dist list, Go 1.26).
	knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios",
		"js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")
	// unixOS are the systems the "unix" build tag selects.
	unixOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios",
		"linux", "netbsd", "openbsd", "solaris")
	// sharedTempDirOS are the systems where os.TempDir() is, unless the
	// user sets TMPDIR, /tmp: shared by every user. On Windows and macOS
	// it is a directory of the user's own; on Android and iOS, of the app.
	sharedTempDirOS = setOf("aix", "dragonfly", "freebsd", "hurd", "illumos", "linux", "netbsd", "openbsd", "solaris")
	// sharedSlashTmpOS are the systems where /tmp, /var/tmp and /dev/shm
	// are directories shared by every user.
	sharedSlashTmpOS = setOf("aix", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "linux", "netbsd", "openbsd", "solaris")
	// sharedLockDirOS are the systems with the world-writable lock
	// directories /run/lock and /var/lock (pathflow.LockDirs).
	sharedLockDirOS = setOf("linux")
	// knownArch are the GOARCH values a file name suffix may carry.
	knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
		"mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
		"riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")
)

// buildSystems returns the systems a file may be built for, from its name
// (x_windows.go) and its //go:build line. Tags other than systems (the
// architecture, cgo, release tags, custom tags) are taken as satisfiable.
func buildSystems(filename string, f *ast.File) osSet {
	systems := make(osSet, len(knownOS))
	for goos := range knownOS {
		systems[goos] = true
	}
	if goos := nameOS(filepath.Base(filename)); goos != "" {
		for g := range systems {
			if g != goos && !implies(g, goos) {
				delete(systems, g)
			}
		}
	}
	if expr := buildConstraint(f); expr != nil {
		for g := range systems {
			if !expr.Eval(func(tag string) bool { return tagHolds(g, tag) }) {
				delete(systems, g)
			}
		}
	}
	return systems
}

// nameOS returns the GOOS a file name constrains the file to, as go/build
// reads it: name_GOOS.go, name_GOOS_GOARCH.go, with _test stripped.
func nameOS(name string) string {
	name = strings.TrimSuffix(name, ".go")
	name = strings.TrimSuffix(name, "_test")
	i := strings.Index(name, "_")
	if i < 0 {
		return ""
	}
	l := strings.Split(name[i:], "_")
	n := len(l)
	if n >= 2 && knownOS[l[n-2]] && knownArch[l[n-1]] {
		return l[n-2]
	}
	if n >= 1 && knownOS[l[n-1]] {
		return l[n-1]
	}
	return ""
}

// implies reports whether building for goos also satisfies the system
// tag other, as go/build has it: android builds linux files, ios darwin
// files, illumos solaris files.
func implies(goos, other string) bool {
	switch goos {
	case "android":
		return other == "linux"
	case "ios":
		return other == "darwin"
	case "illumos":
		return other == "solaris"
	}
	return false
}

// tagHolds reports whether a build tag is satisfied when building for goos;
// tags that are not systems are taken as satisfiable.
func tagHolds(goos, tag string) bool {
	switch {
	case tag == goos || implies(goos, tag):
		return true
	case tag == "unix":
		return unixOS[goos]
	case knownOS[tag]:
		return false
	}
	return true
}

// buildConstraint returns the //go:build expression of f, or nil.
func buildConstraint(f *ast.File) constraint.Expr {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if constraint.IsGoBuild(c.Text) {
				if expr, err := constraint.Parse(c.Text); err == nil {
					return expr
				}
			}
		}
	}
	return nil
}

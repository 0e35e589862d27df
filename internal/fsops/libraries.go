package fsops

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

// A few library functions open a path argument by name and read the file,
// so a check of the path before calling one races as a check before
// os.ReadFile does (issue 13, spelling 6: a use inside a dependency).
// They are kept apart from the main table, which Lookup answers: that
// table is the operating system's vocabulary that every file check
// reads, while these are reads only, which only the check-then-use pass
// asks about, and whose packages (net/http, crypto/tls, the templates)
// must not count as "imports a file-system package" in Imports' fast
// path.
//
// The choice is small on purpose: functions that open their path
// argument unconditionally, as their main job, and return the open's
// error unwrapped or act on it themselves:
//
//   - net/http.ServeFile(w, r, name): serves the file at name (the
//     shape of a file server that stats, or Lstats, before serving);
//   - text/template.ParseFiles and html/template.ParseFiles
//     (filenames ...string): read every named file;
//   - crypto/tls.LoadX509KeyPair(certFile, keyFile): reads both files
//     (the shape of a server that serves TLS if its key files exist);
//   - archive/zip.OpenReader(name): opens the archive;
//   - github.com/joho/godotenv Load, Overload and Read
//     (filenames ...string): read every named .env file.
//
// Left out: os/exec (it runs a program found through PATH: executing is
// another use than reading, and the check before it is exec.LookPath),
// parsers that take bytes or a reader (encoding/json, gopkg.in/yaml),
// functions that read a name only when another argument is nil
// (go/parser.ParseFile), and functions that take a file system
// (http.ServeFileFS, template.ParseFS), whose names are relative to it.
//
// One method is in the table, (*Template).ParseFiles of both template
// packages (template.New("x").ParseFiles(p)); for methods, PathArg.Index
// counts the receiver as argument 0, as the SSA call does.
var libraryReads = map[string]map[string]Func{
	"net/http":                 {"ServeFile": {Paths: []PathArg{{Index: 2, Op: OpRead}}}},
	"text/template":            {"ParseFiles": variadicRead(0)},
	"html/template":            {"ParseFiles": variadicRead(0)},
	"crypto/tls":               {"LoadX509KeyPair": two(OpRead, OpRead)},
	"archive/zip":              {"OpenReader": first(OpRead)},
	"github.com/joho/godotenv": {"Load": variadicRead(0), "Overload": variadicRead(0), "Read": variadicRead(0)},
}

// libraryMethods are the methods among the library reads, by package
// path, receiver type name and method name.
var libraryMethods = map[[2]string]map[string]Func{
	{"text/template", "Template"}: {"ParseFiles": variadicRead(1)},
	{"html/template", "Template"}: {"ParseFiles": variadicRead(1)},
}

// variadicRead describes a function that reads every element of its
// variadic parameter at index i.
func variadicRead(i int) Func {
	return Func{Paths: []PathArg{{Index: i, Op: OpRead, Variadic: true}}}
}

// LookupLibrary returns the entry of a library function or method that
// opens a path argument by name: Lookup's answer for the standard
// file-system functions, then the library reads above. A PathArg with
// Variadic set stands for each element of the variadic argument (see
// PathArgs).
func LookupLibrary(fn *types.Func) (Func, bool) {
	if f, ok := Lookup(fn); ok {
		return f, true
	}
	if fn == nil || fn.Pkg() == nil {
		return Func{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return Func{}, false
	}
	if sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		if !ok {
			return Func{}, false
		}
		f, ok := libraryMethods[[2]string{fn.Pkg().Path(), named.Obj().Name()}][fn.Name()]
		return f, ok
	}
	f, ok := libraryReads[fn.Pkg().Path()][fn.Name()]
	return f, ok
}

// PathArgs returns the values a call passes for pa: the argument at
// pa.Index, or for a variadic PathArg each element of the slice the SSA
// builder made for the call's variadic arguments (nothing when the
// caller passed a slice of its own, paths...).
func PathArgs(call *ssa.CallCommon, pa PathArg) []ssa.Value {
	if pa.Index >= len(call.Args) {
		return nil
	}
	a := call.Args[pa.Index]
	if !pa.Variadic {
		return []ssa.Value{a}
	}
	elems, _ := pathflow.VarargElems(a)
	return elems
}

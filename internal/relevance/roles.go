package relevance

import (
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// pathRole decides from the import path below the module path: the
// module's own name (golang.org/x/tools, a repository called examples)
// says nothing of the role of its packages. When the driver does not say
// the module, a first element with a dot is a host name
// (example.com/app) and is not read either.
func pathRole(pass *analysis.Pass) Role {
	path := pass.Pkg.Path()
	if mod := knownModule(pass); mod != "" {
		if path == mod {
			path = ""
		} else {
			path = strings.TrimPrefix(path, mod+"/")
		}
	} else if first, rest, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
		path = rest
	}
	return PathRole(path, pass.Pkg.Name() == "main")
}

// Where a word of a path element makes a library (a package that is not
// main) take the word's role. A main package takes it wherever the word
// is: a program is named for what it is.
const (
	libWhole    = 1 << iota // the word is a whole element (examples/, pkg/test)
	libDirWord              // the word is in a directory above the package (app-demo-x/conn, proxy-test-server/h)
	libOwnWord              // the word is in the package's own element (foo_example)
	libAnywhere = libWhole | libDirWord | libOwnWord
)

// roleWords are the words (of a path element split at "-", "_" and ".")
// that give a package a role, with where they count for a library.
// Whole words only: "resample", "latest", "devices", "keygen" stay
// ordinary. A program (package main) with a test word is a maintainer's
// test program, a developer tool; a library with one is a test utility.
var roleWords = map[string]struct {
	main, lib Role
	where     int
}{
	"example":  {Example, Example, libAnywhere},
	"examples": {Example, Example, libAnywhere},
	// a library named demo may be a program's demo mode: only a
	// package inside a demo's tree
	"demo":  {Example, Example, libDirWord},
	"demos": {Example, Example, libDirWord},
	// sampling (traces, metrics) is production code: programs only
	"sample":  {Example, Ordinary, 0},
	"samples": {Example, Ordinary, 0},

	"bench":      {Benchmark, Benchmark, libWhole | libDirWord},
	"benchmark":  {Benchmark, Benchmark, libWhole | libDirWord},
	"benchmarks": {Benchmark, Benchmark, libWhole | libDirWord},

	// a library named "ab-test" or "speed-test" is named for what it
	// does: a test word counts for a library as a whole element or in a
	// directory above it
	"test":    {DevTool, TestUtil, libWhole | libDirWord},
	"tests":   {DevTool, TestUtil, libWhole | libDirWord},
	"testing": {DevTool, TestUtil, libWhole | libDirWord},
	"fake":    {DevTool, TestUtil, libWhole | libDirWord},
	"fakes":   {DevTool, TestUtil, libWhole | libDirWord},
	"mock":    {DevTool, TestUtil, libWhole | libDirWord},
	"mocks":   {DevTool, TestUtil, libWhole | libDirWord},
	// names no production package takes
	"testutil":    {DevTool, TestUtil, libAnywhere},
	"testutils":   {DevTool, TestUtil, libAnywhere},
	"testhelper":  {DevTool, TestUtil, libAnywhere},
	"testhelpers": {DevTool, TestUtil, libAnywhere},
	"testenv":     {DevTool, TestUtil, libAnywhere},
	// end-to-end encryption packages are named e2e too: programs only
	"e2e": {DevTool, Ordinary, 0},
	// the spelled-out word names test suites (vttablet/endtoend/framework);
	// encryption packages take e2e or e2ee
	"endtoend": {DevTool, TestUtil, libWhole | libDirWord},

	// programs only: modules name real libraries tools/, gen/, dev/
	"tool":      {DevTool, Ordinary, 0},
	"tools":     {DevTool, Ordinary, 0},
	"dev":       {DevTool, Ordinary, 0},
	"hack":      {DevTool, Ordinary, 0},
	"script":    {DevTool, Ordinary, 0},
	"scripts":   {DevTool, Ordinary, 0},
	"gen":       {DevTool, Ordinary, 0},
	"generate":  {DevTool, Ordinary, 0},
	"generator": {DevTool, Ordinary, 0},
}

// testKinds are the kinds of test a compound word names before "test"
// (unittest, e2etest, loadtest); see compoundTest.
var testKinds = map[string]bool{
	"unit": true, "e2e": true, "int": true, "integ": true, "integration": true,
	"sys": true, "system": true, "smoke": true, "load": true, "stress": true,
	"fuzz": true, "perf": true, "soak": true, "chaos": true, "func": true,
	"functional": true, "conformance": true, "acceptance": true,
	"regression": true, "interop": true,
}

// compoundTest reports whether word is a compound test word: a prefix
// and "test" or "tests", where the prefix is a kind of test (testKinds:
// unittest, e2etest, loadtests) or has no vowel (a, e, i, o, u, y): an
// abbreviation, as in xtest, grpctest, k8stest. English words ending in
// "test" (latest, attest, contest, protest, detest; the superlatives
// fattest, hottest, fastest, shortest, neatest, cutest) all have a vowel
// before "test" and none is a kind of test; so do speedtest and
// selftest, which programs offer their users, and stay ordinary.
func compoundTest(word string) bool {
	p, ok := strings.CutSuffix(word, "tests")
	if !ok {
		p, ok = strings.CutSuffix(word, "test")
	}
	if !ok || p == "" {
		return false
	}
	return testKinds[p] || !strings.ContainsAny(p, "aeiouy")
}

// words splits a path element at "-", "_" and ".".
func words(elem string) []string {
	return strings.FieldsFunc(elem, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
}

// PathRole returns the role of a package from the elements of its
// import path (relative to its module when known) and whether it is a
// main package. Each element is split into words at "-", "_" and ".";
// the first element (from the left) with a role word decides:
//   - example(s), demo(s), sample(s): an example; bench, benchmark(s): a
//     benchmark program; test, tests, testing, testutil(s),
//     testhelper(s), testenv, e2e, fake(s), mock(s), or a compound test
//     word (compoundTest: unittest, e2etest, xtest): a maintainer's test
//     program (a developer tool) or a test utility; tool(s), dev, hack,
//     script(s), gen, generate, generator: a developer tool;
//   - a main package takes the role of every such word, a main package
//     under doc or docs is an example, and one in or under a directory
//     named release (the whole element: not release-controller) is the
//     maintainers' release tool, a developer tool;
//   - a package in or under a directory named t (the whole element: the
//     test suite's directory in the Git project's convention) is a
//     maintainer's test program or a test utility;
//   - a library takes it only where the word says what the library is
//     (roleWords): as a whole element or in a directory above it for
//     test and benchmark words (pkg/test, integration-tests/helpers, not
//     a library named ab-test), in a directory above it for demos
//     (app-demo-x/conn, not a library named demo), anywhere for example
//     and testutil words and compound test words, never for sample, e2e
//     and the tool words (a library under tools/, internal/tools/ or gen/
//     is ordinary: modules name real packages that way, and agents keep
//     the tools their model calls in internal/tools).
//
// The word integration is not read: a program or library named for an
// integration with a service (slack-integration) is production code.
func PathRole(path string, main bool) Role {
	if path == "" {
		return Ordinary
	}
	elems := strings.Split(path, "/")
	for i, e := range elems {
		if main && (e == "doc" || e == "docs") {
			return Example
		}
		if main && e == "release" {
			return DevTool // cmd/release: the maintainers' release tool
		}
		if e == "t" {
			// the test suite's directory in the Git project's convention
			// (git, git-lfs, Perl distributions): the whole element only
			if main {
				return DevTool
			}
			return TestUtil
		}
		own := i == len(elems)-1
		for _, w := range words(e) {
			if compoundTest(w) {
				if main {
					return DevTool
				}
				return TestUtil
			}
			rw, ok := roleWords[w]
			if !ok {
				continue
			}
			if main {
				return rw.main
			}
			where := libDirWord
			switch {
			case own && w == e:
				where = libWhole
			case own:
				where = libOwnWord
			case w == e:
				where = libWhole | libDirWord
			}
			if rw.where&where != 0 {
				return rw.lib
			}
		}
	}
	return Ordinary
}

// mainRole decides the role of a main package from its code: a program
// whose non-test files import testing or a testing/ package (but
// testing/fstest, whose MapFS real programs use as an in-memory file
// system), or start an httptest server (httptest.NewServer,
// NewTLSServer, NewUnstartedServer, the Server type; NewRecorder, which
// programs that pre-render pages use, does not count), or import a
// package of their own module that is a test utility by a test word of
// its path (testHarnessPath: a test agent built on tstest/natlab/vnet),
// is a test harness; a program all of whose non-test files are named as examples
// (example.go, example_x.go, x_example.go) is an example; a program that
// names a Go source file in a call (namesGoSource) or whose func main
// calls a command-line framework's documentation generator
// (docGenerators) is a developer tool.
func mainRole(pass *analysis.Pass) Role {
	if pass.Pkg.Name() != "main" {
		return Ordinary
	}
	nonTest := func(pos interface{ Pos() token.Pos }) bool {
		f := pass.Fset.File(pos.Pos())
		return f != nil && !strings.HasSuffix(f.Name(), "_test.go")
	}
	examples, files, script := 0, 0, false
	for _, f := range pass.Files {
		if !nonTest(f) {
			continue
		}
		files++
		if exampleFile(pass.Fset.File(f.Pos()).Name()) {
			examples++
		}
		script = script || goRunScript(f)
		for _, spec := range f.Imports {
			imp := strings.Trim(spec.Path.Value, "`\"")
			if imp == "testing" || strings.HasPrefix(imp, "testing/") && imp != "testing/fstest" {
				return TestUtil
			}
			if rel, ok := ownModulePath(pass, imp); ok && testHarnessPath(rel) {
				return TestUtil // built on its module's test harness
			}
		}
	}
	mainBody := mainFuncBody(pass.Files)
	docGen := false
	for id, obj := range pass.TypesInfo.Uses {
		if obj.Pkg() == nil || !nonTest(id) {
			continue
		}
		if _, ok := obj.(*types.Func); ok && docGenerators[obj.Pkg().Path()] && mainBody != nil && mainBody.Pos() <= id.Pos() && id.Pos() < mainBody.End() {
			docGen = true // main itself writes the documentation
		}
		if obj.Pkg().Path() != "net/http/httptest" {
			continue
		}
		switch obj.(type) {
		case *types.Func, *types.TypeName:
			switch obj.Name() {
			case "NewServer", "NewTLSServer", "NewUnstartedServer", "Server":
				return TestUtil
			}
		}
	}
	if files > 0 && examples == files {
		return Example
	}
	if docGen || script {
		return DevTool
	}
	for _, f := range pass.Files {
		if nonTest(f) && namesGoSource(f, pass.TypesInfo) && !startsServer(pass) {
			return DevTool // a program that starts a server is a service, whatever sources it names
		}
	}
	return Ordinary
}

// knownModule returns the path of the module of pass's package, or ""
// when the driver does not say it.
func knownModule(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// ownModulePath returns path relative to the module of pass's package,
// when path is a package of that module other than its root. When the
// driver does not say the module, a first element without a dot is
// taken for the module (GOPATH layouts); one with a dot (a host name)
// says nothing.
func ownModulePath(pass *analysis.Pass, path string) (string, bool) {
	mod := knownModule(pass)
	if first, _, _ := strings.Cut(pass.Pkg.Path(), "/"); mod == "" && !strings.Contains(first, ".") {
		mod = first
	}
	if mod == "" {
		return "", false
	}
	return strings.CutPrefix(path, mod+"/")
}

// testHarnessPath reports whether a library of the module at path
// (relative to the module) is a test utility by a test word of its path
// (PathRole: tstest/natlab/vnet, internal/testutil, e2e/framework is
// not one), not by a fake or mock word: a program may ship a fake
// backend for a demo or dry-run mode; it does not ship its module's test
// harness. A program that imports one (a test agent run in the test's
// virtual machines, a virtual network for integration tests) is a test
// program.
func testHarnessPath(path string) bool {
	if PathRole(path, false) != TestUtil {
		return false
	}
	for _, e := range strings.Split(path, "/") {
		for _, w := range words(e) {
			switch w {
			case "fake", "fakes", "mock", "mocks":
				return false
			}
		}
	}
	return true
}

// startsServer reports whether the package's non-test code calls a
// function or method that starts a network server: net's Listen
// functions, or net/http's ListenAndServe, ListenAndServeTLS, Serve and
// ServeTLS (the functions, or the methods of http.Server), but for a
// listen on a loopback literal ("localhost:6060": a generator's preview).
// A program that names Go sources and serves the network is a service
// (a code-review bot, a playground), not a generator.
func startsServer(pass *analysis.Pass) bool {
	found := false
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf == nil || strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			addr := -1 // the argument that is the address, if any
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "net.Listen", "net.ListenPacket":
				addr = 1
			case "net.ListenTCP", "net.ListenUnix", "net.ListenUDP", "net/http.Serve", "net/http.ServeTLS":
			case "net/http.ListenAndServe", "net/http.ListenAndServeTLS":
				if fn.Signature().Recv() == nil {
					addr = 0
				}
			default:
				return true
			}
			if addr < 0 || addr >= len(call.Args) || !loopbackLiteral(call.Args[addr]) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// loopbackLiteral reports whether e is a string literal of a loopback
// address ("localhost:6060", "127.0.0.1:0").
func loopbackLiteral(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return false
	}
	host, _, err := net.SplitHostPort(s)
	return err == nil && loopbackHost(host)
}

// docGenerators are the packages of command-line frameworks whose
// functions write the documentation of a program's commands (Markdown,
// man pages, reST, YAML). A main package whose func main calls one is
// the maintainers' documentation generator (cmd/gendocs, hack/gen-man),
// run in the repository to regenerate docs/: a developer tool. A program
// that offers its users a docs command calls it from the command's
// handler (helm's cmd/helm/docs.go, in package main), or keeps it in a
// library package, and stays ordinary.
var docGenerators = map[string]bool{
	"github.com/spf13/cobra/doc":              true,
	"github.com/urfave/cli-docs/v3":           true,
	"github.com/cpuguy83/go-md2man/v2/md2man": true,
}

// mainFuncBody returns the body of the package's func main, or nil.
func mainFuncBody(files []*ast.File) *ast.BlockStmt {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" && fd.Body != nil {
				return fd.Body
			}
		}
	}
	return nil
}

// namesGoSource reports whether a call in file passes a Go source file's
// name as a string literal argument: a relative or absolute path whose
// last element is a name ending in .go ("src/cli/cli.go", "main.go";
// not the suffix ".go" alone, "_test.go", a pattern such as "*.go", or
// text with spaces), to a function outside packages strings and bytes
// and other than path's and filepath's Match (which test a name, not
// name a file). A program that names one writes or runs Go sources of
// its repository: a generator, a version bumper run by go:generate, a
// maintainer's script.
func namesGoSource(file *ast.File, info *types.Info) bool {
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && fn.Pkg() != nil {
			switch path := fn.Pkg().Path(); {
			case path == "strings", path == "bytes",
				(path == "path" || path == "path/filepath") && fn.Name() == "Match":
				return true // a test of a name
			}
		}
		for _, arg := range call.Args {
			lit, ok := arg.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || strings.ContainsAny(s, " \t\n%") {
				continue
			}
			if base := path.Base(s); strings.HasSuffix(base, ".go") && len(base) > len(".go") &&
				!strings.HasPrefix(base, ".") && !strings.HasPrefix(base, "_") && !strings.ContainsAny(base, "*?[") {
				found = true
			}
		}
		return true
	})
	return found
}

// goRunScript reports whether f starts with the line that lets a shell
// run a Go file as a script (// /bin/true; exec /usr/bin/env go run "$0"
// "$@", or //usr/bin/env go run "$0" "$@"; exit): a maintainer's script
// run from the checkout with go run, not a program that is deployed.
func goRunScript(f *ast.File) bool {
	if len(f.Comments) == 0 || f.Comments[0].Pos() > f.Package || len(f.Comments[0].List) == 0 {
		return false
	}
	first := f.Comments[0].List[0]
	if first.Pos() != f.FileStart && first.Pos() != f.FileStart+3 { // the first line, after a byte-order mark
		return false
	}
	line := first.Text
	return strings.HasPrefix(line, "//") && strings.Contains(line, "go run") && strings.Contains(line, "$0")
}

// exampleFile reports whether a file is named as an example: one of the
// words of its base name (without .go) is example or examples.
func exampleFile(name string) bool {
	base := strings.TrimSuffix(filepath.Base(name), ".go")
	for _, w := range words(base) {
		if w == "example" || w == "examples" {
			return true
		}
	}
	return false
}

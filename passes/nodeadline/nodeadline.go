package nodeadline

import (
	_ "embed"
	"go/token"
	"go/types"
	"time"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/relevance"
	"github.com/toctou/toctou/internal/ssakit"
)

//go:embed doc.go
var doc string

// Diagnostic categories, one per shape of unbounded wait.
const (
	ClientTimeout  = "client-timeout"
	ContextDropped = "context-dropped"
	// ContextDroppedUnseen is a request built by http.NewRequest, with
	// no context, in a function that has one, and sent there through a
	// client or transport whose time limit the pass cannot see (a
	// parameter, an exported field, an interface's Do). It is opt-in:
	// such a client may have a Timeout (fresh16's KEDA scalers get theirs
	// from a constructor of another package), and then the dropped
	// context costs the caller's cancellation, not a wait without end.
	ContextDroppedUnseen = "context-dropped-unseen-client"
	BackgroundContext    = "background-context"
	DialTimeout          = "dial-timeout"
	// DialConnect is a plain TCP connect with no time limit (net.Dial,
	// (*net.Dialer).Dial, DialContext with a context that never ends).
	// It is opt-in: the kernel bounds a connect (on Linux,
	// tcp_syn_retries: about two minutes), so the call does not wait
	// forever; what does is a handshake or a read with no deadline after
	// it, which the other categories report.
	DialConnect    = "dial-connect"
	ServerTimeouts = "server-timeouts"
	ServeFunction  = "serve-function"

	// DeveloperCode is the category of every finding in code that no
	// stranger talks to: examples and demos, benchmark programs, test
	// utilities, developer tools and maintainer scripts
	// (relevance.PackageRole). It is opt-in: every driver shows it only
	// with -nodeadline.all (or -nodeadline.tools, which reports these
	// findings under their own categories).
	DeveloperCode = "developer-code"
)

var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: "nodeadline",
		Doc:  analysisutil.MustExtractDoc(doc, "nodeadline"),
		URL:  "https://github.com/toctou/toctou/blob/main/docs/checks/nodeadline.md",
		// effects installs the stop predicate for other packages'
		// never-returning functions before any pass builds the SSA
		// (ssabuild.SSA.SetImported): every pass that builds it requires it.
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("nodeadline", run),
		FactTypes: []analysis.Fact{new(NetFact)},
	}
	a.Flags.DurationVar(&defaultTimeout, "timeout", 30*time.Second,
		"the time limit suggested fixes write into clients, dialers, servers and contexts")
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests talk to servers they start themselves, and the test binary has its own timeout)")
	a.Flags.BoolVar(&includeTools, "tools", false,
		"report findings in examples, benchmark programs, test utilities and developer tools under their own categories, as in ordinary code (without it they are the opt-in developer-code category, shown with -nodeadline.all)")
	return a
}

// includeTools is the -nodeadline.tools flag, kept for the users of
// earlier releases: -nodeadline.all shows the same findings.
var includeTools bool

// defaultTimeout is the -nodeadline.timeout flag.
var defaultTimeout time.Duration

// includeTests is the -nodeadline.tests flag.
var includeTests bool

func run(pass *analysis.Pass) (any, error) {
	if !netops.Imports(pass.Pkg) && !importsFacts(pass) {
		// no network call can be in this package; what its imports
		// register on the DefaultServeMux, and what it and its imports
		// do to command-line flags, pass through it
		flags := relevance.ImportedFlags(pass, facts{pass})
		if !flags.Any && relevance.MaySetFlags(pass) {
			ssaInfo := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
			flags = relevance.NewServers(pass, ssaInfo.Funcs(), facts{pass}, ssaInfo.TestCode, nil).Flags()
		}
		exportPackage(pass, relevance.ImportedMux(pass, facts{pass}), flags)
		return nil, nil
	}
	if netops.Defines(pass.Pkg) {
		return nil, nil // net/http's Get is DefaultClient.Get: the API itself, not a use of it
	}
	ssaInfo := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	st := &state{
		pass:      pass,
		ssa:       ssaInfo,
		funcs:     ssaInfo.Funcs(),
		summaries: make(map[*types.Func]*NetFact),
		syn:       analysisutil.NewSyntax(pass),
		fixedAt:   make(map[token.Pos]bool),
		role:      relevance.PackageRole(pass),
		testing:   relevance.TestingFiles(pass),
	}
	st.servers = relevance.NewServers(pass, st.funcs, facts{pass}, ssaInfo.TestCode, ssaInfo.Callers())
	// Findings in non-test files see what non-test code stores into
	// variables and fields; findings in test files see all of it
	// (ssabuild.TestCode).
	all := st.funcs
	st.allIdx = buildIndex(pass.Pkg, all, nil)
	st.prodIdx = st.allIdx
	if ssaInfo.HasTests() {
		st.prodIdx = buildIndex(pass.Pkg, all, func(in ssa.Instruction) bool { return !ssaInfo.TestCode(in) })
	}
	st.summarize()
	st.exportFacts()
	st.reportAll()
	return nil, nil
}

// importsFacts reports whether a package this one imports directly has
// functions with facts: calls to them can be network calls.
func importsFacts(pass *analysis.Pass) bool {
	direct := make(map[*types.Package]bool)
	for _, imp := range pass.Pkg.Imports() {
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// exportFacts publishes the summaries of exported functions; other
// packages cannot call the rest.
func (st *state) exportFacts() {
	if fsops.IsStd(st.pass.Pkg) {
		return // the standard library is known through tables, never facts
	}
	for _, fn := range st.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() {
			continue
		}
		f := new(NetFact)
		if sum := st.summaries[obj]; sum != nil {
			*f = *sum
		}
		if sum := st.servers.FuncSummary(fn); sum != nil && exportedRecv(obj) {
			f.Serve = *sum
		}
		if !f.empty() {
			st.pass.ExportObjectFact(obj, f)
		}
	}
	exportPackage(st.pass, st.servers.Mux(), st.servers.Flags())
}

// exportedRecv reports whether fn is a function or a method of an
// exported type: other packages can name it.
func exportedRecv(fn *types.Func) bool {
	name := ssakit.RecvName(fn)
	return name == "" || token.IsExported(name)
}

// exportPackage publishes, as a package fact, what the package and its
// imports register on the DefaultServeMux and do to command-line flags,
// for the packages that import it (a main package has none).
func exportPackage(pass *analysis.Pass, m relevance.MuxUse, flags relevance.FlagUse) {
	if (m != 0 || !flags.Empty()) && pass.Pkg.Name() != "main" && !fsops.IsStd(pass.Pkg) {
		pass.ExportPackageFact(&NetFact{DefaultMux: m, Flags: flags})
	}
}

// facts reads what other packages' facts say of their functions and of
// what they register on the DefaultServeMux (relevance.Known).
type facts struct{ pass *analysis.Pass }

func (k facts) FuncSummary(fn *types.Func) *relevance.Summary {
	var f NetFact
	if fn.Pkg() != nil && !fsops.IsStd(fn.Pkg()) && k.pass.ImportObjectFact(fn, &f) && !f.Serve.Empty() {
		return &f.Serve
	}
	return nil
}

func (k facts) PackageFlags(pkg *types.Package) relevance.FlagUse {
	var f NetFact
	if !fsops.IsStd(pkg) && k.pass.ImportPackageFact(pkg, &f) {
		return f.Flags
	}
	return relevance.FlagUse{}
}

func (k facts) PackageMux(pkg *types.Package) relevance.MuxUse {
	var f NetFact
	if !fsops.IsStd(pkg) && k.pass.ImportPackageFact(pkg, &f) {
		return f.DefaultMux
	}
	return 0
}

// state is the state of one run of the pass over one package.
type state struct {
	pass      *analysis.Pass
	ssa       *ssabuild.SSA
	funcs     []*ssa.Function
	prodIdx   *index // what non-test code does, for findings in non-test code
	allIdx    *index // what all code does, for findings in test files
	summaries map[*types.Func]*NetFact
	syn       *analysisutil.Syntax // calls, literals, files and source text, indexed on the first report
	fixedAt   map[token.Pos]bool   // literals and expressions a fix already edits
	role      relevance.Role       // who runs the package: findings outside ordinary code are demoted (developer-code)
	testing   map[*token.File]bool // the package's test-utility files (relevance.TestingFiles)
	servers   *relevance.Servers   // which servers no stranger reaches
}

// netFact returns what the analyzed code knows of fn: from this
// package's summaries, or from a fact of its package. The standard
// library is known through netops's table only.
func (st *state) netFact(fn *types.Func) *NetFact {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() == st.pass.Pkg {
		return st.summaries[fn]
	}
	var f NetFact
	if !fsops.IsStd(fn.Pkg()) && st.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

package blindretry

import (
	_ "embed"
	"go/token"
	"go/types"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/fsops"
)

//go:embed doc.go
var doc string

// Diagnostic categories, one per kind of repeated operation.
const (
	RetriedHTTPWrite  = "retried-http-write" //nolint:gosec // G101: category names, not credentials
	RetriedSQLWrite   = "retried-sql-write"
	KeyPerAttempt     = "key-per-attempt"
	RetryableHTTPPost = "retryablehttp-write"
	RetryOnTimeout    = "retry-on-timeout"
)

// Analyzer reports retries that can repeat a non-idempotent operation.
var Analyzer = newAnalyzer()

// newAnalyzer builds the Analyzer and registers its flags.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name: "blindretry",
		Doc:  analysisutil.MustExtractDoc(doc, "blindretry"),
		URL:  "https://github.com/toctou/toctou/blob/main/docs/checks/blindretry.md",
		// effects installs the stop predicate for other packages'
		// never-returning functions before any pass builds the SSA
		// (ssabuild.SSA.SetImported): every pass that builds it requires it.
		Requires:  []*analysis.Analyzer{ssabuild.Analyzer, effects.Analyzer},
		Run:       analysisutil.Guard("blindretry", run),
		FactTypes: []analysis.Fact{new(PerformsFact), new(RetriesFact)},
	}
	a.Flags.BoolVar(&includeTests, "tests", false,
		"also report in _test.go files (tests retry against fakes they control)")
	a.Flags.BoolVar(&reportTimeouts, "timeouts", false,
		"also report calls of unknown idempotency that are retried specifically after a timeout (category retry-on-timeout)")
	a.Flags.StringVar(&extraKeyHeaders, "keys", "",
		"comma-separated names of further HTTP headers that carry an idempotency key (Idempotency-Key and X-Idempotency-Key are always known)")
	return a
}

// includeTests is the -blindretry.tests flag.
var includeTests bool

// reportTimeouts is the -blindretry.timeouts flag.
var reportTimeouts bool

// extraKeyHeaders is the -blindretry.keys flag.
var extraKeyHeaders string

// run summarizes the package's functions, exports their facts and
// reports the retried operations of every function.
func run(pass *analysis.Pass) (any, error) {
	if !relevant(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // nothing non-idempotent and no retry helper can be called here
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	funcs := res.Funcs()
	st := &state{
		pass:     pass,
		ssa:      res,
		performs: make(map[*types.Func]*PerformsFact),
		retries:  make(map[*types.Func]*RetriesFact),
		keys:     keyHeaderNames(extraKeyHeaders),
		reported: make(map[token.Pos]bool),
		syn:      analysisutil.NewSyntax(pass),
	}
	// Calls in non-test files see what non-test code configures; calls in
	// test files see all of it (ssabuild.TestCode).
	st.retryablehttpConfigured = configuresRetryableHTTP(funcs, func(in ssa.Instruction) bool { return !res.TestCode(in) })
	st.retryablehttpConfiguredInTests = st.retryablehttpConfigured || configuresRetryableHTTP(funcs, nil)
	st.summarize(res.CallGraph())
	st.exportFacts()
	for _, fn := range funcs { // (function literals included)
		st.checkFunc(fn)
	}
	st.checkDrivers(funcs)
	return nil, nil
}

// relevant reports whether pkg imports a package whose calls this pass
// knows: a non-idempotent operation, a retry helper, or (with
// -blindretry.timeouts) a way to test an error for a timeout.
func relevant(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		p := imp.Path()
		switch {
		case p == "net/http", p == "database/sql", p == driverPath, helperPackage(p), rpcWrites[p] != nil:
			return true
		case reportTimeouts && (p == "context" || p == "os" || p == "net" || p == "errors"):
			return true
		}
	}
	return false
}

// state is the state of one run of the pass over one package.
type state struct {
	pass     *analysis.Pass
	performs map[*types.Func]*PerformsFact // this package's non-idempotent functions
	retries  map[*types.Func]*RetriesFact  // this package's retry helpers
	keys     map[string]bool               // canonical idempotency-key header names
	reported map[token.Pos]bool            // call positions already reported
	syn      *analysisutil.Syntax          // calls and files, indexed on the first report
	ssa      *ssabuild.SSA
	// retryablehttpConfigured: the package's non-test code sets CheckRetry
	// or RetryMax = 0 on a go-retryablehttp client, so its retry policy is
	// its own; retryablehttpConfiguredInTests: its code does, test files
	// included (what calls in test files see).
	retryablehttpConfigured, retryablehttpConfiguredInTests bool
}

// exportFacts publishes the summaries of exported functions; other
// packages cannot call the rest.
func (st *state) exportFacts() {
	if fsops.IsStd(st.pass.Pkg) {
		return // the standard library is known through tables, never facts
	}
	for fn, f := range st.performs {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
	for fn, f := range st.retries {
		if fn.Exported() {
			st.pass.ExportObjectFact(fn, f)
		}
	}
}

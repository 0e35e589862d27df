package nodeadline_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
	"github.com/toctou/toctou/internal/fixtest"
	"github.com/toctou/toctou/passes/nodeadline"
)

// packages are the testdata packages; each file a fix edits has a
// .golden file next to it.
var packages = []string{"a", "chosen", "proxydials", "ctxs", "dials", "servers", "dropped", "fiximports", "defaulttimeout", "defaultreplaced",
	"example.com/netutil", "example.com/app", "cobracmd", "onerace"}

func TestNodeadline(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nodeadline.Analyzer, packages...)
}

func TestIncludeTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "intests")
}

// TestSkipTests checks that _test.go files are quiet by default.
func TestSkipTests(t *testing.T) {
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), nodeadline.Analyzer, "intests") {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: reported in a test file without -tests: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

// discard is an analysistest.Testing that ignores the // want comments.
type discard struct{}

func (discard) Errorf(string, ...any) {}

func TestTimeoutFlag(t *testing.T) {
	setFlag(t, "timeout", "1m30s")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nodeadline.Analyzer, "timeoutflag")
}

func TestCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	for _, r := range analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "cgouser") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a file cgo rewrote", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
}

// TestFixesCompile applies every suggested fix in the testdata and
// type-checks the result.
func TestFixesCompile(t *testing.T) {
	fixtest.Run(t, analysistest.TestData(), nodeadline.Analyzer, append(slices.Clone(packages), fixedToo...)...)
}

// fixedToo are testdata packages whose tests check categories and races
// rather than the text of the fixes; their fixes must still compile.
var fixedToo = []string{"connects", "fieldrace", "loopbackurls", "fieldurls", "flaghosturls", "dialdeadline", "ignoredrace", "example.com/boundedcaller", "example.com/streamedcaller"}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	setFlagOf(t, nodeadline.Analyzer, name, value)
}

// TestTestFilesSilenceNothing checks that a _test.go file that configures
// the package's clients (http.DefaultClient.Transport = fake, a Timeout
// on a package-level client or a field) does not silence the findings of
// the non-test files, and that with -tests the test file's own calls see
// what it sets.
func TestTestFilesSilenceNothing(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "testsilence")
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "testsilence")
}

// TestLocalServers checks that servers no stranger can reach (loopback,
// unix sockets, in-memory listeners) and servers of debug and metrics
// endpoints are not reported, and that look-alikes reached from the
// network still are.
func TestLocalServers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "localservers",
		"pprofserver", "expvarserver", "pprofmixed", "pprofrouted", "pprofown", "nopprof",
		"memservers", "memservers/memnet", "netrelay", "pushedconns/...", "memtested", "memrelayed", "debughelper", "debughelper/mydebug", "flagaddr", "flagaddr/setany", "flagaddr/visitall", "flagaddr/oncevalue", "flagaddr/lookupvar", "flagaddr/exported",
		"flagaddr/configvalue", "flagaddr/publicvalue", "flagaddr/osargs", "flagaddr/getstringwritten", "flagaddr/getstringvar",
		"flagaddr/ownsetter", "flagaddr/genericsetter", "flagaddr/funcvalue", "flagaddr/deferset", "flagaddr/aliasorder",
		"flagaddr/zerostore", "flagaddr/crosspkg", "flagaddr/envload", "flagaddr/unrelated", "flagaddr/prepended", "flagaddr/otherarg", "escapedservers", "closureservers", "debugindex", "debugindexapp", "debugother",
		"defaultmux/...", "metricsdefault", "metricsclosure", "metricsapi", "tailnet", "probeservers", "gorillapprof",
		"wrappedlisteners/...", "monitoringaddr")
}

// TestFieldURLs checks that a request to a loopback URL kept in an
// unexported field only such literals set is not reported, and that
// look-alikes whose host a caller, another package or a flag can choose,
// and the cloud metadata service, still are.
func TestFieldURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "fieldurls")
}

// TestDialDeadline checks that a client whose transport's dial function
// sets a read deadline on every connection it returns is not reported,
// and that dial functions that leave one connection without it, or set
// only a write deadline, still are.
func TestDialDeadline(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "dialdeadline")
}

// TestUnixTransport checks that a client whose transport dials only a
// Unix socket or a loopback address is not reported, and that dial
// functions that may reach another machine still are.
func TestUnixTransport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "unixtransport")
}

// TestFlagHostURLs checks that a request to a host read from a flag by
// name whose default is a loopback host is not reported, and that hosts
// any machine can be by default still are.
func TestFlagHostURLs(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "flaghosturls", "flaghosturls/diagclient", "flaghosturls/hammer")
}

// TestContextForm checks that the convenience form F of an API that also
// offers FContext is not reported, and that look-alikes still are.
func TestContextForm(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "contextform/...")
}

// demoted are examples, benchmark programs, test utilities and developer
// tools, one package per rule of relevance.PackageRole: their findings are
// the opt-in developer-code category. Each line that has one is marked
// "// no diagnostic: developer-code".
var demoted = []string{"roles/examples/hello", "roles/tools/gen", "roles/internal/tools/tooling", "roles/benchmarks/load",
	"roles/cmd/pinecone-demo", "roles/cmd/sample_client", "roles/cmd/dev/seed", "roles/cmd/upgrade-tests",
	"roles/apitest", "roles/testutil", "roles/fakes", "roles/fake/testing",
	"roles/cmd/proxy-test-server", "roles/cmd/app-demo-pinecone/conn", "roles/cmd/connector-gen", "roles/tstest/natlab",
	"roles/alert-tool/unittest", "roles/tool/crossbuild", "roles/cmd/harness", "roles/docs/webhooks", "roles/hooks"}

// lookalikes are ordinary code that looks like a demoted role: reported.
var lookalikes = []string{"roles/tools/lib", "roles/cmd/resample", "roles/cmd/sampler", "roles/cmd/contest",
	"roles/cmd/devices", "roles/latest", "roles/recorder", "roles/integ", "roles/undertest", "roles/store",
	"roles/pkg/ab-test", "roles/cmd/speedtest", "roles/cmd/shortest", "roles/cmd/prerender", "roles/cmd/exampleconfig",
	"roles/internal/tools/agenttools"}

const demotedMark = "// no diagnostic: developer-code"

// driverPass returns nodeadline as every driver runs it: with the opt-in
// categories dropped unless -nodeadline.all is set.
func driverPass(t *testing.T) *analysis.Analyzer {
	for _, row := range analyzer.Passes() {
		if row.Analyzer == nodeadline.Analyzer {
			return driver.Analyzers([]analyzer.Pass{row}, nil)[0]
		}
	}
	t.Fatal("nodeadline is not in the table")
	return nil
}

// TestRoles checks that the findings in examples, benchmarks, test
// utilities and developer tools are left out of what the drivers report
// by default, that look-alikes of each role are reported, that the pass
// reports the demoted findings in the developer-code category (shown by
// -nodeadline.all), and that -nodeadline.tools reports them under their
// own categories.
func TestRoles(t *testing.T) {
	a := driverPass(t)
	analysistest.Run(t, analysistest.TestData(), a, append(slices.Clone(demoted), lookalikes...)...)

	marked := markedLines(t, demoted)
	check := func(a *analysis.Analyzer, wantCat func(string) bool, how string) {
		got := map[string]bool{}
		for _, r := range analysistest.Run(discard{}, analysistest.TestData(), a, demoted...) {
			for _, d := range r.Diagnostics {
				p := r.Pass.Fset.Position(d.Pos)
				key := fmt.Sprintf("%s:%d", p.Filename, p.Line)
				got[key] = true
				if !marked[key] {
					t.Errorf("%s: %s: an unmarked finding: %s", key, how, d.Message)
				}
				if !wantCat(d.Category) {
					t.Errorf("%s: %s: category %s", key, how, d.Category)
				}
			}
		}
		for key := range marked {
			if !got[key] {
				t.Errorf("%s: %s: no finding at a line marked %q", key, how, demotedMark)
			}
		}
	}
	isDev := func(c string) bool { return c == nodeadline.DeveloperCode }
	check(nodeadline.Analyzer, isDev, "the pass")
	setFlagOf(t, a, "all", "true")
	check(a, isDev, "-nodeadline.all")
	setFlag(t, "tools", "true")
	check(a, func(c string) bool { return !isDev(c) }, "-nodeadline.tools")
}

// TestRoleTags checks that a file built only with the integration tag is
// test code: with the tag set (go vet -tags integration), its findings
// are developer-code; the file built without the tag is ordinary
// (TestRoles).
func TestRoleTags(t *testing.T) {
	t.Setenv("GOFLAGS", "-tags=integration")
	marked := markedLines(t, []string{"roles/integ"})
	n := 0
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), nodeadline.Analyzer, "roles/integ") {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			if key := fmt.Sprintf("%s:%d", p.Filename, p.Line); !marked[key] || d.Category != nodeadline.DeveloperCode {
				t.Errorf("%s: %s: %s", key, d.Category, d.Message)
			}
			n++
		}
	}
	if n != len(marked) {
		t.Errorf("%d findings with -tags integration, want %d", n, len(marked))
	}
}

// markedLines returns the file:line of every line of pkgs that carries
// demotedMark.
func markedLines(t *testing.T, pkgs []string) map[string]bool {
	t.Helper()
	marked := map[string]bool{}
	for _, pkg := range pkgs {
		dir := filepath.Join(analysistest.TestData(), "src", pkg)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no files (%v)", pkg, err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(data), "\n") {
				if strings.Contains(line, demotedMark) {
					marked[fmt.Sprintf("%s:%d", file, i+1)] = true
				}
			}
		}
	}
	return marked
}

func setFlagOf(t *testing.T, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// TestStreamsNoTimeoutFix checks that a client whose response is read in
// a loop (a stream, a watch, a long poll) is reported with no client
// Timeout fix, also when the stream is read at another send through the
// same client than the one reported. Each case has a client of its own
// literal, so that each would get the Timeout fix without the guard.
func TestStreamsNoTimeoutFix(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "streams") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix for a streaming client: %s", r.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}

// TestOneReportPerRace checks that the other sends through one client,
// starts of one server and dials of one dialer are related locations of
// the first one's diagnostic, also for a client kept in a field of a
// struct and chosen by its constructor (a literal or http.DefaultClient).
func TestOneReportPerRace(t *testing.T) {
	want := map[string]map[int]int{ // package: line of the diagnostic: its "also" related locations
		"onerace": {
			24: 3, // cfg.client: create, remove, head
			50: 1, // primary
			51: 0, // secondary
			57: 0, // http.Get
			58: 0, // http.Head
			64: 2, // srv
			72: 1, // d
		},
		"fieldrace": {
			28: 3, // a.hc, http.DefaultClient: get, remove, head
			57: 0, // a.hc with context.Background(): its remedy is at the call
			72: 1, // s.hc, a literal assigned after the struct: save
			87: 1, // m.hc, http.DefaultClient of another type: check
		},
	}
	for pkg, lines := range want {
		for _, r := range analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, pkg) {
			for _, d := range r.Diagnostics {
				line := r.Pass.Fset.Position(d.Pos).Line
				also := 0
				for _, rel := range d.Related {
					if strings.Contains(rel.Message, "also") || strings.Contains(rel.Message, "the same") {
						also++
					}
				}
				if n, ok := lines[line]; !ok || n != also {
					t.Errorf("%s: line %d: %d related sites of the same race, want %d (%v)", pkg, line, also, n, d.Related)
				}
			}
		}
	}
}

// TestIgnoreAnySend checks that a //toctou:ignore directive on any send
// of a race, not only the first, suppresses the race: the pass reports
// the race at the suppressed send (analysistest sees it there), and every
// driver drops it; a directive with no reason moves nothing.
func TestIgnoreAnySend(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "ignoredrace")
	var lines []int
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), driverPass(t), "ignoredrace") {
		for _, d := range r.Diagnostics {
			lines = append(lines, r.Pass.Fset.Position(d.Pos).Line)
		}
	}
	if !slices.Equal(lines, []int{32}) {
		t.Errorf("lines reported through the driver: %v, want [32] (the race whose directive has no reason)", lines)
	}
}

// TestCategories checks the category of each finding of the packages of
// dial-connect (a plain TCP connect the kernel bounds), of contexts that
// never end passed to functions of another package, and of requests to
// the machine itself; and that every driver leaves dial-connect out
// unless -nodeadline.all asks for it.
func TestCategories(t *testing.T) {
	const (
		connect = nodeadline.DialConnect
		dial    = nodeadline.DialTimeout
		bg      = nodeadline.BackgroundContext
		client  = nodeadline.ClientTimeout
	)
	want := map[string]map[int]string{ // package: line: category
		"connects": {
			19: connect, 24: connect, 29: connect, 35: connect, // net.Dial, (*net.Dialer).Dial and DialContext
			49: dial, 53: dial, 58: bg, // TLS handshakes
			88: connect, 92: dial, // look-alikes of the machine itself
			100: connect, 104: connect, // one dialer, two contexts that never end: two findings
		},
		"example.com/boundedcaller":  {22: bg, 26: connect, 30: bg, 34: bg},
		"example.com/streamedcaller": {17: bg, 21: bg, 25: bg}, // a callee that reads its response once (in a goroutine), or sends one request
		"loopbackurls":               {77: client, 85: client, 93: client, 101: client, 130: client, 138: client, 146: client},
		"proxydials":                 {19: dial, 27: dial, 31: connect, 35: dial, 63: connect},
	}
	pkgs := []string{"example.com/bounded", "example.com/streamed"}
	for pkg := range want {
		pkgs = append(pkgs, pkg)
	}
	slices.Sort(pkgs)
	check := func(a *analysis.Analyzer, all bool) {
		for _, r := range analysistest.Run(t, analysistest.TestData(), a, pkgs...) {
			seen := map[int]bool{}
			lines := want[r.Pass.Pkg.Path()]
			for _, d := range r.Diagnostics {
				line := r.Pass.Fset.Position(d.Pos).Line
				seen[line] = true
				if c := lines[line]; c != d.Category {
					t.Errorf("%s:%d: category %s, want %q", r.Pass.Pkg.Path(), line, d.Category, c)
				}
			}
			for line, c := range lines {
				if !seen[line] && (all || c != connect) {
					t.Errorf("%s:%d: no finding of %s", r.Pass.Pkg.Path(), line, c)
				}
			}
		}
	}
	check(nodeadline.Analyzer, true)
	a := driverPass(t)
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), a, pkgs...) {
		for _, d := range r.Diagnostics {
			if d.Category == connect {
				t.Errorf("%s: dial-connect reported by default", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
	setFlagOf(t, a, "all", "true")
	n := 0
	for _, r := range analysistest.Run(discard{}, analysistest.TestData(), a, pkgs...) {
		for _, d := range r.Diagnostics {
			if d.Category == connect {
				n++
			}
		}
	}
	if n == 0 {
		t.Errorf("-nodeadline.all: no dial-connect finding")
	}
}

// TestUnseenClientOptIn checks that a request built with no context in a
// function that has one, and sent through a client whose time limit the
// pass cannot see, is in the opt-in category
// context-dropped-unseen-client: the bare pass reports both of chosen's,
// every driver leaves them out, and -nodeadline.all shows them.
func TestUnseenClientOptIn(t *testing.T) {
	count := func(a *analysis.Analyzer) (n int) {
		for _, r := range analysistest.Run(discard{}, analysistest.TestData(), a, "chosen") {
			for _, d := range r.Diagnostics {
				if d.Category == nodeadline.ContextDroppedUnseen {
					n++
				}
			}
		}
		return n
	}
	if n := count(nodeadline.Analyzer); n != 2 {
		t.Errorf("bare pass: %d findings in %s, want 2", n, nodeadline.ContextDroppedUnseen)
	}
	a := driverPass(t)
	if n := count(a); n != 0 {
		t.Errorf("driver: %d findings in %s, want 0", n, nodeadline.ContextDroppedUnseen)
	}
	setFlagOf(t, a, "all", "true")
	if n := count(a); n != 2 {
		t.Errorf("-nodeadline.all: %d findings in %s, want 2", n, nodeadline.ContextDroppedUnseen)
	}
}

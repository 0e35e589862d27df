package relevance_test

import (
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/relevance"
)

func TestPathRole(t *testing.T) {
	for _, c := range []struct {
		path string
		main bool
		want relevance.Role
	}{
		{"cmd/server", true, relevance.Ordinary},
		{"examples/hello", true, relevance.Example},
		{"_examples/grpc/server", false, relevance.Example},
		{"internal/example", false, relevance.Example},
		{"benchmarks/load", true, relevance.Benchmark},
		{"tools/gen", true, relevance.DevTool},
		{"tools/gen", false, relevance.Ordinary},           // a library under tools/
		{"internal/tools/lint", false, relevance.Ordinary}, // an agent's tools: a library
		{"internal/tools/lint", true, relevance.DevTool},
		{"hack/release", true, relevance.DevTool},
		{"scripts/bump", true, relevance.DevTool},
		{"scripts/bump", false, relevance.Ordinary},
		{"", true, relevance.Ordinary},
		{"cmd/pinecone-demo", true, relevance.Example},
		{"cmd/sample_client", true, relevance.Example},
		{"cmd/demo", false, relevance.Ordinary}, // a library named demo: only programs
		{"cmd/resample", true, relevance.Ordinary},
		{"cmd/demod", true, relevance.Ordinary},
		{"cmd/sampler", true, relevance.Ordinary},
		{"cmd/dev/seed", true, relevance.DevTool},
		{"cmd/devices", true, relevance.Ordinary},
		{"cmd/dev", false, relevance.Ordinary},
		{"cmd/upgrade-tests", true, relevance.DevTool},
		{"test/e2e/driver", true, relevance.DevTool},
		{"cmd/contest", true, relevance.Ordinary},
		{"cmd/latest", true, relevance.Ordinary},
		{"cmd/upgrade-tests", false, relevance.Ordinary},

		// words of path elements (split at "-", "_", ".")
		{"cmd/proxy-test-server", true, relevance.DevTool},
		{"cmd/app-demo-pinecone", true, relevance.Example},
		{"cmd/app-demo-pinecone/conn", false, relevance.Example}, // a library inside a demo's tree
		{"pkg/demo-mode", false, relevance.Ordinary},             // a library named for a demo mode
		{"app/vmalert-tool", true, relevance.DevTool},
		{"cmd/connector-gen", true, relevance.DevTool},
		{"cmd/protoc-gen-foo", true, relevance.DevTool},
		{"pkg/gen", false, relevance.Ordinary}, // a library named gen (ids, code) is ordinary
		{"cmd/keygen", true, relevance.Ordinary},
		{"pkg/foo_example", false, relevance.Example},
		{"cmd/load.bench", true, relevance.Benchmark},
		{"internal/bench/util", false, relevance.Benchmark},
		{"cmd/fake-oidc", true, relevance.DevTool},
		{"internal/mocks", false, relevance.TestUtil},
		{"internal/fake-store/x", false, relevance.TestUtil},
		{"pkg/fakeip", false, relevance.Ordinary},
		{"pkg/testenv", false, relevance.TestUtil},
		{"pkg/my_testutil", false, relevance.TestUtil},
		{"pkg/test", false, relevance.TestUtil},
		{"integration-tests/helpers", false, relevance.TestUtil},
		{"pkg/ab-test", false, relevance.Ordinary}, // an A/B-testing library is named for what it does
		{"pkg/ab-test", true, relevance.DevTool},   // (a program named so is taken for a test program)
		{"internal/testing/server", false, relevance.TestUtil},
		{"pkg/e2e", false, relevance.Ordinary}, // end-to-end encryption
		{"cmd/e2e-runner", true, relevance.DevTool},
		{"pkg/integration/slack", false, relevance.Ordinary},
		{"cmd/slack-integration", true, relevance.Ordinary},
		{"cmd/attest", true, relevance.Ordinary},
		{"cmd/attestation-tests", true, relevance.DevTool},
		{"cmd/testserver", true, relevance.Ordinary}, // test+word compounds are not read (testnet)
		{"cmd/testnet", true, relevance.Ordinary},
		{"cmd/dev-proxy", true, relevance.DevTool},
		{"cmd/devproxy", true, relevance.Ordinary},
		{"cmd/hack_release", true, relevance.DevTool},
		{"cmd/release", true, relevance.DevTool}, // a program named release: the maintainers' release tool
		{"tools/release/notes", true, relevance.DevTool},
		{"cmd/release", false, relevance.Ordinary},           // a library of releases (helm's)
		{"cmd/release-controller", true, relevance.Ordinary}, // a service named for releases
		{"t/cmd", true, relevance.DevTool},                   // git-lfs's test programs: the Git project's t/
		{"t/cmd/util", false, relevance.TestUtil},
		{"t", false, relevance.TestUtil},
		{"pkg/t-digest", false, relevance.Ordinary}, // not the whole element
		{"cmd/at", true, relevance.Ordinary},
		{"cmd/releases", true, relevance.Ordinary},

		// compound test words: a kind of test or a vowel-less prefix
		{"cmd/unittest", true, relevance.DevTool},
		{"vmalert-tool/unittest", false, relevance.TestUtil},
		{"pkg/e2etest", false, relevance.TestUtil},
		{"cmd/inttest", true, relevance.DevTool},
		{"cmd/systest", true, relevance.DevTool},
		{"internal/xtest", false, relevance.TestUtil},
		{"tstest/natlab", false, relevance.TestUtil},
		{"go/vt/vttablet/endtoend/framework", false, relevance.TestUtil}, // endtoend: a test suite's directory
		{"endtoend", false, relevance.TestUtil},
		{"pkg/endtoendcrypto", false, relevance.Ordinary}, // a word of its own
		{"pkg/e2e", false, relevance.Ordinary},            // end-to-end encryption takes e2e
		{"cmd/endtoend", true, relevance.DevTool},
		{"k8stests/helpers", false, relevance.TestUtil},
		{"cmd/loadtest", true, relevance.DevTool},
		{"cmd/speedtest", true, relevance.Ordinary}, // a program users run
		{"pkg/selftest", false, relevance.Ordinary},
		{"pkg/latest", false, relevance.Ordinary},
		{"pkg/protest", false, relevance.Ordinary},
		{"cmd/detest", true, relevance.Ordinary},
		{"cmd/shortest", true, relevance.Ordinary},
		{"cmd/fattest", true, relevance.Ordinary},
		{"cmd/hottest", true, relevance.Ordinary},
		{"cmd/fastest", true, relevance.Ordinary},
		{"cmd/cutest", true, relevance.Ordinary},

		// the singular tool, programs under doc(s)
		{"tool/gocross", true, relevance.DevTool},
		{"tool/gocross", false, relevance.Ordinary},
		{"docs/webhooks", true, relevance.Example},
		{"doc/tutorial/step1", true, relevance.Example},
		{"docs/render", false, relevance.Ordinary},
		{"cmd/docserver", true, relevance.Ordinary},
	} {
		if got := relevance.PathRole(c.path, c.main); got != c.want {
			t.Errorf("PathRole(%q, %v) = %v, want %v", c.path, c.main, got, c.want)
		}
	}
}

func TestFileRole(t *testing.T) {
	for _, c := range []struct {
		src  string
		want relevance.Role
	}{
		{"package main\n", relevance.Ordinary},
		{"//go:build ignore\n\npackage main\n", relevance.DevTool},
		{"//go:build tools\n\npackage tools\n", relevance.DevTool},
		{"//go:build linux && !ignore\n\npackage x\n", relevance.Ordinary},
		{"//go:build linux\n\npackage x\n", relevance.Ordinary},
		{"// Package x.\npackage x\n\n//go:build ignore\n", relevance.Ordinary}, // after the package clause
		{"//go:build integration\n\npackage x\n", relevance.TestUtil},
		{"//go:build e2e && linux\n\npackage x\n", relevance.TestUtil},
		{"//go:build !integration\n\npackage x\n", relevance.Ordinary},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", c.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := relevance.FileRole(f); got != c.want {
			t.Errorf("FileRole(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// roleAnalyzer reports the role of each package that is not ordinary at
// its first file's package name.
var roleAnalyzer = &analysis.Analyzer{
	Name: "role",
	Doc:  "reports the program role of each package",
	Run: func(pass *analysis.Pass) (any, error) {
		if r := relevance.PackageRole(pass); r != relevance.Ordinary && len(pass.Files) > 0 {
			pass.Reportf(pass.Files[0].Name.Pos(), "role: %s", r)
		}
		return nil, nil
	},
}

// TestCodeRole checks the roles of main packages decided from their
// code: a program that imports testing or starts an httptest server is a
// test harness, one whose every file is named as an example is an
// example, one that names a Go source file or calls cobra/doc's
// generators is a developer tool (gendocs); the nearest ordinary
// programs (httptest.NewRecorder, fstest.MapFS, one example_config.go
// beside main.go), a library starting an httptest server and a product
// whose docs command is in a library package (docscmd) or in a command
// handler of package main (docscmdmain, as helm's) are not. A library
// importing a container test framework (dockertest, a testcontainers-go
// module) is a test utility; one importing only dockertest's Docker
// client (dockerapi) is not.
func TestCodeRole(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), roleAnalyzer,
		"harness", "testserver", "benchprog", "webhooks", "prerender", "memfs", "exampleconfig", "libserver",
		"bumpversion", "gosrcname", "prbot", "playground", "globcheck", "previewgen", "gendocs", "docscmd", "docscmd/cmd", "docscmdmain",
		"containerharness", "tcharness", "dockerapi", "crossdockdriver", "agentmod/...", "gorunscript", "gorundoc")
}

func TestLocalURL(t *testing.T) {
	str := func(s string) ssa.Value { return ssa.NewConst(constant.MakeString(s), types.Typ[types.String]) }
	port := ssa.NewConst(nil, types.Typ[types.String]) // stands for a value the code computes
	concat := func(s string) ssa.Value { return &ssa.BinOp{Op: token.ADD, X: str(s), Y: port} }
	for _, c := range []struct {
		v    ssa.Value
		want bool
	}{
		{str("http://127.0.0.1:8080/health"), true},
		{str("http://localhost"), true},
		{str("https://[::1]:8443/"), true},
		{concat("http://127.0.0.1:"), true},
		{concat("http://localhost/"), true},
		{concat("http://127.1.2.3:"), true},
		{concat("http://localhost"), false},        // the host goes on: localhost.example.com
		{concat("http://127.example.com:"), false}, // a name, not an address
		{concat("http://localhost:80@"), false},    // user information: the host is after @
		{concat("http://"), false},
		{concat("127.0.0.1:"), false}, // an address, not a URL
		{str("http://example.com/"), false},
	} {
		if got := relevance.LocalURL(c.v); got != c.want {
			t.Errorf("LocalURL(%s) = %v, want %v", c.v, got, c.want)
		}
	}
}

func TestLocalPeer(t *testing.T) {
	str := func(s string) ssa.Value { return ssa.NewConst(constant.MakeString(s), types.Typ[types.String]) }
	for _, c := range []struct {
		network, addr string
		want          bool
	}{
		{"tcp", "127.0.0.1:6379", true},
		{"tcp", "localhost:53", true},
		{"tcp", "[::1]:80", true},
		{"unix", "/run/app.sock", true},
		{"tcp", "127.example.com:80", false},
		{"tcp", "10.0.0.1:80", false},
		{"udp", "example.com:53", false},
	} {
		if got := relevance.LocalPeer(str(c.network), str(c.addr)); got != c.want {
			t.Errorf("LocalPeer(%q, %q) = %v, want %v", c.network, c.addr, got, c.want)
		}
	}
}

// TestTaggedPackageRole checks that a build tag of one file does not
// give its role to the whole package, and that a package every file of
// which has the tag takes it (both built with -tags integration).
func TestTaggedPackageRole(t *testing.T) {
	t.Setenv("GOFLAGS", "-tags=integration")
	analysistest.Run(t, analysistest.TestData(), roleAnalyzer, "taggedfile", "taggedall")
}

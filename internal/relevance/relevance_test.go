package relevance_test

import (
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

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
		{"tools/gen", false, relevance.Ordinary}, // a library under tools/
		{"internal/tools/lint", false, relevance.DevTool},
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

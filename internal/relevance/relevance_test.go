package relevance_test

import (
	"go/parser"
	"go/token"
	"testing"

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

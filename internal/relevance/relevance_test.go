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

// Package xtools holds copies of internal packages of golang.org/x/tools
// v0.52.0 (the version go.mod pins), which other modules cannot import:
//
//	diff       golang.org/x/tools/internal/diff (Merge, ApplyBytes, Unified)
//	diff/lcs   golang.org/x/tools/internal/diff/lcs
//	free       golang.org/x/tools/internal/astutil/free
//
// The standalone driver's -fix and -diff (cmd/toctou/fix.go) merge,
// format and print fixes with them, so that they produce byte for byte
// what multichecker, go vet -fix and go fix produce. The files are
// unchanged but for import paths; update them together with x/tools.
// They keep their copyright headers; x/tools' license is in LICENSE here.
package xtools

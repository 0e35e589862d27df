// Package demo is a small module with check-then-use races on file paths
// next to the correct code for the same job. Run toctou on it from the
// repository root:
//
//	go build -o bin/toctou ./cmd/toctou
//	cd testdata && ../bin/toctou ./...
//
// (This module does not require toctou, so "go run" cannot build it here.)
//
// Every function named ...Racy is reported; the others are not.
//
// The end-to-end tests of cmd/toctou run the toctou binary, go vet and
// go fix on copies of this module and compare the results with the golden
// files under cmd/toctou/testdata.
package demo

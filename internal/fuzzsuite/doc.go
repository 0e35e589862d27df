// Package fuzzsuite holds the fuzz target of the whole suite (its test
// file, FuzzPasses): the passes' testdata programs, mutated, run through
// every analyzer of analyzer.Passes(). It has no code of its own.
package fuzzsuite

// Package dep declares an old function and its replacement.
package dep

func OldJoin(a, b string) string { return a + "/" + b }

func NewJoin(a, b string) string { return a + "/" + b }

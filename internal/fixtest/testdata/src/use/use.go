// Package use calls dep.OldJoin; only a fact exported while analyzing dep
// tells the analyzer that it has a replacement.
package use

import "example.com/dep"

func Path() string { return dep.OldJoin("a", "b") }

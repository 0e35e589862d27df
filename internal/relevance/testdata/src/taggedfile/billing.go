// Package taggedfile is production code with one file built only for
// integration tests: built with -tags integration, the package stays
// ordinary (the tagged file alone is test code).
package taggedfile

// AddCredit adds to a balance.
func AddCredit(b, n int) int { return b + n }

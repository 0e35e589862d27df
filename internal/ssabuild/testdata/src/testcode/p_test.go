package testcode

import "testing"

var C = 5 // want `test store to C`

var _ = func() int {
	A = 6 // want `test store to A`
	return 0
}()

func init() {
	A = 7 // want `test store to A`
}

func TestSet(t *testing.T) {
	A = 8 // want `test store to A`
	func() {
		A = 9 // want `test store to A`
	}()
	set()
}

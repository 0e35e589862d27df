// Package testcode stores into its variables from non-test and test code.
package testcode

var A int

var B = 1 // want `store to B`

var fs = []func(){func() { A = 2 }} // want `store to fs` `store to A`

func set() {
	A = 3 // want `store to A`
}

func init() {
	A = 4 // want `store to A`
}

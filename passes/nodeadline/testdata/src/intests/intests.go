// Package intests checks that findings in _test.go files are reported
// only with -nodeadline.tests.
package intests

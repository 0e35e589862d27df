// Package intests has findings only in its test file.
package intests

// Package unittest is a compound test word (a kind of test before
// "test"): a test utility, though the library's directory, alert-tool,
// says nothing for a library (tool words are read for programs only).
package unittest

import "net/http"

func Query(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}

// Package natlab is under tstest: a compound test word (an abbreviation,
// with no vowel, before "test").
package natlab

import "net/http"

func Probe(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}

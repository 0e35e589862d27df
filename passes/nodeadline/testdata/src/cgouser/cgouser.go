// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported, without fixes.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import "net/http"

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Get(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context`
}

func GetTimed(url string) (*http.Response, error) {
	c := &http.Client{Timeout: 1e9}
	return c.Get(url) // no diagnostic: the client has a Timeout
}

// Package cgouser uses cgo: the files the pass sees are cgo's rewrites of
// this one, marked generated; findings are still reported.
package cgouser

/*
static int twice(int x) { return 2*x; }
*/
import "C"

import (
	"net/http"
	"strings"
)

func Twice(x int) int { return int(C.twice(C.int(x))) }

func Send(body string) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = http.Post("https://example.com", "text/plain", strings.NewReader(body)); err == nil { // want `http.Post sends an HTTP POST request again after an error`
			return nil
		}
	}
	return err
}

func Get() error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = http.Get("https://example.com"); err == nil { // no diagnostic: GET
			return nil
		}
	}
	return err
}

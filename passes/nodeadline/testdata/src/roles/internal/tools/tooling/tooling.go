// Command tooling is a developer tool (a program under internal/tools; a
// library there is ordinary code).
package main

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}

func main() {}

// Package conn is a library inside a demo program's tree
// (app-demo-pinecone): part of the example.
package conn

import "net/http"

func Fetch(u string) (*http.Response, error) {
	return http.Get(u) // no diagnostic: developer-code
}

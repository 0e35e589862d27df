// Package agenttools holds the tools an agent's model calls, in a
// library under internal/tools: ordinary code.
package agenttools

import "net/http"

// WebFetch fetches a page the model asks for.
func WebFetch(u string) (*http.Response, error) {
	return http.Get(u) // want `http.Get sends a request with no context through http.DefaultClient`
}

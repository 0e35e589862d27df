// Package testsilence has production code whose findings do not depend
// on its test files: go vet, go fix, golangci-lint and gopls analyze the
// package with them, the standalone checker without them.
package testsilence

import (
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

func charge(body string) error {
	_, err := retryablehttp.Post("https://pay.example.com/v1/charges", "text/plain", strings.NewReader(body)) // want `retryablehttp.Post sends an HTTP POST request through a go-retryablehttp client`
	return err
}

// Package defaultreplaced replaces http.DefaultClient.
package defaultreplaced

import (
	"net/http"
	"time"
)

func Setup() {
	http.DefaultClient = &http.Client{Timeout: time.Minute}
}

func head(url string) (*http.Response, error) {
	return http.Head(url) // no diagnostic: the package replaces http.DefaultClient
}

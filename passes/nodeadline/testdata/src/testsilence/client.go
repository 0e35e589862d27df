// Package testsilence has production code whose findings do not depend
// on its test files, although they configure the same clients: go vet,
// go fix, golangci-lint and gopls analyze the package with its test
// files, the standalone checker without them, and both must report.
package testsilence

import "net/http"

var api = &http.Client{}

type service struct{ hc *http.Client }

func newService() *service { return &service{hc: &http.Client{}} }

func get(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get sends a request with no context through http.DefaultClient, which has no Timeout`
}

func do(url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `http.DefaultClient, which has no Timeout`
}

func fetch(url string) (*http.Response, error) {
	return api.Get(url) // want `api, which has no Timeout`
}

func (s *service) fetch(url string) (*http.Response, error) {
	return s.hc.Get(url) // want `s.hc, which has no Timeout`
}

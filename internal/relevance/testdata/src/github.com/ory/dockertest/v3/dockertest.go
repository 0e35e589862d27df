// Package dockertest stubs github.com/ory/dockertest/v3.
package dockertest

type Pool struct{}

func NewPool(endpoint string) (*Pool, error) { return &Pool{}, nil }

// Package docker stubs github.com/ory/dockertest/v3/docker, a Docker API client.
package docker

type Client struct{}

func NewClientFromEnv() (*Client, error) { return &Client{}, nil }

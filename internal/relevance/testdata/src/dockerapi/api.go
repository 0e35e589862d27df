// Package dockerapi uses only dockertest's Docker API client, which
// production code can use too: ordinary.
package dockerapi

import "github.com/ory/dockertest/v3/docker"

func Client() (*docker.Client, error) { return docker.NewClientFromEnv() }

// Package hsic starts the server under test in a container of an
// integration suite (headscale's integration/hsic): a test utility.
package hsic // want `role: test utility`

import "github.com/ory/dockertest/v3"

func New() (*dockertest.Pool, error) { return dockertest.NewPool("") }

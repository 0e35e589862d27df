// Package tcharness starts a database for tests with a testcontainers-go
// module: a test utility.
package tcharness // want `role: test utility`

import "github.com/testcontainers/testcontainers-go/modules/postgres"

func Start() (*postgres.PostgresContainer, error) { return postgres.Run("postgres:16") }

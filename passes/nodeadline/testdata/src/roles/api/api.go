// Package api is ordinary code; apitest is its test helper.
package api

// Version is the API's version.
const Version = "v1"

// Package crossdock stubs github.com/crossdock/crossdock-go.
package crossdock

type Behaviors map[string]func(t any)

func Handler(behaviors Behaviors) {}

// Package crossdock stubs github.com/crossdock/crossdock-go.
package crossdock

type T interface {
	Param(key string) string
	Successf(format string, args ...any)
}

type BehaviorFunc func(t T)

type Behaviors map[string]BehaviorFunc

func Run(t T, behaviors Behaviors) {}

func Handler(behaviors Behaviors) {}

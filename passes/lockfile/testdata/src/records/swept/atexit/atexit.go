// Package atexit runs cleanups when the program exits.
package atexit

var cleanups []func()

// Register runs f(name) at exit.
func Register(f func(string) error, name string) {
	cleanups = append(cleanups, func() { f(name) })
}

// Run runs the cleanups.
func Run() {
	for _, c := range cleanups {
		c()
	}
}

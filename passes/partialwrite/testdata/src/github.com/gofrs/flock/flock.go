// Package flock is a stub of github.com/gofrs/flock.
package flock

type Flock struct{ path string }

func New(path string) *Flock { return &Flock{path: path} }

func (f *Flock) Lock() error             { return nil }
func (f *Flock) TryLock() (bool, error)  { return true, nil }
func (f *Flock) RLock() error            { return nil }
func (f *Flock) TryRLock() (bool, error) { return true, nil }
func (f *Flock) Unlock() error           { return nil }
func (f *Flock) Close() error            { return nil }
func (f *Flock) Path() string            { return f.path }

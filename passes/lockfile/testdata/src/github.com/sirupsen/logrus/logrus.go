// Package logrus stubs the part of github.com/sirupsen/logrus the tests use.
package logrus

func Fatal(args ...any) {}
func Panic(args ...any) {}

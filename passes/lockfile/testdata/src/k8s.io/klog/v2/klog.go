// Package klog stubs the part of k8s.io/klog/v2 the tests use.
package klog

func Fatalf(format string, args ...any) {}
func Errorf(format string, args ...any) {}

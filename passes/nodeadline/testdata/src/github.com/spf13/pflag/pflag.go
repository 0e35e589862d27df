// Package pflag is a stub of spf13/pflag.
package pflag

func String(name, value, usage string) *string                   { return &value }
func StringP(name, shorthand, value, usage string) *string       { return &value }
func StringVar(p *string, name, value, usage string)             { *p = value }
func StringVarP(p *string, name, shorthand, value, usage string) { *p = value }
func Parse()                                                     {}

// Package pflag is a stub of spf13/pflag.
package pflag

func String(name, value, usage string) *string                   { return &value }
func StringP(name, shorthand, value, usage string) *string       { return &value }
func StringVar(p *string, name, value, usage string)             { *p = value }
func StringVarP(p *string, name, shorthand, value, usage string) { *p = value }
func Parse()                                                     {}

// FlagSet is a set of flags.
type FlagSet struct{}

func (f *FlagSet) String(name, value, usage string) *string             { return &value }
func (f *FlagSet) StringP(name, shorthand, value, usage string) *string { return &value }
func (f *FlagSet) StringVar(p *string, name, value, usage string)       { *p = value }
func (f *FlagSet) StringVarP(p *string, name, shorthand, value, usage string) {
	*p = value
}
func (f *FlagSet) Int(name string, value int, usage string) *int { return &value }
func (f *FlagSet) GetString(name string) (string, error)         { return "", nil }

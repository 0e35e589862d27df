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

// ErrorHandling says what Parse does on an error.
type ErrorHandling int

// ContinueOnError returns the error.
const ContinueOnError ErrorHandling = 0

func NewFlagSet(name string, h ErrorHandling) *FlagSet { return &FlagSet{} }
func (f *FlagSet) Parse(args []string) error           { return nil }
func (f *FlagSet) Set(name, value string) error        { return nil }
func (f *FlagSet) Lookup(name string) *Flag            { return nil }

// Value is a flag's value.
type Value interface {
	String() string
	Set(string) error
	Type() string
}

// Flag is one flag.
type Flag struct {
	Name  string
	Value Value
}

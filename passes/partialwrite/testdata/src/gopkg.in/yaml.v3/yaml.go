// Package yaml stubs gopkg.in/yaml.v3.
package yaml

func Unmarshal(in []byte, out interface{}) error { return nil }

func Marshal(in interface{}) ([]byte, error) { return nil, nil }

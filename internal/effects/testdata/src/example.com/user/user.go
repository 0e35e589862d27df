// Package user builds on the cleaners of another package, known through
// their facts.
package user

import "example.com/cleaners"

func Safe(p string) (string, error) { // want Safe:"result 0 cleans param 0"
	v, err := cleaners.Validate(p)
	if err != nil {
		return "", err
	}
	return cleaners.Clean(v), nil
}

func Other(p string) (string, error) {
	return cleaners.Sibling(p)
}

// Package other sets a flag of another name.
package other

import "flag"

func Quiet() { flag.Set("v", "0") }

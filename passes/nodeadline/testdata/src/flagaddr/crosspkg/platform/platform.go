// Package platform sets the program's address flag from the platform's
// PORT.
package platform

import (
	"flag"
	"os"
)

func Configure() {
	if p := os.Getenv("PORT"); p != "" {
		flag.Set("addr", ":"+p)
	}
}

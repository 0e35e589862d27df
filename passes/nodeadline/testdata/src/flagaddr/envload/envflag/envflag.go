// Package envflag fills a FlagSet's flags from the environment.
package envflag

import (
	"flag"
	"os"
	"strings"
)

func Load(fs *flag.FlagSet, prefix string) {
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(prefix + strings.ToUpper(f.Name)); ok {
			fs.Set(f.Name, v)
		}
	})
}

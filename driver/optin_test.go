package driver

import (
	"flag"

	"testing"

	"github.com/toctou/toctou/analyzer"
)

// TestOptInFlag checks that a pass with opt-in categories gains -NAME.all
// in the list every driver gets, that its own flags are kept, and that
// the table's analyzer is not changed.
func TestOptInFlag(t *testing.T) {
	for _, row := range analyzer.Passes() {
		wrapped := withOptIn(row)
		own := 0
		row.Analyzer.Flags.VisitAll(func(f *flag.Flag) { own++ })
		kept := 0
		row.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
			if wrapped.Flags.Lookup(f.Name) != nil {
				kept++
			}
		})
		if kept != own {
			t.Errorf("%s: the wrapped pass keeps %d of its %d flags", row.Analyzer.Name, kept, own)
		}
		if row.Analyzer.Flags.Lookup(AllFlag) != nil {
			t.Errorf("%s: the table's analyzer gained -%s", row.Analyzer.Name, AllFlag)
		}
		if got, want := wrapped.Flags.Lookup(AllFlag) != nil, len(row.OptInCategories()) > 0; got != want {
			t.Errorf("%s: -%s.%s defined = %v, want %v (opt-in categories %v)", row.Analyzer.Name, row.Analyzer.Name, AllFlag, got, want, row.OptInCategories())
		}
	}
}

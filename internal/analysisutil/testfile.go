package analysisutil

import (
	"go/token"
	"strings"
)

// InTestFile reports whether pos lies in a _test.go file.
//
// Drivers differ in whether they show a pass a package's test files: go
// vet, go fix, golangci-lint and gopls analyze the package's test
// variant, which has them; a finding in a non-test file must not depend
// on that. Passes that read package-wide state (what all functions store
// into a variable or field, which directories some function makes) keep
// the evidence of test files for findings in test files only; see
// ssabuild.TestCode for SSA instructions.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

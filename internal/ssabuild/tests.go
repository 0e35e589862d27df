package ssabuild

import (
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
)

// Test code and findings in non-test files.
//
// go vet, go fix, golangci-lint and gopls analyze a package's test
// variant, whose _test.go files can store into the package's variables
// and fields (http.DefaultClient.Transport = fake, in a test); the
// standalone checker reports a package's production findings from the
// package without them. For a finding in a non-test file to be the same
// in every driver, the evidence a pass gathers from the whole package
// (what all functions store into a variable or a field, which
// directories some function makes) must come from non-test code only;
// findings in _test.go files may use both. TestCode is the one answer to
// "is this test code" that the passes share.

// tests records which instructions of the package initializer come from
// _test.go files, computed on first use.
type tests struct {
	once   sync.Once
	any    bool                     // the package has a _test.go file
	inInit map[ssa.Instruction]bool // initializer instructions of test files
}

// HasTests reports whether the package has _test.go files: if not, no
// code is test code, and a pass needs no separate view for them.
func (s *SSA) HasTests() bool {
	s.tests.once.Do(s.findTests)
	return s.tests.any
}

// TestCode reports whether instr is code written in a _test.go file: an
// instruction of a function declared in one (its function literals
// included), or of the initializer of a package-level variable declared
// in one, which go/ssa puts in the synthetic package initializer together
// with the initializers of every other file.
func (s *SSA) TestCode(instr ssa.Instruction) bool {
	fn := instr.Parent()
	if fn == nil || !s.HasTests() {
		return false
	}
	if isPackageInit(fn) {
		return s.tests.inInit[instr]
	}
	return s.TestFunc(fn)
}

// TestFunc reports whether fn is declared in a _test.go file, or is a
// function literal in one. The package initializer is not: its code
// comes from every file (see TestCode).
func (s *SSA) TestFunc(fn *ssa.Function) bool {
	if !s.HasTests() {
		return false
	}
	for ; fn != nil; fn = fn.Parent() {
		if isPackageInit(fn) {
			return false
		}
		if pos := fn.Pos(); pos.IsValid() {
			return analysisutil.InTestFile(fn.Prog.Fset, pos)
		}
	}
	return false
}

func isPackageInit(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Synthetic == "package initializer"
}

// findTests finds whether the package has test files, and which
// instructions of the package initializer they wrote. The instructions of
// one variable's initializer are emitted together, in block order; one
// without a position of its own (a conversion, a jump) belongs with the
// last one before it that has one.
func (s *SSA) findTests() {
	pkg := s.Package()
	if pkg == nil {
		return
	}
	fset := pkg.Prog.Fset
	for _, f := range s.files {
		if analysisutil.InTestFile(fset, f) {
			s.tests.any = true
			break
		}
	}
	if !s.tests.any {
		return
	}
	s.tests.inInit = make(map[ssa.Instruction]bool)
	init := pkg.Func("init")
	if init == nil {
		return
	}
	inTest := false
	for _, b := range init.Blocks {
		for _, instr := range b.Instrs {
			if pos := instr.Pos(); pos.IsValid() {
				inTest = analysisutil.InTestFile(fset, pos)
			}
			if inTest {
				s.tests.inInit[instr] = true
			}
		}
	}
}

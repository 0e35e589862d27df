package analysisutil

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Syntax answers the questions a pass asks about the syntax of the package
// it analyzes when it turns an SSA finding into a diagnostic: which file
// holds a position, which call expression an ssa.Call stands for, what
// argument i of that call is as written, and what the source text is.
//
// A pass makes one Syntax per run (NewSyntax is cheap: the indexes are
// built on the first question that needs them) and keeps it in its
// per-run state. A Syntax is not safe for concurrent use.
type Syntax struct {
	pass *analysis.Pass

	// Built together, once, by index: SSA gives a call the position of
	// its opening parenthesis, a return that of its keyword, a composite
	// literal that of its opening brace.
	calls   map[token.Pos]*ast.CallExpr
	returns map[token.Pos]*ast.ReturnStmt
	lits    map[token.Pos]*ast.CompositeLit

	// The content of the files Src and LineLen read, by name: read once,
	// not once per question (a file of many findings asks many).
	content map[string][]byte
}

// NewSyntax returns the Syntax of pass's package.
func NewSyntax(pass *analysis.Pass) *Syntax {
	return &Syntax{pass: pass}
}

// File returns the syntax of the package file that holds pos, or nil.
func (s *Syntax) File(pos token.Pos) *ast.File {
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Reportable reports whether a finding at pos is worth showing: in a file
// of the package, not in a generated file (nobody edits it by hand) unless
// it is the user's own file as cgo rewrote it (CgoRewritten), and not in a
// _test.go file unless includeTests (the pass's -NAME.tests flag) asks for
// it.
func (s *Syntax) Reportable(pos token.Pos, includeTests bool) bool {
	f := s.File(pos)
	if f == nil || ast.IsGenerated(f) && !CgoRewritten(f) {
		return false
	}
	return includeTests || !InTestFile(s.pass.Fset, pos)
}

// Call returns the call expression whose opening parenthesis is at lparen
// (the position of an ssa.Call, Go or Defer), or nil.
func (s *Syntax) Call(lparen token.Pos) *ast.CallExpr {
	s.index()
	return s.calls[lparen]
}

// Return returns the return statement whose keyword is at pos (the
// position of an ssa.Return), or nil.
func (s *Syntax) Return(pos token.Pos) *ast.ReturnStmt {
	s.index()
	return s.returns[pos]
}

// CompositeLit returns the composite literal whose opening brace is at
// lbrace (the position SSA gives the allocation of a literal), or nil.
func (s *Syntax) CompositeLit(lbrace token.Pos) *ast.CompositeLit {
	s.index()
	return s.lits[lbrace]
}

// index maps calls, returns and composite literals by the positions SSA
// gives them, in one walk of the package's files, on the first question.
func (s *Syntax) index() {
	if s.calls != nil {
		return
	}
	s.calls = make(map[token.Pos]*ast.CallExpr)
	s.returns = make(map[token.Pos]*ast.ReturnStmt)
	s.lits = make(map[token.Pos]*ast.CompositeLit)
	for _, f := range s.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				s.calls[n.Lparen] = n
			case *ast.ReturnStmt:
				s.returns[n.Return] = n
			case *ast.CompositeLit:
				s.lits[n.Lbrace] = n
			}
			return true
		})
	}
}

// ArgMode says how ArgOf maps an SSA argument index to the syntax of a
// call. SSA counts the receiver of a static method call x.M(a) as
// argument 0 and a as argument 1; the syntax has a alone in Args.
type ArgMode uint8

const (
	// ArgReceiver makes argument 0 of a static method call its receiver
	// expression x; without it ArgOf returns nil for the receiver.
	ArgReceiver ArgMode = 1 << iota
	// ArgParens recognizes a method call through parentheses around the
	// method value, (x.M)(a); without it such a call is taken as a call
	// of a function value, whose arguments are not shifted.
	ArgParens
)

// Arg returns the syntax of the SSA argument i of call, or nil when call
// is nil or has no such argument: Args[i], or for a static method call
// x.M(a) (parenthesized or not) x for 0 and Args[i-1] from 1 on. It is
// ArgOf with ArgReceiver|ArgParens.
func (s *Syntax) Arg(call *ast.CallExpr, i int) ast.Expr {
	return s.ArgOf(call, i, ArgReceiver|ArgParens)
}

// ArgOf is Arg with the mapping of the receiver and of parentheses chosen
// by mode. It is there for passes that have always mapped arguments their
// own way and whose findings must not change.
func (s *Syntax) ArgOf(call *ast.CallExpr, i int, mode ArgMode) ast.Expr {
	if call == nil {
		return nil
	}
	fun := call.Fun
	if mode&ArgParens != 0 {
		fun = ast.Unparen(fun)
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if sn := s.pass.TypesInfo.Selections[sel]; sn != nil && sn.Kind() == types.MethodVal {
			if i == 0 && mode&ArgReceiver != 0 {
				return sel.X
			}
			i--
		}
	}
	if i < 0 || i >= len(call.Args) {
		return nil
	}
	return call.Args[i]
}

// Src returns the source text between two positions of one file, or ""
// when the file cannot be read.
func (s *Syntax) Src(from, to token.Pos) string {
	tf := s.pass.Fset.File(from)
	content, err := s.read(tf.Name())
	if err != nil {
		return ""
	}
	return string(content[tf.Offset(from):tf.Offset(to)])
}

// read returns the content of the named file, read once.
func (s *Syntax) read(name string) ([]byte, error) {
	if c, ok := s.content[name]; ok {
		return c, nil
	}
	c, err := s.pass.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if s.content == nil {
		s.content = make(map[string][]byte)
	}
	s.content[name] = c
	return c, nil
}

// IndentAt returns the leading white space of pos's line.
func (s *Syntax) IndentAt(pos token.Pos) string {
	line := s.Src(s.LineStart(pos), pos)
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

// LineStart returns the position of the start of pos's line.
func (s *Syntax) LineStart(pos token.Pos) token.Pos {
	tf := s.pass.Fset.File(pos)
	return tf.LineStart(tf.Line(pos))
}

// LineLen returns the length of the rest of pos's line after pos, or 0
// when the file cannot be read.
func (s *Syntax) LineLen(pos token.Pos) int {
	tf := s.pass.Fset.File(pos)
	content, err := s.read(tf.Name())
	if err != nil {
		return 0
	}
	rest := content[tf.Offset(pos):]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return i
	}
	return len(rest)
}

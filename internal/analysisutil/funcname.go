package analysisutil

import "go/types"

// FuncName is how messages name a function: a function by its package's
// name and its own, os.WriteFile, fsutil.Exists; a method by its receiver
// type, without package, and its name, (*Store).Save. It is the zero
// Namer's FuncName.
func FuncName(fn *types.Func) string {
	return Namer{}.FuncName(fn)
}

// Namer says how FuncName names functions; passes whose messages have
// always named them another way keep doing so with a Namer of their own.
// The zero Namer gives FuncName's form.
type Namer struct {
	// Unalias names a method whose receiver is written with an alias
	// (type A = T; func (a *A) M()) by the aliased type, (*T).M; without
	// it, such a method is named by its bare name, M.
	Unalias bool
	// QualifyRecv names a method's receiver type with its package,
	// (*http.Client).Do, as functions are named.
	QualifyRecv bool
	// Local, if not nil, is the package whose functions and types are
	// named without their package: fetch and (*Client).Get in it,
	// netutil.Fetch from outside.
	Local *types.Package
}

// FuncName names fn as n says.
func (n Namer) FuncName(fn *types.Func) string {
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		t := sig.Recv().Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			t, ptr = p.Elem(), "*"
		}
		if n.Unalias {
			t = types.Unalias(t)
		}
		if named, ok := t.(*types.Named); ok {
			pkg := ""
			if n.QualifyRecv {
				pkg = n.qualifier(named.Obj().Pkg())
			}
			return "(" + ptr + pkg + named.Obj().Name() + ")." + fn.Name()
		}
		return fn.Name()
	}
	return n.qualifier(fn.Pkg()) + fn.Name()
}

// qualifier returns the prefix that names pkg in a function's name: its
// name and a dot, or nothing for no package or the Local one.
func (n Namer) qualifier(pkg *types.Package) string {
	if pkg == nil || pkg == n.Local {
		return ""
	}
	return pkg.Name() + "."
}

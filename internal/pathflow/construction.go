package pathflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// MayNameSame reports whether a and b, path values of two different
// functions of one package, may name the same file. It is the question
// "does any other function name the file this one created?" (a lock's
// release recomputes its acquisition's name), and its answer leans
// towards yes: two functions write one name in many ways
// (filepath.Join(dir, "LOCK") and dir + "/LOCK", a name helper and the
// join it makes, a parameter and the field it was stored in, a captured
// variable, a generic receiver). The answer is no only when both names
// end in constant text (their last constant element, concatenation or
// format text: constTail) and neither ending is a suffix of the other:
// filepath.Join(dir, "LOCK") and filepath.Join(dir, "last_reserved_ip")
// are two files, filepath.Join(dir, key+".lock") and lockPath(key) may be
// one.
func MayNameSame(a, b ssa.Value) bool {
	ta, okA := constTail(a, 0)
	tb, okB := constTail(b, 0)
	return !okA || !okB || strings.HasSuffix(ta, tb) || strings.HasSuffix(tb, ta)
}

// EndsAlike reports whether a and b both end in constant text and one
// ending is a suffix of the other: strong evidence that they may name
// the same file, where MayNameSame is only the absence of evidence
// against it.
func EndsAlike(a, b ssa.Value) bool {
	ta, okA := constTail(a, 0)
	tb, okB := constTail(b, 0)
	return okA && okB && (strings.HasSuffix(ta, tb) || strings.HasSuffix(tb, ta))
}

// constTail returns the constant text a name ends with: a string
// constant, the constant that ends a concatenation, the last element of
// filepath.Join or path.Join, or the text after the last verb of a
// constant fmt.Sprintf format.
func constTail(v ssa.Value, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	switch x := spelled(v, depth+1).(type) {
	case *ssa.Const:
		if x.Value == nil || x.Value.Kind() != constant.String || constant.StringVal(x.Value) == "" {
			return "", false
		}
		return constant.StringVal(x.Value), true
	case *ssa.BinOp:
		if x.Op != token.ADD {
			return "", false
		}
		return constTail(x.Y, depth+1)
	case *ssa.Call:
		callee := ssakit.Callee(&x.Call)
		if callee == nil || callee.Pkg() == nil || x.Call.IsInvoke() || len(x.Call.Args) == 0 {
			return "", false
		}
		switch path, name := callee.Pkg().Path(), callee.Name(); {
		case name == "Join" && (path == "path/filepath" || path == "path"):
			elems, ok := VarargElems(x.Call.Args[0])
			if !ok || len(elems) == 0 {
				return "", false
			}
			return constTail(elems[len(elems)-1], depth+1)
		case name == "Sprintf" && path == "fmt":
			k, ok := x.Call.Args[0].(*ssa.Const)
			if !ok || k.Value == nil || k.Value.Kind() != constant.String {
				return "", false
			}
			format := constant.StringVal(k.Value)
			if i := strings.LastIndexByte(format, '%'); i >= 0 {
				// skip the verb's flags, width and precision, then the verb
				j := i + 1
				for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
					j++
				}
				format = format[min(j+1, len(format)):]
			}
			return format, format != ""
		}
	}
	return "", false
}

// Listed reports whether name was found by listing a directory: the path
// a filepath.Walk or WalkDir callback is given, a name joined from a
// directory entry's Name() (os.ReadDir, (*os.File).Readdir), or an
// element of what filepath.Glob, fs.Glob or (*os.File).Readdirnames
// returns, as a sweep of records removes them.
func Listed(name ssa.Value) bool {
	for depth := 0; depth < maxDepth; depth++ {
		switch x := spelled(name, depth+1).(type) {
		case *ssa.UnOp: // *&names[i]: an element of a listing
			ia, ok := x.X.(*ssa.IndexAddr)
			return ok && x.Op == token.MUL && listing(ia.X)
		case *ssa.Parameter:
			fn := x.Parent()
			return fn != nil && len(fn.Params) == 3 && x == fn.Params[0] && walkCallback(fn.Signature)
		case *ssa.BinOp:
			if x.Op != token.ADD {
				return false
			}
			name = x.Y
		case *ssa.Call:
			if x.Call.IsInvoke() {
				return x.Call.Method.Name() == "Name" && entryType(x.Call.Value.Type())
			}
			callee := ssakit.Callee(&x.Call)
			if callee == nil || callee.Pkg() == nil || len(x.Call.Args) == 0 {
				return false
			}
			if callee.Name() == "Name" && ssakit.RecvName(callee) != "" {
				return entryType(x.Call.Args[0].Type())
			}
			if callee.Name() != "Join" || callee.Pkg().Path() != "path/filepath" && callee.Pkg().Path() != "path" {
				return false
			}
			elems, ok := VarargElems(x.Call.Args[0])
			if !ok || len(elems) == 0 {
				return false
			}
			name = elems[len(elems)-1]
		default:
			return false
		}
	}
	return false
}

// listing reports whether v is the names a listing of a directory
// returns: the first result of filepath.Glob, fs.Glob or
// (*os.File).Readdirnames.
func listing(v ssa.Value) bool {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	switch ssakit.QualifiedName(ssakit.Callee(&call.Call)) {
	case "path/filepath.Glob", "io/fs.Glob", "os.File.Readdirnames":
		return true
	}
	return false
}

// walkCallback reports whether sig is func(string, fs.FileInfo, error)
// error or func(string, fs.DirEntry, error) error.
func walkCallback(sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	return p.Len() == 3 && r.Len() == 1 && ssakit.IsString(p.At(0).Type()) && entryType(p.At(1).Type()) &&
		ssakit.IsError(p.At(2).Type()) && ssakit.IsError(r.At(0).Type())
}

// entryType reports whether t is a directory entry of io/fs (DirEntry,
// FileInfo; os's are aliases), or os's *fileStat behind it.
func entryType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "io/fs.DirEntry", "io/fs.FileInfo", "os.fileStat", "os.unixDirent":
		return true
	}
	return false
}

// spelled looks through what does not change a name: conversions, an
// interface made around it, a transparent call (filepath.Clean), and a
// local variable stored once.
func spelled(v ssa.Value, depth int) ssa.Value {
	for range maxDepth {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Call:
			if !funcIn(transparentFuncs, &x.Call) || len(x.Call.Args) == 0 {
				return v
			}
			v = x.Call.Args[0]
		case *ssa.UnOp:
			a, ok := x.X.(*ssa.Alloc)
			if x.Op != token.MUL || !ok {
				return v
			}
			stored := storedOnce(a, depth)
			if stored == nil {
				return v
			}
			v = stored
		default:
			return v
		}
	}
	return v
}

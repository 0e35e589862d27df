package fsops_test

import (
	"go/types"
	"testing"

	"github.com/toctou/toctou/internal/fsops"
)

// TestLookupLibrary checks that the library reads are known to
// LookupLibrary only: Lookup, which every file check reads, and Imports'
// fast path do not change.
func TestLookupLibrary(t *testing.T) {
	str := types.Typ[types.String]
	strs := types.NewSlice(str)
	fn := func(pkgPath, name string, variadic bool, params ...types.Type) *types.Func {
		pkg := types.NewPackage(pkgPath, "p")
		var vars []*types.Var
		for _, p := range params {
			vars = append(vars, types.NewParam(0, pkg, "x", p))
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(vars...), nil, variadic)
		return types.NewFunc(0, pkg, name, sig)
	}
	for _, tc := range []struct {
		fn       *types.Func
		paths    []int
		variadic bool
	}{
		{fn("net/http", "ServeFile", false, str, str, str), []int{2}, false},
		{fn("text/template", "ParseFiles", true, strs), []int{0}, true},
		{fn("crypto/tls", "LoadX509KeyPair", false, str, str), []int{0, 1}, false},
		{fn("github.com/joho/godotenv", "Read", true, strs), []int{0}, true},
		{fn("os", "ReadFile", false, str), []int{0}, false},
	} {
		name := tc.fn.Pkg().Path() + "." + tc.fn.Name()
		f, ok := fsops.LookupLibrary(tc.fn)
		if !ok || len(f.Paths) != len(tc.paths) {
			t.Errorf("LookupLibrary(%s) = %v, %v", name, f, ok)
			continue
		}
		for i, pa := range f.Paths {
			if pa.Index != tc.paths[i] || pa.Variadic != tc.variadic || pa.Op != fsops.OpRead {
				t.Errorf("LookupLibrary(%s).Paths[%d] = %+v", name, i, pa)
			}
		}
		if _, inMain := fsops.Lookup(tc.fn); inMain != (tc.fn.Pkg().Path() == "os") {
			t.Errorf("Lookup(%s) found = %v", name, inMain)
		}
	}
	tmpl := types.NewPackage("html/template", "template")
	tt := types.NewNamed(types.NewTypeName(0, tmpl, "Template", nil), types.NewStruct(nil, nil), nil)
	recv := types.NewVar(0, tmpl, "t", types.NewPointer(tt))
	method := types.NewFunc(0, tmpl, "ParseFiles", types.NewSignatureType(recv, nil, nil,
		types.NewTuple(types.NewParam(0, tmpl, "filenames", strs)), nil, true))
	if f, ok := fsops.LookupLibrary(method); !ok || f.Paths[0].Index != 1 || !f.Paths[0].Variadic {
		t.Errorf("LookupLibrary((*html/template.Template).ParseFiles) = %+v, %v; want the variadic argument after the receiver", f, ok)
	}
	if _, ok := fsops.LookupLibrary(fn("gopkg.in/yaml.v3", "Unmarshal", false, types.NewSlice(types.Typ[types.Byte]))); ok {
		t.Error("LookupLibrary(yaml.Unmarshal): a parser of bytes reads no path")
	}
	http := types.NewPackage("main", "main")
	http.SetImports([]*types.Package{types.NewPackage("net/http", "http")})
	if fsops.Imports(http) {
		t.Error("Imports(a package importing net/http only) = true: the library reads must stay out of the fast path")
	}
}

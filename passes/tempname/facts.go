package tempname

import (
	"fmt"
	"slices"
	"strings"
)

// opKind is what a creation does when the name already exists, which is
// what decides whether a predictable name can be hijacked.
type opKind uint8

const (
	opNone opKind = iota
	opFile        // creates or truncates a file, following a planted symbolic link (os.Create, os.WriteFile)
	opDir         // makes a directory and carries on if the name exists (os.MkdirAll, or os.Mkdir tolerating fs.ErrExist)
	opLink        // makes a link and carries on if the name exists (os.Symlink whose fs.ErrExist is tolerated)
)

// verb is how a message says what the creation does.
func (k opKind) verb() string {
	switch k {
	case opFile:
		return "creates"
	case opDir:
		return "makes"
	case opLink:
		return "links"
	}
	return "uses"
}

// role is how a wrapper's parameter enters the name it creates.
type role uint8

const (
	rolePath role = iota + 1 // the parameter is the whole path: create(p)
	roleDir                  // the parameter is the directory of a predictable name: create(filepath.Join(dir, "state.json"))
	roleName                 // the parameter is the name inside the shared temporary directory: create(filepath.Join(os.TempDir(), name))
)

// CreatesFact marks a function of the analyzed code that creates a file,
// directory or link whose name is made from one of its parameters, like
//
//	func WriteTemp(name string, data []byte) error {
//		return os.WriteFile(filepath.Join(os.TempDir(), name), data, 0o600)
//	}
//
// A call to it creates that name, so a predictable argument is reported at
// the call. It is tempname's own fact type: effects.Fact's Uses say what a
// function does to a path, this one also says where the parameter goes.
type CreatesFact struct {
	Creates []ParamCreate // sorted, without duplicates
}

// ParamCreate is one parameter of a CreatesFact and how it is created.
type ParamCreate struct {
	Param int    // index of the parameter (receiver first, for methods)
	Role  role   // how the parameter enters the created name
	Op    opKind // what is created
	Class class  // for roleDir and roleName: how predictable the rest of the name is
}

// AFact marks CreatesFact as an analysis fact.
func (*CreatesFact) AFact() {}

// String describes the fact, as analysistest expectations spell it.
func (f *CreatesFact) String() string {
	parts := make([]string, len(f.Creates))
	for i, c := range f.Creates {
		what := map[opKind]string{opFile: "file", opDir: "directory", opLink: "link"}[c.Op]
		switch c.Role {
		case rolePath:
			parts[i] = fmt.Sprintf("creates %s at param %d", what, c.Param)
		case roleDir:
			parts[i] = fmt.Sprintf("creates %s (%s name) in directory param %d", what, c.Class, c.Param)
		case roleName:
			parts[i] = fmt.Sprintf("creates %s named by param %d in the shared temporary directory", what, c.Param)
		}
	}
	return strings.Join(parts, ", ")
}

// add records c and reports whether it is new.
func (f *CreatesFact) add(c ParamCreate) bool {
	if slices.Contains(f.Creates, c) {
		return false
	}
	f.Creates = append(f.Creates, c)
	slices.SortFunc(f.Creates, func(a, b ParamCreate) int {
		switch {
		case a.Param != b.Param:
			return a.Param - b.Param
		case a.Role != b.Role:
			return int(a.Role) - int(b.Role)
		case a.Op != b.Op:
			return int(a.Op) - int(b.Op)
		}
		return int(a.Class) - int(b.Class)
	})
	return true
}

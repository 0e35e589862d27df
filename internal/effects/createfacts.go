package effects

import (
	"fmt"
	"slices"
)

// CreateKind is what a creation does when the name already exists, which
// is what decides whether a predictable name can be hijacked.
type CreateKind uint8

const (
	CreateNone CreateKind = iota
	CreateFile            // creates or truncates a file, following a planted symbolic link (os.Create, os.WriteFile)
	CreateDir             // makes a directory and carries on if the name exists (os.MkdirAll, or os.Mkdir tolerating fs.ErrExist)
	CreateLink            // makes a link and carries on if the name exists (os.Symlink whose fs.ErrExist is tolerated)
)

// Role is how a function's parameter enters the name it creates.
type Role uint8

const (
	RolePath Role = iota + 1 // the parameter is the whole path: create(p)
	RoleDir                  // the parameter is the directory of a predictable name: create(filepath.Join(dir, "state.json"))
	RoleName                 // the parameter is the name inside the shared temporary directory: create(filepath.Join(os.TempDir(), name))
)

// Create says that a function creates a file, directory or link whose
// name is made from its parameter at index Param, like
//
//	func WriteTemp(name string, data []byte) error {
//		return os.WriteFile(filepath.Join(os.TempDir(), name), data, 0o600)
//	}
//
// so that a call of it creates that name: tempname reports a predictable
// argument at the call. Unlike a ParamUse with OpCreate, it says where the
// parameter goes in the name (Role), how predictable the rest of the name
// is (Class), and what the creation does when the name exists (Kind),
// and it keeps the creates Uses drops (a directory made with MkdirAll, a
// create steered by a check in the function).
type Create struct {
	Param int        // index of the parameter (receiver first, for methods)
	Role  Role       // how the parameter enters the created name
	Kind  CreateKind // what is created
	Class Class      // for RoleDir and RoleName: how predictable the rest of the name is
}

// String describes c, as analysistest expectations spell it.
func (c Create) String() string {
	what := map[CreateKind]string{CreateFile: "file", CreateDir: "directory", CreateLink: "link"}[c.Kind]
	switch c.Role {
	case RolePath:
		return fmt.Sprintf("creates %s at param %d", what, c.Param)
	case RoleDir:
		return fmt.Sprintf("creates %s (%s name) in directory param %d", what, c.Class, c.Param)
	case RoleName:
		return fmt.Sprintf("creates %s named by param %d in the shared temporary directory", what, c.Param)
	}
	return ""
}

// addCreate records c and reports whether it is new; Creates stays
// sorted, without duplicates.
func (f *Fact) addCreate(c Create) bool {
	if slices.Contains(f.Creates, c) {
		return false
	}
	f.Creates = append(f.Creates, c)
	slices.SortFunc(f.Creates, func(a, b Create) int {
		switch {
		case a.Param != b.Param:
			return a.Param - b.Param
		case a.Role != b.Role:
			return int(a.Role) - int(b.Role)
		case a.Kind != b.Kind:
			return int(a.Kind) - int(b.Kind)
		}
		return int(a.Class) - int(b.Class)
	})
	return true
}

package partialwrite

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/ssakit"
)

// A readSite is a call that reads the content of the file a path names:
// os.ReadFile, os.Open (whose handle is then read), or a wrapper of the
// analyzed code that returns what it read.
type readSite struct {
	call    *ssa.Call
	callee  *types.Func
	arg     int // index of the path among the call's SSA arguments
	path    ssa.Value
	content []ssa.Value // the values that carry what was read
	into    []ssa.Value // arguments the callee may fill with what it read (a wrapper's pointers)
	err     ssa.Value   // the error result, if any
}

// A writeSite is a call that truncates the file a path names and writes
// it from the start: os.WriteFile, os.Create, os.OpenFile with O_TRUNC, or
// a wrapper of the analyzed code that does.
type writeSite struct {
	call   *ssa.Call
	callee *types.Func
	arg    int
	path   ssa.Value
	data   []ssa.Value // arguments whose value is written
	handle ssa.Value   // the *os.File the content is written through, for os.Create
}

// A tempSite is a call that makes a file which may then be renamed over
// another: os.CreateTemp (dir is its directory argument), or a create at
// a path (path is set; handle is nil for os.WriteFile).
type tempSite struct {
	call   *ssa.Call
	callee *types.Func
	dir    ssa.Value // os.CreateTemp's directory
	path   ssa.Value // the path of a create by name
	handle ssa.Value // the *os.File, if the call returns one
}

// A renameSite is a call that renames src onto dst: os.Rename and its
// system-call forms, or a wrapper of the analyzed code that does.
type renameSite struct {
	call           *ssa.Call
	callee         *types.Func
	srcArg, dstArg int
	src, dst       ssa.Value
	direct         bool
}

// funcSites are the sites of one function, in block order.
type funcSites struct {
	reads   []*readSite
	writes  []*writeSite
	excl    []ssa.Value // paths the function creates with O_CREATE|O_EXCL
	temps   []*tempSite
	renames []*renameSite
}

// empty reports whether no category can apply: no read with a write, and
// no temporary file with a rename.
func (s *funcSites) empty() bool {
	return (len(s.reads) == 0 || len(s.writes) == 0) && (len(s.temps) == 0 || len(s.renames) == 0)
}

// result returns the value of a call's result i, or nil.
func result(call *ssa.Call, i int) ssa.Value {
	if res := ssakit.Results(call); 0 <= i && i < len(res) {
		return res[i]
	}
	return nil
}

// sites finds the reads, writes, temporary files and renames of fn.
func (st *state) sites(fn *ssa.Function) *funcSites {
	s := new(funcSites)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call) // deferred and go calls run out of order: not followed
			if !ok {
				continue
			}
			callee := ssakit.Callee(&call.Call)
			if callee == nil {
				continue
			}
			if !st.tableSite(s, call, callee) {
				st.wrapperSite(s, call, callee)
			}
		}
	}
	return s
}

// tableSite records call if it is a standard function the pass knows,
// and reports whether it is one.
func (st *state) tableSite(s *funcSites, call *ssa.Call, callee *types.Func) bool {
	args := call.Call.Args
	switch ssakit.QualifiedName(callee) {
	case "os.ReadFile", "io/ioutil.ReadFile":
		if data := result(call, 0); data != nil {
			s.reads = append(s.reads, &readSite{call: call, callee: callee, path: args[0],
				content: []ssa.Value{data}, err: result(call, 1)})
		}
	case "os.Open":
		if h := result(call, 0); h != nil {
			s.reads = append(s.reads, &readSite{call: call, callee: callee, path: args[0],
				content: []ssa.Value{h}, err: result(call, 1)})
		}
	case "os.OpenFile":
		st.openFileSite(s, call, callee)
	case "os.Create":
		h := result(call, 0)
		s.writes = append(s.writes, &writeSite{call: call, callee: callee, path: args[0], handle: h})
		s.temps = append(s.temps, &tempSite{call: call, callee: callee, path: args[0], handle: h})
	case "os.WriteFile", "io/ioutil.WriteFile":
		s.writes = append(s.writes, &writeSite{call: call, callee: callee, path: args[0], data: args[1:2]})
		s.temps = append(s.temps, &tempSite{call: call, callee: callee, path: args[0]})
	case "os.CreateTemp", "io/ioutil.TempFile":
		if h := result(call, 0); h != nil {
			s.temps = append(s.temps, &tempSite{call: call, callee: callee, dir: args[0], handle: h})
		}
	case "os.Rename", "syscall.Rename", "golang.org/x/sys/unix.Rename":
		s.renames = append(s.renames, &renameSite{call: call, callee: callee, srcArg: 0, dstArg: 1,
			src: args[0], dst: args[1], direct: true})
	default:
		return false
	}
	return true
}

// openFileSite records an os.OpenFile call by what its constant flags make
// it: a read, an exclusive create, a truncating write, a create. Calls
// whose flags are not constant are left alone.
func (st *state) openFileSite(s *funcSites, call *ssa.Call, callee *types.Func) {
	entry, ok := fsops.Lookup(callee)
	if !ok || len(entry.Paths) == 0 {
		return
	}
	args := call.Call.Args
	has := func(flag string) bool { return fsops.HasFlag(&call.Call, callee, flag) }
	h := result(call, 0)
	switch fsops.Classify(entry.Paths[0], &call.Call, callee) {
	case fsops.OpRead:
		if h != nil {
			s.reads = append(s.reads, &readSite{call: call, callee: callee, path: args[0],
				content: []ssa.Value{h}, err: result(call, 1)})
		}
	case fsops.OpExclCreate:
		s.excl = append(s.excl, args[0])
		if !has("O_SYNC") && !has("O_DSYNC") {
			s.temps = append(s.temps, &tempSite{call: call, callee: callee, path: args[0], handle: h})
		}
	case fsops.OpCreate, fsops.OpWrite:
		if has("O_TRUNC") && !has("O_APPEND") {
			s.writes = append(s.writes, &writeSite{call: call, callee: callee, path: args[0], handle: h})
		}
		if has("O_CREATE") && !has("O_SYNC") && !has("O_DSYNC") {
			s.temps = append(s.temps, &tempSite{call: call, callee: callee, path: args[0], handle: h})
		}
	}
}

// wrapperSite records the reads, writes and renames a call does through
// a wrapper of the analyzed code, as its summary or fact says.
func (st *state) wrapperSite(s *funcSites, call *ssa.Call, callee *types.Func) {
	f := st.wrapperFact(callee)
	if f == nil {
		return
	}
	args := call.Call.Args
	for _, p := range f.Reads {
		if p >= len(args) {
			continue
		}
		r := &readSite{call: call, callee: callee, arg: p, path: args[p]}
		for _, v := range ssakit.Results(call) {
			if v != nil && !ssakit.IsError(v.Type()) {
				r.content = append(r.content, v)
			} else if v != nil {
				r.err = v
			}
		}
		for i, a := range args {
			if i != p && pointerLike(a.Type()) {
				r.into = append(r.into, a)
			}
		}
		if len(r.content) > 0 || len(r.into) > 0 {
			s.reads = append(s.reads, r)
		}
	}
	for _, p := range f.Writes {
		if p >= len(args) {
			continue
		}
		w := &writeSite{call: call, callee: callee, arg: p, path: args[p]}
		for i, a := range args {
			if i != p {
				w.data = append(w.data, a)
			}
		}
		s.writes = append(s.writes, w)
	}
	for _, i := range f.Creates {
		if h := result(call, i); h != nil {
			s.temps = append(s.temps, &tempSite{call: call, callee: callee, handle: h})
		}
	}
	for _, rn := range f.Renames {
		if rn.From < len(args) && rn.To < len(args) {
			s.renames = append(s.renames, &renameSite{call: call, callee: callee,
				srcArg: rn.From, dstArg: rn.To, src: args[rn.From], dst: args[rn.To]})
		}
	}
}

// pointerLike reports whether a value of type t can refer to memory a
// callee may fill.
func pointerLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface:
		return true
	}
	return false
}

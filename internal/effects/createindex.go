package effects

import (
	"go/constant"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// funcIndex holds what the questions asked about each creation of a
// function need from the whole function, gathered in one walk of it, so
// that a function of many creations is not walked once per creation.
type funcIndex struct {
	constIfs []constIf   // ifs on a boolean constant
	owners   []*ssa.Call // stat calls that can verify an owner (see VerifiesOwner)
}

type constIf struct {
	blk   *ssa.BasicBlock
	taken int // the successor the constant takes
}

// index returns fn's funcIndex, built on the first question.
func (cr *Creators) index(fn *ssa.Function) *funcIndex {
	if ix, ok := cr.funcs[fn]; ok {
		return ix
	}
	ix := new(funcIndex)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.If:
				if c, ok := instr.Cond.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
					taken := 1
					if constant.BoolVal(c.Value) {
						taken = 0
					}
					ix.constIfs = append(ix.constIfs, constIf{b, taken})
				}
			case *ssa.Call:
				switch ssakit.QualifiedName(ssakit.Callee(&instr.Call)) {
				case "os.Stat", "os.Lstat", "os.File.Stat":
					if infoSys(instr) {
						ix.owners = append(ix.owners, instr)
					}
				case "syscall.Stat", "syscall.Lstat", "golang.org/x/sys/unix.Stat", "golang.org/x/sys/unix.Lstat":
					ix.owners = append(ix.owners, instr)
				}
			}
		}
	}
	if cr.funcs == nil {
		cr.funcs = make(map[*ssa.Function]*funcIndex)
	}
	cr.funcs[fn] = ix
	return ix
}

// VerifiesOwner reports whether fn examines who owns the created name:
// it stats the same path (or the created file) and looks at the
// FileInfo's Sys(), or calls syscall's or unix's Stat or Lstat on it. Code
// that does so can refuse a name another user made first.
func (cr *Creators) VerifiesOwner(fn *ssa.Function, c *CreateSite) bool {
	for _, call := range cr.index(fn).owners {
		args := call.Call.Args
		if ssakit.QualifiedName(ssakit.Callee(&call.Call)) == "os.File.Stat" {
			if isResultOf(args[0], c.Instr) {
				return true
			}
		} else if pathflow.SamePath(args[0], c.Path) {
			return true
		}
	}
	return false
}

// DeadByConstant reports whether an if on a boolean constant decides that
// blk never runs.
func (cr *Creators) DeadByConstant(fn *ssa.Function, br *pathflow.Branches, blk *ssa.BasicBlock) bool {
	for _, ci := range cr.index(fn).constIfs {
		if edge := br.Decider(ci.blk, blk); edge >= 0 && edge != ci.taken {
			return true
		}
	}
	return false
}

// steeredByOtherParam reports whether a branch that decides whether c runs
// tests a parameter other than the path: a function that creates its
// name argument only when an option says so is no plain wrapper.
func steeredByOtherParam(fs *FuncState, br *pathflow.Branches, c *CreateSite, path *ssa.Parameter) bool {
	for _, i := range fs.IfsMentioning(path) {
		if br.Decider(i.Block(), c.Instr.Block()) >= 0 {
			return true
		}
	}
	return false
}

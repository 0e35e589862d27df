package nodeadline

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// index records, for the whole package, where struct fields and
// package-level variables are written and read, so that a client kept in
// a field or a variable can be followed from every place that sets it to
// every place that configures it.
type index struct {
	pkg *types.Package
	// fieldAddrs are the &x.f of every field f, in source order.
	fieldAddrs map[*types.Var][]*ssa.FieldAddr
	// fieldReads are the values read from every field f: loads of &x.f
	// and x.f of struct values.
	fieldReads map[*types.Var][]ssa.Value
	// globalUses are the instructions that use each package-level
	// variable (ssa.Global has no referrers of its own).
	globalUses map[*ssa.Global][]ssa.Instruction
	// calls are the static calls of each function of the package;
	// asValue marks the functions also used as values (their callers
	// are not all known).
	calls   map[*ssa.Function][]ssa.CallInstruction
	asValue map[*ssa.Function]bool
}

// buildIndex indexes the instructions of funcs for which keep (if not
// nil) is true.
func buildIndex(pkg *types.Package, funcs []*ssa.Function, keep func(ssa.Instruction) bool) *index {
	idx := &index{
		pkg:        pkg,
		fieldAddrs: make(map[*types.Var][]*ssa.FieldAddr),
		fieldReads: make(map[*types.Var][]ssa.Value),
		globalUses: make(map[*ssa.Global][]ssa.Instruction),
		calls:      make(map[*ssa.Function][]ssa.CallInstruction),
		asValue:    make(map[*ssa.Function]bool),
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if keep != nil && !keep(instr) {
					continue
				}
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					if f := fieldOf(in.X.Type(), in.Field, true); f != nil {
						idx.fieldAddrs[f] = append(idx.fieldAddrs[f], in)
					}
				case *ssa.Field:
					if f := fieldOf(in.X.Type(), in.Field, false); f != nil {
						idx.fieldReads[f] = append(idx.fieldReads[f], in)
					}
				case *ssa.UnOp:
					if fa, ok := in.X.(*ssa.FieldAddr); ok && in.Op == token.MUL {
						if f := fieldOf(fa.X.Type(), fa.Field, true); f != nil {
							idx.fieldReads[f] = append(idx.fieldReads[f], in)
						}
					}
				}
				var callee *ssa.Function
				if ci, ok := instr.(ssa.CallInstruction); ok && !ci.Common().IsInvoke() {
					if callee, _ = ci.Common().Value.(*ssa.Function); callee != nil {
						idx.calls[callee] = append(idx.calls[callee], ci)
					}
				}
				ops = instr.Operands(ops[:0])
				for j, op := range ops {
					if f, ok := (*op).(*ssa.Function); ok && (f != callee || j != 0) {
						idx.asValue[f] = true
					}
					if g, ok := (*op).(*ssa.Global); ok {
						uses := idx.globalUses[g]
						if n := len(uses); n == 0 || uses[n-1] != instr {
							idx.globalUses[g] = append(uses, instr)
						}
					}
				}
			}
		}
	}
	return idx
}

// fieldOf returns field i of the struct t is (or points to, when ptr),
// as declared (the generic field for instantiated types).
func fieldOf(t types.Type, i int, ptr bool) *types.Var {
	if ptr {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return nil
	}
	return s.Field(i).Origin()
}

// private reports whether only this package can write v: an unexported
// field or variable of the package.
func (idx *index) private(obj types.Object) bool {
	return obj != nil && obj.Pkg() == idx.pkg && !obj.Exported()
}

// knownCalls returns the calls of fn when they are all known: fn is an
// unexported, non-generic function of the package (not a method, which
// an interface may reach, nor a literal), only ever called statically.
// Otherwise nil.
func (idx *index) knownCalls(fn *ssa.Function) []ssa.CallInstruction {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !idx.private(obj) || fn.Signature.Recv() != nil ||
		fn.TypeParams().Len() > 0 || idx.asValue[fn] {
		return nil
	}
	return idx.calls[fn]
}

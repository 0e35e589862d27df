package ssakit

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Callers indexes, for the functions of one package, the static call
// sites that name each function as their callee (a call, a go or a
// defer statement, also of a closure made with its free variables), and
// whether its value is used in any other way: stored, passed, returned,
// converted, bound as a method value. A function whose value so escapes
// can be called from where no index sees; one that does not is called
// only at its sites. Generic instances count as their origin.
//
// It indexes the package-level variables of the package the same way:
// the stores to each, and whether its address is used in any other way
// than to load it or store to it (GlobalStores).
type Callers struct {
	sites   map[*ssa.Function][]ssa.CallInstruction
	escapes map[*ssa.Function]bool

	pkg           *ssa.Package // the package of the functions indexed
	stores        map[*ssa.Global][]*ssa.Store
	globalEscapes map[*ssa.Global]bool
}

// NewCallers builds the index of fns (ssabuild's Funcs: every function
// of the package, each function literal listed on its own). Its cost is
// one pass over the operands of the instructions.
func NewCallers(fns []*ssa.Function) *Callers {
	c := &Callers{
		sites: make(map[*ssa.Function][]ssa.CallInstruction), escapes: make(map[*ssa.Function]bool),
		stores: make(map[*ssa.Global][]*ssa.Store), globalEscapes: make(map[*ssa.Global]bool),
	}
	seen := make(map[*ssa.Function]bool, len(fns))
	for _, fn := range fns {
		if seen[fn] {
			continue
		}
		seen[fn] = true
		if c.pkg == nil {
			c.pkg = fn.Pkg
		}
		c.globalRefs(fn)
		funcRefs(fn, func(instr ssa.Instruction, op *ssa.Value, g *ssa.Function) {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if op == &instr.Common().Value {
					c.sites[g] = append(c.sites[g], instr)
					return
				}
			case *ssa.MakeClosure:
				if op == &instr.Fn {
					c.closure(g, instr)
					return
				}
			}
			c.escapes[g] = true
		})
	}
	return c
}

// funcRefs calls visit for every operand of body's instructions (not
// those of its function literals) that is a function, seen through
// generic instantiation: g is the origin.
func funcRefs(body *ssa.Function, visit func(instr ssa.Instruction, op *ssa.Value, g *ssa.Function)) {
	var ops []*ssa.Value
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			ops = instr.Operands(ops[:0])
			for _, op := range ops {
				g, ok := (*op).(*ssa.Function)
				if !ok {
					continue
				}
				if o := g.Origin(); o != nil {
					g = o
				}
				visit(instr, op, g)
			}
		}
	}
}

// globalRefs records the stores of body's instructions to package-level
// variables, and the variables whose address they use otherwise: passed
// (flag.StringVar(&dir, ...)), taken into a field or an element, or
// stored as a value. A load (*g) uses only the value.
func (c *Callers) globalRefs(body *ssa.Function) {
	var ops []*ssa.Value
	for _, b := range body.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				if g, ok := instr.Addr.(*ssa.Global); ok {
					c.stores[g] = append(c.stores[g], instr)
				}
				if g, ok := instr.Val.(*ssa.Global); ok {
					c.globalEscapes[g] = true
				}
				continue
			case *ssa.UnOp:
				if instr.Op == token.MUL {
					continue
				}
			}
			ops = instr.Operands(ops[:0])
			for _, op := range ops {
				if g, ok := (*op).(*ssa.Global); ok {
					c.globalEscapes[g] = true
				}
			}
		}
	}
}

// GlobalStores returns the stores to g, a package-level variable, in the
// functions of the list the index was built from (the package's own, with
// its initializer), and whether they are all of g's writes: only for a
// variable of that package that no other package can write (unexported,
// or of package main) and whose address is not used otherwise (passed,
// taken into a field or an element, stored), through which anything may
// be written.
func (c *Callers) GlobalStores(g *ssa.Global) ([]*ssa.Store, bool) {
	obj := g.Object()
	if g.Pkg == nil || g.Pkg != c.pkg || obj == nil || obj.Exported() && obj.Pkg().Name() != "main" {
		return nil, false
	}
	return c.stores[g], !c.globalEscapes[g]
}

// closure records the uses of mc, a closure of g: calls of it are g's
// sites; any other use lets g escape.
func (c *Callers) closure(g *ssa.Function, mc *ssa.MakeClosure) {
	for _, r := range *mc.Referrers() {
		if call, ok := r.(ssa.CallInstruction); ok && call.Common().Value == mc && !isArg(call.Common(), mc) {
			c.sites[g] = append(c.sites[g], call)
			continue
		}
		c.escapes[g] = true
	}
}

func isArg(call *ssa.CallCommon, v ssa.Value) bool {
	for _, a := range call.Args {
		if a == v {
			return true
		}
	}
	return false
}

// Sites returns the static call sites of fn, in the order of the list
// the index was built from, and whether they are all its calls: false
// when fn's value escapes. fn's callers outside the list (other
// packages, for an exported function) are not among them: the caller of
// Sites decides whether fn can have such.
func (c *Callers) Sites(fn *ssa.Function) ([]ssa.CallInstruction, bool) {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return c.sites[fn], !c.escapes[fn]
}

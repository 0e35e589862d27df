package ssakit

import (
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Fixed reports whether v, a string or a byte slice, holds the same
// content in every run of the program: a constant (nil, "" and any
// string), a conversion of one ([]byte("...")), or the value of a
// package-level variable of v's package that only the package can write
// (unexported, or of package main), whose address is used only to load
// and store it (Callers.GlobalStores), and that is stored only by the
// package initializer, with fixed values, or never (a //go:embed
// variable, which the linker fills with a file of the program's
// source). c indexes the package's functions; nil reads no variables.
func Fixed(v ssa.Value, c *Callers) bool {
	return fixed(v, c, 0)
}

func fixed(v ssa.Value, c *Callers, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return v.Value == nil || v.Value.Kind() == constant.String
	case *ssa.Convert:
		return fixed(v.X, c, depth+1)
	case *ssa.ChangeType:
		return fixed(v.X, c, depth+1)
	case *ssa.UnOp:
		g, ok := v.X.(*ssa.Global)
		if v.Op != token.MUL || !ok || c == nil {
			return false
		}
		stores, all := c.GlobalStores(g)
		if !all {
			return false
		}
		for _, st := range stores {
			if fn := st.Parent(); fn == nil || fn.Synthetic != "package initializer" || !fixed(st.Val, c, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

package blindretry

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// keyState is what one attempt's idempotency key is, relative to the
// other attempts of a retry.
type keyState uint8

const (
	keyUnknown    keyState = iota // cannot tell: stay quiet
	keyStable                     // the same value on every attempt
	keyPerAttempt                 // a fresh value on every attempt
)

// A region is the code that runs once per attempt: the blocks of a retry
// loop, or the whole body of a callback a retry helper calls.
type region struct {
	fn     *ssa.Function
	blocks map[*ssa.BasicBlock]bool // nil: every block of fn
}

// has reports whether b runs once per attempt.
func (r region) has(b *ssa.BasicBlock) bool {
	if b.Parent() != r.fn {
		return false
	}
	return r.blocks == nil || r.blocks[b]
}

// keyStateOf classifies the value of an idempotency-key header.
func keyStateOf(v ssa.Value, r region, depth int) keyState {
	if depth > 10 {
		return keyUnknown
	}
	depth++
	switch v := v.(type) {
	case *ssa.Const, *ssa.Global, *ssa.Function, *ssa.FreeVar:
		return keyStable
	case *ssa.Parameter:
		if r.blocks == nil && v.Parent() == r.fn {
			return keyUnknown // an argument of each attempt
		}
		return keyStable
	}
	instr, ok := v.(ssa.Instruction)
	if !ok || !r.has(instr.Block()) {
		return keyStable // made before the retry began
	}
	switch v := v.(type) {
	case *ssa.Phi, *ssa.Alloc:
		return keyUnknown
	case *ssa.UnOp:
		if c := loadedCell(v); c != nil {
			return cellKeyState(c, r, depth)
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return callKeyState(call, r, depth)
		}
		return keyUnknown
	case *ssa.Call:
		return callKeyState(v, r, depth)
	}
	var ops [8]*ssa.Value
	return combine(instr.Operands(ops[:0]), r, depth)
}

// cellKeyState classifies a load of a variable by what is stored in it.
func cellKeyState(c *cell, r region, depth int) keyState {
	stores := c.stores()
	if len(stores) == 0 {
		return keyUnknown
	}
	acc := keyStable
	for _, s := range stores {
		var k keyState
		if r.has(s.Block()) {
			k = keyStateOf(s.Val, r, depth)
		} else {
			k = keyStable
		}
		switch k {
		case keyPerAttempt:
			return keyPerAttempt
		case keyUnknown:
			acc = keyUnknown
		}
	}
	return acc
}

// combine is the state of a value computed from operands: fresh if any
// operand is fresh, stable if all are.
func combine(ops []*ssa.Value, r region, depth int) keyState {
	acc := keyStable
	for _, op := range ops {
		if *op == nil {
			continue
		}
		switch keyStateOf(*op, r, depth) {
		case keyPerAttempt:
			return keyPerAttempt
		case keyUnknown:
			acc = keyUnknown
		}
	}
	return acc
}

// callKeyState classifies a call made once per attempt: a source of fresh
// values (uuid.New, time.Now, math/rand) makes a new key every time; a
// pure formatting function keeps the state of its arguments; anything
// else is unknown.
func callKeyState(call *ssa.Call, r region, depth int) keyState {
	fn := ssakit.Callee(&call.Call)
	if fn == nil || fn.Pkg() == nil {
		return keyUnknown
	}
	path := fn.Pkg().Path()
	if freshSource(path, fn.Name()) && ssakit.RecvName(fn) == "" {
		return keyPerAttempt
	}
	args := call.Call.Args
	var ops []*ssa.Value
	for i := range args {
		ops = append(ops, &args[i])
	}
	if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil && len(args) > 0 {
		// A method of a fresh value (uuid.New().String()) is fresh.
		if keyStateOf(args[0], r, depth) == keyPerAttempt {
			return keyPerAttempt
		}
	}
	if pureFunc(path, fn.Name()) || isUUIDPackage(path) {
		return combine(ops, r, depth)
	}
	return keyUnknown
}

// freshSource reports whether the function pkg.name returns a new value
// on every call.
func freshSource(pkg, name string) bool {
	switch pkg {
	case "time":
		return name == "Now"
	case "math/rand", "math/rand/v2":
		return true
	case "crypto/rand":
		return name == "Text"
	case "github.com/oklog/ulid", "github.com/oklog/ulid/v2":
		return name == "Make" || name == "MustNew" || name == "New"
	case "github.com/rs/xid":
		return name == "New"
	case "github.com/hashicorp/go-uuid":
		return name == "GenerateUUID"
	}
	if isUUIDPackage(pkg) && pkg != "github.com/hashicorp/go-uuid" {
		return strings.HasPrefix(name, "New")
	}
	return false
}

// isUUIDPackage reports whether pkg is one of the common UUID packages.
func isUUIDPackage(pkg string) bool {
	switch pkg {
	case "github.com/google/uuid", "github.com/gofrs/uuid", "github.com/gofrs/uuid/v5",
		"github.com/satori/go.uuid", "github.com/hashicorp/go-uuid":
		return true
	}
	return false
}

// pureFunc reports whether pkg.name computes its result from its
// arguments alone.
func pureFunc(pkg, name string) bool {
	switch pkg {
	case "fmt":
		return strings.HasPrefix(name, "Sprint")
	case "strconv", "strings", "encoding/hex", "encoding/base64", "path":
		return true
	}
	return false
}

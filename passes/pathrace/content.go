package pathrace

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// contentAddressed reports whether path, the destination of a rename,
// names its file by a digest of data that the function writes: a
// content-addressed store,
//
//	sum := sha256.Sum256(data)
//	dst := filepath.Join(dir, hex.EncodeToString(sum[:]))
//	if _, err := os.Stat(dst); err == nil { return nil }
//	... tmp.Write(data) ...
//	return os.Rename(tmp.Name(), dst)
//
// A file another process renames to dst in between holds the same
// bytes, so replacing it breaks nothing: the rename-over-checked race is
// moot. The digest is read from the path's computation (Join, Sprintf,
// concatenation, hex and base64 encodings, a String method of the
// digest): crypto's SumNNN(d) and md5.Sum(d), a hash.Hash's Sum, and
// go-digest's FromBytes/FromString. The data must be written in the same
// function: a Write method or io.WriteString given d, os.WriteFile of d,
// or, for a hash.Hash h, h inside an io.MultiWriter or io.TeeReader (what
// is hashed is what is copied).
func contentAddressed(path ssa.Value, fn *ssa.Function) bool {
	for _, in := range digestInputs(path, 0, nil) {
		if written(fn, in) {
			return true
		}
	}
	return false
}

// digestInputs returns the values whose digests path is computed from:
// the data given to a hash function, or the hash.Hash whose Sum it is.
func digestInputs(v ssa.Value, depth int, f *callFrame) []ssa.Value {
	if v == nil || depth > 8 {
		return nil
	}
	depth++
	switch x := v.(type) {
	case *ssa.ChangeType:
		return digestInputs(x.X, depth, f)
	case *ssa.Convert:
		return digestInputs(x.X, depth, f)
	case *ssa.MakeInterface:
		return digestInputs(x.X, depth, f)
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return append(digestInputs(x.X, depth, f), digestInputs(x.Y, depth, f)...)
		}
	case *ssa.Slice: // sum[:]
		return digestInputs(x.X, depth, f)
	case *ssa.Alloc: // the array of a sum, stored once
		var out []ssa.Value
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				out = append(out, digestInputs(st.Val, depth, f)...)
			}
		}
		return out
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return digestInputs(x.X, depth, f)
		}
	case *ssa.Parameter: // an argument of the helper being looked through
		if f != nil && x.Parent() == f.fn {
			if i := slices.Index(f.fn.Params, x); i >= 0 && i < len(f.args) {
				return digestInputs(f.args[i], depth, f.up)
			}
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return resultDigestInputs(call, x.Index, depth, f)
		}
	case *ssa.Call:
		if x.Call.IsInvoke() {
			if x.Call.Method.Name() == "Sum" && isHashHash(x.Call.Value) {
				return []ssa.Value{x.Call.Value}
			}
			return nil
		}
		fn := ssakit.Callee(&x.Call)
		if fn == nil || fn.Pkg() == nil {
			return nil
		}
		args := x.Call.Args
		switch key := fn.Pkg().Path() + "." + recvTypeName(fn) + fn.Name(); key {
		case "crypto/sha256.Sum256", "crypto/sha256.Sum224", "crypto/sha512.Sum512", "crypto/sha512.Sum384",
			"crypto/sha1.Sum", "crypto/md5.Sum", "crypto/sha3.Sum256", "crypto/sha3.Sum512",
			"github.com/opencontainers/go-digest.FromBytes", "github.com/opencontainers/go-digest.FromString",
			"github.com/opencontainers/go-digest.Algorithm.FromBytes", "github.com/opencontainers/go-digest.Algorithm.FromString":
			if len(args) > 0 {
				return []ssa.Value{args[len(args)-1]}
			}
		case "encoding/hex.EncodeToString", "path/filepath.Clean", "path.Clean",
			"strings.ReplaceAll", "strings.Replace", "strings.TrimPrefix", "strings.ToLower",
			"github.com/opencontainers/go-digest.Digest.String", "github.com/opencontainers/go-digest.Digest.Encoded",
			"github.com/opencontainers/go-digest.Digest.Hex":
			return digestInputs(args[0], depth, f)
		case "encoding/base64.Encoding.EncodeToString", "encoding/base32.Encoding.EncodeToString":
			return digestInputs(args[1], depth, f)
		case "path/filepath.Join", "path.Join", "fmt.Sprintf", "fmt.Sprint":
			var out []ssa.Value
			for _, a := range args {
				if elems, ok := pathflow.VarargElems(a); ok {
					for _, e := range elems {
						out = append(out, digestInputs(e, depth, f)...)
					}
				}
			}
			return out
		}
		return resultDigestInputs(x, 0, depth, f)
	}
	return nil
}

// A callFrame binds the parameters of a helper of the package being
// looked through to the arguments of its call.
type callFrame struct {
	fn   *ssa.Function
	args []ssa.Value
	up   *callFrame
}

// resultDigestInputs looks through a function of the analyzed package
// that computes the path (a helper like
//
//	func blobPath(digest string) (string, error) {
//		if !validDigest(digest) { return "", errInvalid }
//		return filepath.Join(root, "blobs", strings.ReplaceAll(digest, ":", "-")), nil
//	}
//
// ): the digest inputs of its result at index, when every return yields a
// digest-named path or a constant (the empty path of a failure). Only
// functions with a body are seen: those of the package being analyzed.
func resultDigestInputs(call *ssa.Call, index int, depth int, f *callFrame) []ssa.Value {
	callee := call.Call.StaticCallee()
	if callee == nil || len(callee.Blocks) == 0 || len(callee.FreeVars) > 0 ||
		len(callee.Params) != len(call.Call.Args) || depth > 6 {
		return nil
	}
	inner := &callFrame{fn: callee, args: call.Call.Args, up: f}
	var out []ssa.Value
	for _, ret := range ssakit.Returns(callee) {
		if index >= len(ret.Results) {
			continue
		}
		if _, isConst := ret.Results[index].(*ssa.Const); isConst {
			continue
		}
		in := digestInputs(ret.Results[index], depth, inner)
		if len(in) == 0 {
			return nil
		}
		out = append(out, in...)
	}
	return out
}

// written reports whether fn writes d: d is the data of a Write method
// call, io.WriteString or os.WriteFile to anything but a hash; or d, a
// hash, is one of the writers of an io.MultiWriter, the writer of an
// io.TeeReader, or is given data by Write that fn writes.
func written(fn *ssa.Function, d ssa.Value) bool {
	hasher := isHashHash(d)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			w, data, ok := writeOf(call.Common())
			if !ok {
				continue
			}
			if hasher {
				if w != nil && same(w, d) && (data == nil || !isHashHash(data) && written(fn, data)) {
					return true
				}
				continue
			}
			if data != nil && same(data, d) && (w == nil || !isHashHash(w)) {
				return true
			}
		}
	}
	return false
}

// writeOf returns what a call writes, and to what: a Write method
// (receiver, data), io.WriteString (writer, data), os.WriteFile (nil,
// data); for io.MultiWriter and io.TeeReader, each writer w that all
// the data goes through is returned with nil data, one call at a time
// (only the first such writer is needed: a hash among them).
func writeOf(c *ssa.CallCommon) (w, data ssa.Value, ok bool) {
	args := c.Args
	if c.IsInvoke() {
		if c.Method.Name() == "Write" && len(args) == 1 {
			return c.Value, args[0], true
		}
		return nil, nil, false
	}
	callee := ssakit.Callee(c)
	if callee == nil || callee.Pkg() == nil {
		return nil, nil, false
	}
	switch callee.Pkg().Path() + "." + recvTypeName(callee) + callee.Name() {
	case "io.MultiWriter":
		if len(args) == 1 {
			if elems, ok := pathflow.VarargElems(args[0]); ok {
				for _, e := range elems {
					if isHashHash(e) {
						return e, nil, true
					}
				}
			}
		}
	case "io.TeeReader":
		if len(args) == 2 {
			return args[1], nil, true
		}
	case "io.WriteString":
		if len(args) == 2 {
			return args[0], args[1], true
		}
	case "os.WriteFile", "io/ioutil.WriteFile":
		if len(args) == 3 {
			return nil, args[1], true
		}
	default:
		if callee.Name() == "Write" && recvTypeName(callee) != "" && len(args) == 2 {
			return args[0], args[1], true // (*os.File).Write(d), (*bufio.Writer).Write(d)
		}
	}
	return nil, nil, false
}

// same reports whether a and b are the same data, seen through
// conversions ([]byte(s)) and interface boxing.
func same(a, b ssa.Value) bool {
	return pathflow.SamePath(unbox(a), unbox(b))
}

func unbox(v ssa.Value) ssa.Value {
	for {
		v = ssakit.Unconvert(v)
		c, ok := v.(*ssa.Convert)
		if !ok {
			return v
		}
		v = c.X
	}
}

// isHashHash reports whether v (seen through interface conversions) has
// a type implementing hash.Hash's Sum: a hash.Hash, or a concrete
// hasher such as the result of sha256.New.
func isHashHash(v ssa.Value) bool {
	v = unbox(v)
	return hasSumMethod(v)
}

// hasSumMethod reports whether v's type has the methods of a hash:
// Write([]byte) (int, error) and Sum([]byte) []byte.
func hasSumMethod(v ssa.Value) bool {
	t := v.Type()
	sum, _, _ := types.LookupFieldOrMethod(t, true, nil, "Sum")
	write, _, _ := types.LookupFieldOrMethod(t, true, nil, "Write")
	s, ok := sum.(*types.Func)
	if !ok || write == nil {
		return false
	}
	sig := s.Type().(*types.Signature)
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		types.Identical(sig.Params().At(0).Type(), byteSlice) && types.Identical(sig.Results().At(0).Type(), byteSlice)
}

var byteSlice = types.NewSlice(types.Typ[types.Byte])

// recvTypeName returns "T." for a method of the named type T (or *T),
// "" for a function.
func recvTypeName(fn *types.Func) string {
	if n := ssakit.RecvName(fn); n != "" {
		return n + "."
	}
	return ""
}

// takesExistingAsDone reports whether the present outcome of c takes a
// file at u's destination for the function's own result, without
// opening or otherwise touching it: some path the present outcome
// decides ends the function without an error, or leaves the decided
// code for code both outcomes share (the statement after the if, the
// next turn of a loop), and no use of the same path runs on the present
// side. Such a rename-over-checked is the program's own idempotence,
//
//	if fi, err := os.Stat(dst); err == nil {
//		if fi.Size() != want { return errCollision }
//		return nil // already there: done
//	}
//	return os.Rename(tmp, dst)
//
// (a content-addressed store whose name is computed elsewhere, a
// migration that skips what an earlier run moved): the program takes
// whatever file holds the name for its own, so a file renamed there in
// between is one it would have kept as the result had it come first,
// and replacing it only changes which of two equivalent writers wins.
// A present side that returns the error of another operation (the
// remove of its temporary file: return os.Remove(tmp)) succeeds when that
// does; one that returns an error it makes (errors.New, fmt.Errorf, a
// sentinel variable) refuses. A present side that opens or hashes the
// existing file to compare contents (and picks another name when they
// differ) does not trust the name, and is reported.
func (st *state) takesExistingAsDone(c *effects.CheckSite, u *effects.UseSite, uses []*effects.UseSite) bool {
	fs := st.funcState(u.Instr.Parent())
	touched := make(map[*ssa.BasicBlock]bool) // blocks with another use of u's path
	for _, other := range uses {
		if other != u && fsops.SameFS(other.FS, u.FS, pathflow.SamePath) && st.paths.SamePath(other.Path, u.Path) {
			touched[other.Instr.Block()] = true
		}
	}
	decided := make([]bool, len(fs.Fn.Blocks)) // some branch on c decides the block
	present := make([]bool, len(fs.Fn.Blocks)) // ... and says the file is there
	for _, b := range fs.Fn.Blocks {
		d, ok := fs.Decided(c, b)
		decided[b.Index], present[b.Index] = ok, ok && d.Pol == effects.Present
	}
	accepts := false
	for _, b := range fs.Fn.Blocks {
		if !present[b.Index] {
			continue
		}
		if touched[b] {
			return false // the present side acts on the existing file
		}
		switch last := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return:
			accepts = accepts || !refuses(last)
		default:
			for _, s := range b.Succs {
				accepts = accepts || !decided[s.Index] // rejoins the code after the decision
			}
		}
	}
	return accepts
}

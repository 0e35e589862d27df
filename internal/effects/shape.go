package effects

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

// RootKind is how a path names the shared temporary directory.
type RootKind uint8

const (
	RootNone    RootKind = iota
	RootTempDir          // os.TempDir(), or $TMPDIR with a fallback to it
	RootLiteral          // a literal /tmp, /var/tmp, /usr/tmp or /dev/shm
)

// Shape is what a path expression says about where it points.
type Shape struct {
	Root     RootKind
	RootText string        // for RootLiteral: the directory, "/tmp"
	Name     []Segment     // the part after the shared directory, merged, without leading "/"
	Cls      Class         // the most telling class among the name's parts
	Param    int           // the one parameter in the path, or -1
	Owner    *ssa.Function // the function Param belongs to
	Role     Role          // for Param >= 0: how the parameter enters the path
}

// ShapeOf reports where the path made of segs points: a predictable name
// in a shared temporary directory, or (for a function's summary) a path
// that one parameter decides. ok is false for anything else.
func ShapeOf(segs []Segment) (Shape, bool) {
	segs = Merge(segs)
	if len(segs) == 0 {
		return Shape{}, false
	}
	sh := Shape{Param: -1}
	var rest []Segment
	first := segs[0]
	switch {
	case first.Kind == SegParam:
		if len(segs) == 1 {
			return Shape{Param: first.Param, Owner: first.Owner, Role: RolePath}, true
		}
		if segs[1].Kind != SegLit || !strings.HasPrefix(segs[1].Text, "/") {
			return Shape{}, false
		}
		sh.Param, sh.Owner, sh.Role = first.Param, first.Owner, RoleDir
		rest = segs[1:]
	case first.Kind == SegRoot:
		if len(segs) < 2 || segs[1].Kind != SegLit || !strings.HasPrefix(segs[1].Text, "/") {
			return Shape{}, false
		}
		sh.Root = RootTempDir
		rest = segs[1:]
	case first.Kind == SegLit:
		dir, after, ok := sharedPrefix(first.Text)
		if !ok {
			return Shape{}, false
		}
		sh.Root, sh.RootText = RootLiteral, dir
		rest = append([]Segment{Lit(after)}, segs[1:]...)
	default:
		return Shape{}, false
	}
	name := trimLeadingSlash(rest)
	if len(name) == 0 {
		return Shape{}, false
	}
	cls := ClassConstant
	var rendered strings.Builder
	for _, s := range name {
		switch s.Kind {
		case SegLit:
			rendered.WriteString(s.Text)
		case SegPred:
			cls = max(cls, s.Cls)
			rendered.WriteString("x")
		case SegParam:
			if sh.Param >= 0 {
				return Shape{}, false // two parameters: not a summary this pass keeps
			}
			sh.Param, sh.Owner, sh.Role = s.Param, s.Owner, RoleName
			rendered.WriteString("x")
		default:
			return Shape{}, false
		}
	}
	// A name that climbs out (/tmp/../etc/x) or stays put (/tmp/.) is not
	// a name in the shared directory.
	escapes, empty := false, true
	for _, part := range strings.Split(rendered.String(), "/") {
		switch part {
		case "..":
			escapes = true
		case "", ".":
		default:
			empty = false
		}
	}
	if escapes || empty {
		return Shape{}, false
	}
	sh.Name, sh.Cls = name, cls
	return sh, true
}

// sharedPrefix splits a literal path that starts with a shared directory
// and a separator.
func sharedPrefix(s string) (dir, after string, ok bool) {
	for _, d := range pathflow.SharedDirs {
		if rest, found := strings.CutPrefix(s, d+"/"); found {
			return d, rest, true
		}
	}
	return "", "", false
}

// Merge joins adjacent literals and collapses repeated slashes in them.
func Merge(segs []Segment) []Segment {
	var out []Segment
	for _, s := range segs {
		if s.Kind == SegLit {
			if s.Text == "" {
				continue
			}
			if n := len(out); n > 0 && out[n-1].Kind == SegLit {
				out[n-1].Text += s.Text
				continue
			}
		}
		out = append(out, s)
	}
	for i := range out {
		if out[i].Kind == SegLit {
			for strings.Contains(out[i].Text, "//") {
				out[i].Text = strings.ReplaceAll(out[i].Text, "//", "/")
			}
		}
	}
	return out
}

// trimLeadingSlash drops the separators that start a list of segments.
func trimLeadingSlash(segs []Segment) []Segment {
	if len(segs) == 0 || segs[0].Kind != SegLit {
		return segs
	}
	t := strings.TrimLeft(segs[0].Text, "/")
	if t == "" {
		return segs[1:]
	}
	out := append([]Segment{Lit(t)}, segs[1:]...)
	return out
}

// IsSingleComponent reports whether a name has no directory part: it is
// one entry of the shared directory.
func IsSingleComponent(name []Segment) bool {
	for _, s := range name {
		if s.Kind == SegLit && strings.Contains(strings.TrimRight(s.Text, "/"), "/") {
			return false
		}
	}
	return true
}

package tempname

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/pathflow"
)

// rootKind is how a path names the shared temporary directory.
type rootKind uint8

const (
	rootNone    rootKind = iota
	rootTempDir          // os.TempDir(), or $TMPDIR with a fallback to it
	rootLiteral          // a literal /tmp, /var/tmp, /usr/tmp or /dev/shm
)

// shape is what a path expression says about where it points.
type shape struct {
	root     rootKind
	rootText string        // for rootLiteral: the directory, "/tmp"
	name     []segment     // the part after the shared directory, merged, without leading "/"
	cls      class         // the most telling class among the name's parts
	param    int           // the one parameter in the path, or -1
	owner    *ssa.Function // the function param belongs to
	role     role          // for param >= 0: how the parameter enters the path
}

// shapeOf reports where the path made of segs points: a predictable name
// in a shared temporary directory, or (for a function's summary) a path
// that one parameter decides. ok is false for anything else.
func shapeOf(segs []segment) (shape, bool) {
	segs = merge(segs)
	if len(segs) == 0 {
		return shape{}, false
	}
	sh := shape{param: -1}
	var rest []segment
	first := segs[0]
	switch {
	case first.kind == segParam:
		if len(segs) == 1 {
			return shape{param: first.param, owner: first.owner, role: rolePath}, true
		}
		if segs[1].kind != segLit || !strings.HasPrefix(segs[1].text, "/") {
			return shape{}, false
		}
		sh.param, sh.owner, sh.role = first.param, first.owner, roleDir
		rest = segs[1:]
	case first.kind == segRoot:
		if len(segs) < 2 || segs[1].kind != segLit || !strings.HasPrefix(segs[1].text, "/") {
			return shape{}, false
		}
		sh.root = rootTempDir
		rest = segs[1:]
	case first.kind == segLit:
		dir, after, ok := sharedPrefix(first.text)
		if !ok {
			return shape{}, false
		}
		sh.root, sh.rootText = rootLiteral, dir
		rest = append([]segment{lit(after)}, segs[1:]...)
	default:
		return shape{}, false
	}
	name := trimLeadingSlash(rest)
	if len(name) == 0 {
		return shape{}, false
	}
	cls := classConstant
	var rendered strings.Builder
	for _, s := range name {
		switch s.kind {
		case segLit:
			rendered.WriteString(s.text)
		case segPred:
			cls = max(cls, s.cls)
			rendered.WriteString("x")
		case segParam:
			if sh.param >= 0 {
				return shape{}, false // two parameters: not a summary this pass keeps
			}
			sh.param, sh.owner, sh.role = s.param, s.owner, roleName
			rendered.WriteString("x")
		default:
			return shape{}, false
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
		return shape{}, false
	}
	sh.name, sh.cls = name, cls
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

// merge joins adjacent literals and collapses repeated slashes in them.
func merge(segs []segment) []segment {
	var out []segment
	for _, s := range segs {
		if s.kind == segLit {
			if s.text == "" {
				continue
			}
			if n := len(out); n > 0 && out[n-1].kind == segLit {
				out[n-1].text += s.text
				continue
			}
		}
		out = append(out, s)
	}
	for i := range out {
		if out[i].kind == segLit {
			for strings.Contains(out[i].text, "//") {
				out[i].text = strings.ReplaceAll(out[i].text, "//", "/")
			}
		}
	}
	return out
}

// trimLeadingSlash drops the separators that start a list of segments.
func trimLeadingSlash(segs []segment) []segment {
	if len(segs) == 0 || segs[0].kind != segLit {
		return segs
	}
	t := strings.TrimLeft(segs[0].text, "/")
	if t == "" {
		return segs[1:]
	}
	out := append([]segment{lit(t)}, segs[1:]...)
	return out
}

// isSingleComponent reports whether a name has no directory part: it is
// one entry of the shared directory.
func isSingleComponent(name []segment) bool {
	for _, s := range name {
		if s.kind == segLit && strings.Contains(strings.TrimRight(s.text, "/"), "/") {
			return false
		}
	}
	return true
}

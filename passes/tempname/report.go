package tempname

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/pathflow"
)

// A finding is a creation of a predictable name in a shared directory.
type finding struct {
	c  *effects.CreateSite
	sh effects.Shape
}

// checkFunc reports the creations in fn of predictable names in shared
// temporary directories.
func (st *state) checkFunc(fn *ssa.Function) {
	creates, excls := st.cr.Sites(fn)
	if len(creates) == 0 {
		return
	}
	var found []finding
	var br pathflow.Branches
	for _, c := range creates {
		sh, ok := effects.ShapeOf(c.Segs)
		if !ok || sh.Param >= 0 {
			continue
		}
		if st.cr.Covered(c, excls, &br) || st.cr.VerifiesOwner(fn, c) || st.cr.DeadByConstant(fn, &br, c.Instr.Block()) {
			continue
		}
		found = append(found, finding{c, sh})
	}
	for _, f := range found {
		if f.c.Kind != effects.CreateDir && insideReportedDir(f, found) {
			continue // the directory's report covers what is made inside it
		}
		st.report(f)
	}
}

// insideReportedDir reports whether f creates a name inside a directory
// that another finding of the same function makes.
func insideReportedDir(f finding, found []finding) bool {
	for _, g := range found {
		if g.c != f.c && g.c.Kind == effects.CreateDir && effects.Inside(f.c.Path, f.c.Segs, g.c.Path, g.c.Segs) {
			return true
		}
	}
	return false
}

// verb is how a message says what the creation does.
func verb(k effects.CreateKind) string {
	switch k {
	case effects.CreateFile:
		return "creates"
	case effects.CreateDir:
		return "makes"
	case effects.CreateLink:
		return "links"
	}
	return "uses"
}

// category names a finding's shape: a directory, or what makes the name
// predictable.
func category(f finding) string {
	if f.c.Kind == effects.CreateDir {
		return PredictableTempDir
	}
	switch f.sh.Cls {
	case effects.ClassPid:
		return PidTempName
	case effects.ClassTime:
		return TimeTempName
	case effects.ClassCounter:
		return CounterTempName
	case effects.ClassUser:
		return UserTempName
	}
	return ConstantTempPath
}

// why says what makes a name predictable.
var why = map[effects.Class]string{
	effects.ClassConstant: "a fixed name in a shared temporary directory",
	effects.ClassPid:      "a name in a shared temporary directory made from the process id, which other users can guess",
	effects.ClassTime:     "a name in a shared temporary directory made from the current time, which other users can guess",
	effects.ClassCounter:  "a name in a shared temporary directory made from a counter, which other users can guess",
	effects.ClassUser:     "a name in a shared temporary directory made from the user's id or name, which other users know",
}

// consequence says what another user can do, and what to do instead.
var consequence = map[effects.CreateKind]string{
	effects.CreateFile: "another local user can create it first, or plant a symbolic link there, and take over the file (use os.CreateTemp, or a directory made by os.MkdirTemp)",
	effects.CreateDir:  "another local user can make it first and control what is created inside (use os.MkdirTemp, or check the directory's owner and mode after making it)",
	effects.CreateLink: "another local user can create it first, and the program goes on with their file (make the link in a directory made by os.MkdirTemp)",
}

// sourceNoun describes where the predictable part of a name comes from,
// for the related location.
var sourceNoun = map[effects.Class]string{
	effects.ClassPid:     "the process id",
	effects.ClassTime:    "the current time",
	effects.ClassCounter: "the counter",
	effects.ClassUser:    "the user's id or name",
}

// report reports a finding, with a related location at the source of
// the predictable part and, where it is safe, a fix.
func (st *state) report(f finding) {
	c := f.c
	call := st.syn.Call(c.Instr.Common().Pos())
	arg := st.syn.ArgOf(call, c.Arg, argMode)
	if arg == nil || !st.reportable(call.Pos()) || !st.sharedOn(call.Pos(), f.sh) {
		return
	}
	pathText := types.ExprString(arg)
	if c.Role == effects.RoleDir {
		pathText = map[effects.CreateKind]string{effects.CreateFile: "a file", effects.CreateDir: "a directory", effects.CreateLink: "a link"}[c.Kind] + " in " + pathText
	}
	diag := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: category(f),
		Message:  fmt.Sprintf("%s %s %s, %s; %s", analysisutil.FuncName(c.Callee), verb(c.Kind), pathText, why[f.sh.Cls], consequence[c.Kind]),
	}
	if src := sourceOf(f.sh); src.IsValid() && st.syn.File(src) != nil {
		rel := analysis.RelatedInformation{Pos: src, Message: sourceNoun[f.sh.Cls] + " comes from here"}
		if srcCall := st.syn.Call(src); srcCall != nil {
			rel.Pos, rel.End = srcCall.Pos(), srcCall.End()
		}
		diag.Related = []analysis.RelatedInformation{rel}
	}
	if c.Direct && !analysisutil.CgoRewritten(st.syn.File(call.Pos())) {
		// (a fix's positions in a file cgo rewrote are not the user's file)
		if fix := st.fix(f, call); fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	st.pass.Report(diag)
}

// sourceOf returns where the most telling predictable part of a name comes
// from, when the evaluator recorded it.
func sourceOf(sh effects.Shape) token.Pos {
	if sh.Cls == effects.ClassConstant {
		return token.NoPos
	}
	for _, s := range sh.Name {
		if s.Kind == effects.SegPred && s.Cls == sh.Cls && s.Src.IsValid() {
			return s.Src
		}
	}
	return token.NoPos
}

// argMode keeps how tempname has always found an argument as written: a
// path that is a method's receiver has none, so its finding is dropped,
// and only an unparenthesized x.M(a) is taken as a method call.
const argMode analysisutil.ArgMode = 0

// sharedOn reports whether the directory a path starts from is shared by
// all users on some system the file at pos is built for: os.TempDir() is
// private per user on Windows and macOS; /tmp is meaningless on Windows;
// /run/lock and /var/lock are Linux's.
func (st *state) sharedOn(pos token.Pos, sh effects.Shape) bool {
	f := st.syn.File(pos)
	if f == nil {
		return false
	}
	systems := buildSystems(st.pass.Fset.File(pos).Name(), f)
	switch sh.Root {
	case effects.RootTempDir:
		return systems.anyOf(sharedTempDirOS)
	case effects.RootLiteral:
		if pathflow.IsLockDir(sh.RootText) {
			return systems.anyOf(sharedLockDirOS)
		}
		return systems.anyOf(sharedSlashTmpOS)
	}
	return false
}

package tempname

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/pathflow"
)

// A finding is a creation of a predictable name in a shared directory.
type finding struct {
	c  *createSite
	sh shape
}

// checkFunc reports the creations in fn of predictable names in shared
// temporary directories.
func (st *state) checkFunc(fn *ssa.Function) {
	creates, excls := st.sites(fn)
	if len(creates) == 0 {
		return
	}
	var found []finding
	var br pathflow.Branches
	for _, c := range creates {
		sh, ok := shapeOf(c.segs)
		if !ok || sh.param >= 0 {
			continue
		}
		if st.covered(c, excls, &br) || st.verifiesOwner(fn, c) || st.deadByConstant(fn, &br, c.instr.Block()) {
			continue
		}
		found = append(found, finding{c, sh})
	}
	for _, f := range found {
		if f.c.op != opDir && insideReportedDir(f, found) {
			continue // the directory's report covers what is made inside it
		}
		st.report(f)
	}
}

// insideReportedDir reports whether f creates a name inside a directory
// that another finding of the same function makes.
func insideReportedDir(f finding, found []finding) bool {
	for _, g := range found {
		if g.c != f.c && g.c.op == opDir && inside(f.c.path, f.c.segs, g.c.path, g.c.segs) {
			return true
		}
	}
	return false
}

// category names a finding's shape: a directory, or what makes the name
// predictable.
func category(f finding) string {
	if f.c.op == opDir {
		return PredictableTempDir
	}
	switch f.sh.cls {
	case classPid:
		return PidTempName
	case classTime:
		return TimeTempName
	case classCounter:
		return CounterTempName
	case classUser:
		return UserTempName
	}
	return ConstantTempPath
}

// why says what makes a name predictable.
var why = map[class]string{
	classConstant: "a fixed name in a shared temporary directory",
	classPid:      "a name in a shared temporary directory made from the process id, which other users can guess",
	classTime:     "a name in a shared temporary directory made from the current time, which other users can guess",
	classCounter:  "a name in a shared temporary directory made from a counter, which other users can guess",
	classUser:     "a name in a shared temporary directory made from the user's id or name, which other users know",
}

// consequence says what another user can do, and what to do instead.
var consequence = map[opKind]string{
	opFile: "another local user can create it first, or plant a symbolic link there, and take over the file (use os.CreateTemp, or a directory made by os.MkdirTemp)",
	opDir:  "another local user can make it first and control what is created inside (use os.MkdirTemp, or check the directory's owner and mode after making it)",
	opLink: "another local user can create it first, and the program goes on with their file (make the link in a directory made by os.MkdirTemp)",
}

// sourceNoun describes where the predictable part of a name comes from,
// for the related location.
var sourceNoun = map[class]string{
	classPid:     "the process id",
	classTime:    "the current time",
	classCounter: "the counter",
	classUser:    "the user's id or name",
}

// report reports a finding, with a related location at the source of
// the predictable part and, where it is safe, a fix.
func (st *state) report(f finding) {
	c := f.c
	call := st.syn.Call(c.instr.Common().Pos())
	arg := st.syn.ArgOf(call, c.arg, argMode)
	if arg == nil || !st.reportable(call.Pos()) || !st.sharedOn(call.Pos(), f.sh) {
		return
	}
	pathText := types.ExprString(arg)
	if c.role == roleDir {
		pathText = map[opKind]string{opFile: "a file", opDir: "a directory", opLink: "a link"}[c.op] + " in " + pathText
	}
	diag := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: category(f),
		Message:  fmt.Sprintf("%s %s %s, %s; %s", analysisutil.FuncName(c.callee), c.op.verb(), pathText, why[f.sh.cls], consequence[c.op]),
	}
	if src := sourceOf(f.sh); src.IsValid() && st.syn.File(src) != nil {
		rel := analysis.RelatedInformation{Pos: src, Message: sourceNoun[f.sh.cls] + " comes from here"}
		if srcCall := st.syn.Call(src); srcCall != nil {
			rel.Pos, rel.End = srcCall.Pos(), srcCall.End()
		}
		diag.Related = []analysis.RelatedInformation{rel}
	}
	if c.direct && !analysisutil.CgoRewritten(st.syn.File(call.Pos())) {
		// (a fix's positions in a file cgo rewrote are not the user's file)
		if fix := st.fix(f, call); fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	st.pass.Report(diag)
}

// sourceOf returns where the most telling predictable part of a name comes
// from, when the evaluator recorded it.
func sourceOf(sh shape) token.Pos {
	if sh.cls == classConstant {
		return token.NoPos
	}
	for _, s := range sh.name {
		if s.kind == segPred && s.cls == sh.cls && s.src.IsValid() {
			return s.src
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
func (st *state) sharedOn(pos token.Pos, sh shape) bool {
	f := st.syn.File(pos)
	if f == nil {
		return false
	}
	systems := buildSystems(st.pass.Fset.File(pos).Name(), f)
	switch sh.root {
	case rootTempDir:
		return systems.anyOf(sharedTempDirOS)
	case rootLiteral:
		if pathflow.IsLockDir(sh.rootText) {
			return systems.anyOf(sharedLockDirOS)
		}
		return systems.anyOf(sharedSlashTmpOS)
	}
	return false
}

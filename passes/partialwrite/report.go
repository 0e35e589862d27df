package partialwrite

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
)

// argMode is how partialwrite has always found an argument as written:
// a method's receiver may be the path, and only an unparenthesized
// x.M(a) is taken as a method call.
const argMode analysisutil.ArgMode = analysisutil.ArgReceiver

// reportReadModifyWrite reports the write w of content the read r returned.
//
// Under an exclusive file lock held from the read to the write (locked),
// no other instance updates the file in between, and the message names
// only the crash.
func (st *state) reportReadModifyWrite(r *readSite, w *writeSite, locked bool) {
	writeCall, readCall := st.syn.Call(w.call.Call.Pos()), st.syn.Call(r.call.Call.Pos())
	pathArg, readArg := st.syn.ArgOf(writeCall, w.arg, argMode), st.syn.ArgOf(readCall, r.arg, argMode)
	if pathArg == nil || readArg == nil || !st.reportable(writeCall.Pos()) {
		return
	}
	path := types.ExprString(pathArg)
	writeName, readName := analysisutil.FuncName(w.callee), analysisutil.FuncName(r.callee)
	st.pass.Report(analysis.Diagnostic{
		Pos:      writeCall.Pos(),
		End:      writeCall.End(),
		Category: ReadModifyWrite,
		Message: fmt.Sprintf("%s rewrites %s in place after %s read it; a crash mid-write leaves it truncated "+
			"%s (write a temporary file in the same directory, Sync and Close it, then os.Rename it over %s)",
			writeName, path, readName, rmwLoss(locked), path),
		Related: []analysis.RelatedInformation{{
			Pos:     readCall.Pos(),
			End:     readCall.End(),
			Message: fmt.Sprintf("%s read %s here", readName, types.ExprString(readArg)),
		}},
	})
}

// reportCrossDir reports a rename of a file made in the shared temporary
// directory onto a destination elsewhere.
func (st *state) reportCrossDir(t *tempSite, rn *renameSite) {
	renameCall, tempCall := st.syn.Call(rn.call.Call.Pos()), st.syn.Call(t.call.Call.Pos())
	src, dst := st.syn.ArgOf(renameCall, rn.srcArg, argMode), st.syn.ArgOf(renameCall, rn.dstArg, argMode)
	if src == nil || dst == nil || tempCall == nil || !st.reportable(renameCall.Pos()) {
		return
	}
	dstText := types.ExprString(dst)
	st.pass.Report(analysis.Diagnostic{
		Pos:      renameCall.Pos(),
		End:      renameCall.End(),
		Category: RenameCrossDir,
		Message: fmt.Sprintf("%s moves %s onto %s after %s made it in the shared temporary directory; "+
			"the rename fails with EXDEV when that directory is on another file system (create the "+
			"temporary file in filepath.Dir(%s) with os.CreateTemp, Sync and Close it, then rename it)",
			analysisutil.FuncName(rn.callee), types.ExprString(src), dstText, analysisutil.FuncName(t.callee), dstText),
		Related: []analysis.RelatedInformation{{
			Pos:     tempCall.Pos(),
			End:     tempCall.End(),
			Message: fmt.Sprintf("%s made the file here", analysisutil.FuncName(t.callee)),
		}},
	})
}

// reportNoSync reports a rename of a file not synced on every path from
// its create; syncsSomewhere says that it is synced on others, a choice
// the fix must not override.
func (st *state) reportNoSync(fn *ssa.Function, t *tempSite, rn *renameSite, file *fileValues, syncsSomewhere bool) {
	renameCall, tempCall := st.syn.Call(rn.call.Call.Pos()), st.syn.Call(t.call.Call.Pos())
	src, dst := st.syn.ArgOf(renameCall, rn.srcArg, argMode), st.syn.ArgOf(renameCall, rn.dstArg, argMode)
	if src == nil || dst == nil || tempCall == nil || !st.reportable(renameCall.Pos()) {
		return
	}
	made, remedy := "made", "call Sync on the file before Close and Rename"
	if t.handle == nil {
		made, remedy = "wrote", "write it through os.OpenFile and call Sync before Close and Rename"
	}
	diag := analysis.Diagnostic{
		Pos:      renameCall.Pos(),
		End:      renameCall.End(),
		Category: RenameNoSync,
		Message: fmt.Sprintf("%s moves %s onto %s with no Sync since %s %s it; after a crash %s can "+
			"be empty or hold part of the data (%s)",
			analysisutil.FuncName(rn.callee), types.ExprString(src), types.ExprString(dst), analysisutil.FuncName(t.callee), made,
			types.ExprString(dst), remedy),
		Related: []analysis.RelatedInformation{{
			Pos:     tempCall.Pos(),
			End:     tempCall.End(),
			Message: fmt.Sprintf("%s made the file here", analysisutil.FuncName(t.callee)),
		}},
	}
	if file != nil && !syncsSomewhere {
		if fix := st.syncFix(fn, t, rn, file, renameCall); fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	st.pass.Report(diag)
}

// rmwLoss names what a read-modify-write loses besides the file's
// content on a crash: the update of another process, unless a file lock
// held from the read to the write keeps the others out.
func rmwLoss(locked bool) string {
	if locked {
		return "(the file lock held around it keeps other writers out, not a crash)"
	}
	return "and an update another process makes in between is lost"
}

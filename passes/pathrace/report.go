package pathrace

import (
	"fmt"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/analysisutil"
	"github.com/toctou/toctou/internal/effects"
	"github.com/toctou/toctou/internal/fsops"
	"github.com/toctou/toctou/internal/netops"
	"github.com/toctou/toctou/internal/pathflow"
	"github.com/toctou/toctou/internal/ssakit"
)

// checkFunc reports the uses in fn that a check of the same path decides.
func (st *state) checkFunc(fn *ssa.Function) {
	checks, uses := st.eff.Sites(fn)
	if len(checks) == 0 || len(uses) == 0 {
		return
	}
	fs := newFuncState(fn)
	dom := fs.DomChecks(checks)
	var found []finding
	for _, u := range uses {
		if !effects.Racy(u.Op) {
			continue
		}
		// The nearest preceding check is the one to name: walk backwards,
		// through the checks whose block dominates u's (no branch on the
		// result of another can decide u, see decided).
		dom.Dominating(u.Instr.Block(), func(c *effects.CheckSite) bool {
			if !st.sameTarget(c, u) || fs.sameFileIdiom(c) {
				return true
			}
			d, ok := fs.Decided(c, u.Instr.Block())
			if !ok {
				// An existence test combined with a kind test deciding a
				// create: if err == nil && !fi.IsDir() { return }.
				if u.Op != fsops.OpCreate {
					return true
				}
				if fs.absentOrKind(c, u.Instr.Block()) {
					d = effects.Decision{Pol: effects.Absent, KindTest: true}
				} else if fs.absentOnly(c, u.Instr.Block()) {
					d = effects.Decision{Pol: effects.Absent}
				} else if t, ok := fs.absentOrStale(st, c, u, uses); ok {
					// The takeover of a stale lock: if exists(lock) {
					// if !stale(lock) { return errBusy } }, then create.
					d = effects.Decision{Pol: effects.Absent, Stale: true, StaleRemoves: t.removes}
				} else {
					return true
				}
			}
			cat := category(c, d, u)
			if cat == RenameOverChecked && (contentAddressed(u.Path, fn) || st.takesExistingAsDone(c, u, uses)) {
				return false // the same bytes, or a file the program takes as its own, whoever renames first: nothing breaks
			}
			if cat != "" && st.remadeBetween(c, u, uses) {
				return false // u acts on the file the function made after c, not on the one c examined
			}
			if cat != "" && !(cat == ReadIfPresent && u.Absent) && !fs.tolerates(u, cat, d, checks) {
				found = append(found, finding{c, u, cat, d})
				return false
			}
			return true
		})
	}
	st.FS = fs
	defer func() { st.FS = nil }()
	st.reportAll(found)
}

// A finding is one use decided by one check.
type finding struct {
	c   *effects.CheckSite
	u   *effects.UseSite
	cat string
	d   effects.Decision
}

// reportAll reports the findings one race at a time: the uses one check
// decides with the same category become one diagnostic at the first of
// them in source order, with the others as related locations (one Lstat
// and three reads in a switch are one race, not three). Uses reported in
// another category (shownCategory) are another race, with their own
// diagnostic: a Mkdir on the absent branch and a Chmod on the present
// branch of one Stat break different things, and the opt-in category of
// the one must not hide the other.
func (st *state) reportAll(found []finding) {
	type race struct {
		c   *effects.CheckSite
		cat string
	}
	var order []race
	groups := make(map[race][]finding)
	for _, f := range found {
		shown, _, _ := st.shownCategory(f.cat, f.c, f.u, f.d)
		k := race{f.c, shown}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	for _, k := range order {
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool { return g[i].u.Instr.Pos() < g[j].u.Instr.Pos() })
		st.report(g[0].c, g[0].u, g[0].cat, g[0].d, g[1:])
	}
}

// category names the shape of a decided check and use, or returns "" when
// the pair is not a race worth reporting.
func category(c *effects.CheckSite, d effects.Decision, u *effects.UseSite) string {
	if c.Kind == fsops.CheckAccess {
		if d.Pol == effects.Present {
			return AccessThenOpen
		}
		return ""
	}
	if c.Kind == fsops.CheckLstat && (d.ModeTest || c.Symlinks) && d.Pol == effects.Present {
		switch u.Op {
		case fsops.OpRead, fsops.OpWrite, fsops.OpCreate, fsops.OpModify:
			if u.Direct && fsops.HasFlag(u.Instr.Common(), u.Callee, "O_NOFOLLOW") {
				return "" // the open refuses symbolic links itself
			}
			return SymlinkCheckThenOpen
		}
	}
	if c.Symlinks {
		return "" // a symbolic-link check says nothing of existence
	}
	switch d.Pol {
	case effects.Absent:
		switch u.Op {
		case fsops.OpCreate:
			return CreateIfAbsent
		case fsops.OpMkdir:
			return MkdirIfAbsent
		case fsops.OpLinkNew:
			return LinkIfAbsent
		case fsops.OpRenameDst:
			return RenameOverChecked
		}
	case effects.Present:
		switch u.Op {
		case fsops.OpRead, fsops.OpWrite, fsops.OpLinkOld:
			return ReadIfPresent
		case fsops.OpRemove:
			return RemoveIfPresent
		case fsops.OpRenameSrc:
			return RenameIfPresent
		case fsops.OpModify:
			return ModifyIfPresent
		}
	}
	return ""
}

// sameFileIdiom reports whether c's FileInfo is compared with os.SameFile:
// the Lstat, open, f.Stat, SameFile idiom verifies the opened file itself.
func sameFileIdiom(c *effects.CheckSite) bool {
	if c.Info == nil {
		return false
	}
	for _, r := range *c.Info.Referrers() {
		call, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if fn := ssakit.Callee(&call.Call); fn != nil && fn.Pkg() != nil &&
			fn.Pkg().Path() == "os" && fn.Name() == "SameFile" {
			return true
		}
	}
	return false
}

// message is the format of a report of category cat after decision d
// on c.
func message(c *effects.CheckSite, cat string, d effects.Decision) string {
	if cat == SymlinkCheckThenOpen && c.Symlinks {
		if c.Components {
			return symlinkComponentsMessage
		}
		return symlinkHelperMessage
	}
	if cat == ReadIfPresent && d.KindTest {
		return kindReadMessage
	}
	if cat == CreateIfAbsent && d.Stale {
		return staleMessage
	}
	return messages[cat]
}

var messages = map[string]string{
	CreateIfAbsent:       "%s %s after %s found it absent; another process can create it, or plant a symlink there, in between (create it with O_CREATE|O_EXCL and handle fs.ErrExist)",
	ReadIfPresent:        "%s %s after %s found it present; it can be removed or replaced in between (open it directly and handle fs.ErrNotExist)",
	RemoveIfPresent:      "%s %s after %s found it present; another process can remove or replace it in between, and the remove then fails or deletes the replacement (remove it directly and ignore fs.ErrNotExist)",
	MkdirIfAbsent:        "%s %s after %s found it absent; if another process makes it in between, this fails (use os.MkdirAll, or handle fs.ErrExist)",
	LinkIfAbsent:         "%s %s after %s found it absent; if another process creates it in between, this fails (make the link and handle fs.ErrExist)",
	RenameOverChecked:    "%s %s after %s found it absent; a file created there in between is silently replaced (os.Link the file into place and handle fs.ErrExist, then remove the old name)",
	RenameIfPresent:      "%s %s after %s found it present; it can be removed or replaced in between (rename it directly and handle fs.ErrNotExist)",
	ModifyIfPresent:      "%s %s by name after %s found it present; it can be replaced in between and the change lands on the replacement (open it once and use the *os.File method)",
	SymlinkCheckThenOpen: "%s %s by name after %s examined what kind of file it is; it can be replaced by a symbolic link in between (open it with O_NOFOLLOW and check f.Stat(), or use os.Root)",
	AccessThenOpen:       "%s %s after %s approved it; it can be replaced in between (drop the access check, open it directly and handle the error)",
}

// staleMessage is CreateIfAbsent's message for the takeover of a stale
// lock (absentOrStale). An exclusive create is the remedy only once the
// stale lock is removed: the fix is offered only where the code removes
// it before the create.
const staleMessage = "%s %s after %s found it absent or stale; two processes that both find it so both take it (remove a stale lock, then create it with O_CREATE|O_EXCL and handle fs.ErrExist)"

// kindReadMessage is ReadIfPresent's message when the check also examined
// the file's kind, size or times: opening directly does not replace that,
// the handle's Stat does.
const kindReadMessage = "%s %s after %s found it present; it can be removed or replaced in between, and what is opened is not what was examined (open it once and call Stat on the handle)"

func (st *state) report(c *effects.CheckSite, u *effects.UseSite, cat string, d effects.Decision, others []finding) {
	useCall := st.syn.Call(u.Instr.Common().Pos())
	checkCall := st.syn.Call(c.Call.Call.Pos())
	useArg := st.syn.ArgOf(useCall, synArg(u.Instr.Common(), u.Arg), argMode)
	checkArg := st.syn.ArgOf(checkCall, synArg(&c.Call.Call, argIndex(c)), argMode)
	if useArg == nil || checkArg == nil || !st.syn.Reportable(useCall.Pos(), includeTests) {
		return
	}
	file := st.syn.File(useCall.Pos())
	pathText := types.ExprString(useArg)
	useName, checkName := siteName(u.Callee, u.FS, useCall), siteName(c.Callee, c.FS, checkCall)
	diag := analysis.Diagnostic{
		Pos:      useCall.Pos(),
		End:      useCall.End(),
		Category: cat,
		Message:  fmt.Sprintf(message(c, cat, d), useName+" "+effects.OpVerb(u.Op), pathText, checkName),
		Related: []analysis.RelatedInformation{{
			Pos:     checkCall.Pos(),
			End:     checkCall.End(),
			Message: fmt.Sprintf("%s checked %s here", checkName, types.ExprString(checkArg)),
		}},
	}
	for _, o := range others {
		call := st.syn.Call(o.u.Instr.Common().Pos())
		if call == nil || !st.syn.Reportable(call.Pos(), includeTests) {
			continue
		}
		diag.Related = append(diag.Related, analysis.RelatedInformation{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("%s %s it here too, after the same check", analysisutil.FuncName(o.u.Callee), effects.OpVerb(o.u.Op)),
		})
	}
	if shown, root, private := st.shownCategory(cat, c, u, d); private {
		diag.Category = shown
		diag.Message += "; " + root.WhoCanRace()
	} else {
		diag.Category = shown
	}
	if u.Direct && len(diag.Related) == 1 && rootFixOK(u) && st.exclFixOK(cat, c, u) && (!d.Stale || d.StaleRemoves) && !analysisutil.CgoRewritten(file) {
		// (one fix per race: with several uses, no single rewrite is right)
		// (a fix's positions in a file cgo rewrote are not the user's file)
		diag.SuggestedFixes = st.fixes(cat, u, checkCall, useCall)
	}
	st.pass.Report(diag)
}

// shownCategory returns the category a race of shape cat is reported
// in: private-dir when no stranger can write its directory (privateRace,
// with the root, and private set), else the opt-in category of a use that
// breaks less than the rest of its shape (whatBreaks), else cat.
func (st *state) shownCategory(cat string, c *effects.CheckSite, u *effects.UseSite, d effects.Decision) (shown string, root pathflow.Root, private bool) {
	root, private = st.privateRace(cat, c, u, d)
	if private {
		return PrivateDir, root, true
	}
	if narrow := st.whatBreaks(cat, c, u, d, root); narrow != "" {
		return narrow, root, false
	}
	return cat, root, false
}

// whatBreaks returns the opt-in category of a race of category cat whose
// use u breaks less than the category's other uses, or "": the relevance
// model's "what does the race break?", asked of the use itself.
//   - A modify-if-present whose use only sets times (os.Chtimes,
//     syscall.Utimes, a file system's Chtimes) is times-if-present: on a
//     file swapped in, the race changes its times and nothing else, which
//     neither crosses a boundary nor loses data.
//   - A modify-if-present whose use only changes the mode (os.Chmod,
//     syscall.Chmod, a file system's Chmod) outside a shared directory
//     is mode-if-present: the change lands on a file swapped in (a link
//     to another of the program's files) only when someone else can
//     replace entries of the directory, and the only such directories
//     the code names are the shared ones, where it stays
//     modify-if-present. A chown (a privileged process's act, where a
//     link planted in a directory it does not own gives files away) and a
//     truncate (data lost) stay on wherever they are.
//   - A symlink-check-then-open whose use only reads (os.Open,
//     os.ReadFile, a read-only OpenFile, a helper that only reads) is
//     symlink-check-then-read: through a planted link the program reads
//     the link's target, which the planter learns only if the program
//     may read what the planter may not and shows it to them (a root
//     archiver of a user's tree; a server of an upload directory). That
//     is the program's privilege, which the code rarely states; the
//     writes, creates and changes of mode stay on by default, since they
//     break the target whoever runs the program.
//   - A create-if-absent of an empty marker (os.WriteFile of no data, a
//     create whose file is only closed) outside a shared directory is
//     empty-marker-if-absent: two instances that both make it make the
//     same empty file, and a link planted there, whose target the create
//     would truncate, needs write access to a directory the code does not
//     show a stranger to have. A marker whose presence the check treats
//     as a failure ("held") and removes again is a lock and stays (isLock).
//   - Likewise a create-if-absent that writes the same content in every
//     run (fixedContent: a constant, a file embedded in the program, as
//     a default configuration or a template is written when absent) is
//     fixed-content-if-absent: a second creator writes the same bytes
//     over the first one's, and nothing is lost.
//   - Any other create-if-absent outside a shared directory that is no
//     lock (isLock) is write-if-absent: two creators both write, the
//     last one wins, which only instances of the program running at once
//     on one path meet; the planted link is the shared directory's risk.
func (st *state) whatBreaks(cat string, c *effects.CheckSite, u *effects.UseSite, d effects.Decision, root pathflow.Root) string {
	switch {
	case cat == ModifyIfPresent && u.Direct && setsOnlyTimes(u):
		return TimesIfPresent
	case cat == ModifyIfPresent && u.Direct && setsOnlyMode(u) && root != pathflow.SharedRoot:
		return ModeIfPresent
	case cat == SymlinkCheckThenOpen && u.Op == fsops.OpRead:
		return SymlinkCheckThenRead
	case cat == CreateIfAbsent && root != pathflow.SharedRoot && emptyMarker(u) && !st.isLock(c, u, d):
		return EmptyMarkerIfAbsent
	case cat == CreateIfAbsent && root != pathflow.SharedRoot && st.fixedContent(u) && !st.isLock(c, u, d):
		return FixedContentIfAbsent
	case cat == CreateIfAbsent && root != pathflow.SharedRoot && !st.isLock(c, u, d):
		return WriteIfAbsent
	}
	return ""
}

// setsOnlyTimes reports whether the table operation u changes only the
// file's times.
func setsOnlyTimes(u *effects.UseSite) bool {
	site, ok := fsops.LookupCall(u.Instr.Common())
	return ok && site.Attr == fsops.AttrTimes
}

// setsOnlyMode reports whether the table operation u changes only the
// file's mode.
func setsOnlyMode(u *effects.UseSite) bool {
	site, ok := fsops.LookupCall(u.Instr.Common())
	return ok && site.Attr == fsops.AttrMode
}

// argMode keeps how pathrace has always found an argument as written: a
// path that is a method's receiver has none, so its finding is dropped,
// and only an unparenthesized x.M(a) is taken as a method call.
const argMode analysisutil.ArgMode = 0

func argIndex(c *effects.CheckSite) int {
	for i, a := range c.Call.Call.Args {
		if a == c.Path {
			return i
		}
	}
	return 0
}

// privateRace reports whether the race of c and u, of category cat, is in
// a directory no stranger can write (pathflow.Roots), and which root
// that is. Such a race is reported in the opt-in category private-dir:
//   - in a directory the function made itself (os.MkdirTemp, an os.Mkdir
//     with mode 0700), nobody else knows the name: nothing can race;
//   - in the user's own directories (os.UserConfigDir, $HOME...) and in
//     root's (/etc, /var/lib, /run...), only the program's own user or
//     root can: no security boundary is crossed, since whoever can race
//     can already write the file. Two exceptions stay in their own
//     category: a lock (a create after an absence check whose present
//     branch fails: "held"), whose racer is a second instance of the
//     program, which the directory does not keep out; and access-then-open
//     under the user's directories, a shape of set-user-ID programs, which
//     read $HOME from the very user they guard against (and find their
//     executable where a hard link their invoker made names it, so that
//     the program's own directory is the invoker's too).
func (st *state) privateRace(cat string, c *effects.CheckSite, u *effects.UseSite, d effects.Decision) (pathflow.Root, bool) {
	root := st.roots.RootOf(u.Path, u.Instr)
	switch {
	case !root.Private():
		return root, false
	case root == pathflow.FreshRoot:
		return root, true
	case cat == AccessThenOpen && (root == pathflow.UserRoot || root == pathflow.BinaryRoot):
		return root, false
	case cat == CreateIfAbsent && st.isLock(c, u, d):
		return root, false
	}
	return root, true
}

// remadeBetween reports whether the function makes the file at u's path
// anew after c and before u, on every path to u: a create or exclusive
// create of the same path (os.WriteFile, an O_CREATE open), or the bind of
// a Unix socket there (net.Listen("unix", p), netops.BoundSocketPath).
// u then acts on the file the function itself just made, and c, which
// examined the file that was there before, decides nothing about it:
//
//	if fi, err := os.Lstat(sock); err == nil && fi.Mode()&os.ModeSocket == 0 {
//		return errNotSocket
//	}
//	os.Remove(sock)
//	l, err := net.Listen("unix", sock)
//	os.Chmod(sock, 0o600) // the socket Listen made
func (st *state) remadeBetween(c *effects.CheckSite, u *effects.UseSite, uses []*effects.UseSite) bool {
	between := func(in ssa.Instruction) bool {
		return ssakit.Dominates(c.Call, in) && ssakit.Dominates(in, u.Instr)
	}
	for _, m := range uses {
		if m != u && (m.Op == fsops.OpCreate || m.Op == fsops.OpExclCreate) && between(m.Instr) &&
			fsops.SameFS(m.FS, u.FS, pathflow.SamePath) && st.paths.SamePath(m.Path, u.Path) {
			return true
		}
	}
	if u.FS != nil {
		return false // a socket is bound in the os namespace
	}
	for _, b := range u.Instr.Parent().Blocks {
		for _, in := range b.Instrs {
			ci, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if p := netops.BoundSocketPath(ci.Common()); p != nil && between(in) && st.paths.SamePath(p, u.Path) {
				return true
			}
		}
	}
	return false
}

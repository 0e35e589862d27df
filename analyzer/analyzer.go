// Package analyzer exports the toctou suite: every pass, and one row of
// metadata per pass (CWE, severity, the release that introduced it,
// whether it runs by default, and the categories its diagnostics carry).
//
// Drivers (cmd/toctou, the golangci-lint plugin, the gopls build) and the
// generated documentation under docs/ read this table; nothing else
// registers passes.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/passes/blindretry"
	"github.com/toctou/toctou/passes/byname"
	"github.com/toctou/toctou/passes/lockfile"
	"github.com/toctou/toctou/passes/nodeadline"
	"github.com/toctou/toctou/passes/partialwrite"
	"github.com/toctou/toctou/passes/pathrace"
	"github.com/toctou/toctou/passes/tempname"
)

// Severity is how a finding should be presented (SARIF level names).
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Category is one sub-kind of a pass's findings; its Name is the
// Diagnostic.Category the pass sets and the anchor in the pass's docs page.
type Category struct {
	Name    string
	Summary string
	// OptIn marks a category that is off by default: its findings are real
	// in shape, but the race rarely breaks more than an error message
	// (docs/design.md, "The relevance model"). Every driver drops them
	// unless the pass's -NAME.all flag is set (package driver).
	OptIn bool
	// OffBecause says why an opt-in category is off, for its docs; empty
	// means the race rarely breaks more than an error message.
	OffBecause string
}

// OptInCategories returns the names of p's opt-in categories.
func (p Pass) OptInCategories() []string {
	var names []string
	for _, c := range p.Categories {
		if c.OptIn {
			names = append(names, c.Name)
		}
	}
	return names
}

// Pass is the metadata row of one analyzer.
type Pass struct {
	Analyzer   *analysis.Analyzer
	CWE        []int    // CWE identifiers, most specific first
	Severity   Severity // default presentation level
	Since      string   // toctou release that introduced the pass
	Default    bool     // enabled when no pass is selected explicitly
	Categories []Category
}

// Passes returns the metadata table, one row per pass, in a stable order.
func Passes() []Pass {
	return []Pass{
		{
			Analyzer: pathrace.Analyzer,
			CWE:      []int{367, 59},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: pathrace.CreateIfAbsent, Summary: "a file is created or written by name after a check found the path absent"},
				{Name: pathrace.EmptyMarkerIfAbsent, Summary: "an empty marker file is created by name after a check found the path absent, outside a shared directory", OptIn: true,
					OffBecause: "two processes that both make the marker make the same empty file, and a link planted there needs write access to a directory the code does not show a stranger to have; a marker whose presence the check treats as a failure is a lock and stays in create-if-absent"},
				{Name: pathrace.FixedContentIfAbsent, Summary: "a file is written by name with the same content in every run (a constant, an embedded file) after a check found the path absent, outside a shared directory", OptIn: true,
					OffBecause: "a default configuration or template written when absent: a second process that writes it too writes the same bytes, and a link planted there needs write access to a directory the code does not show a stranger to have; a file whose presence the check treats as a failure is a lock and stays in create-if-absent"},
				{Name: pathrace.WriteIfAbsent, Summary: "a file is created or written by name after a check found the path absent, outside a shared directory, and it is no lock (the check's present branch goes on, or the program keeps the file)", OptIn: true,
					OffBecause: "two processes that both find the file absent both write it and the last one wins, which only instances of the program that run at once on one path meet; a link planted there needs write access to a directory the code does not show a stranger to have; a lock (the check's present branch refuses and the program removes the file again) stays in create-if-absent"},
				{Name: pathrace.ReadIfPresent, Summary: "a file is opened or read by name after a check found it present", OptIn: true},
				{Name: pathrace.RemoveIfPresent, Summary: "a file is removed after a check found it present", OptIn: true},
				{Name: pathrace.MkdirIfAbsent, Summary: "a directory is made after a check found the path absent", OptIn: true},
				{Name: pathrace.LinkIfAbsent, Summary: "a link is made after a check found the path absent", OptIn: true},
				{Name: pathrace.RenameOverChecked, Summary: "a file is renamed onto a path a check found absent"},
				{Name: pathrace.RenameIfPresent, Summary: "a file is renamed away after a check found it present", OptIn: true},
				{Name: pathrace.ModifyIfPresent, Summary: "a file's mode, owner or size is changed by name after a check found it present"},
				{Name: pathrace.TimesIfPresent, Summary: "a file's times are set by name after a check found it present", OptIn: true,
					OffBecause: "the race changes only the times of a file swapped in: no content, mode or owner"},
				{Name: pathrace.ModeIfPresent, Summary: "a file's mode is changed by name after a check found it present, outside a shared directory", OptIn: true,
					OffBecause: "the change lands on a file swapped in only when someone else can replace entries of the directory, which the code does not show; in a shared directory it stays modify-if-present, and a chown or truncate stays on anywhere"},
				{Name: pathrace.SymlinkCheckThenOpen, Summary: "a path is written, created or changed by name after an Lstat found it not to be a symbolic link"},
				{Name: pathrace.SymlinkCheckThenRead, Summary: "a path is opened for reading by name after an Lstat found it not to be a symbolic link", OptIn: true,
					OffBecause: "a read through a planted link crosses a boundary only when the program may read what the planter may not (run as root over another user's tree, or serving an upload directory), which the code rarely states; turn it on for such programs"},
				{Name: pathrace.AccessThenOpen, Summary: "a file is used by name after access(2) approved it"},
				{Name: pathrace.PrivateDir, Summary: "any of the races above in a directory only the program's own user or root can write, or one the function made itself", OptIn: true,
					OffBecause: "whoever can race there can already write the file, so no boundary is crossed"},
				{Name: pathrace.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "whoever runs the code races only with themself, by its program role; `-pathrace.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: tempname.Analyzer,
			CWE:      []int{377, 59},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: tempname.ConstantTempPath, Summary: "a file or link is created at a fixed name in a shared temporary directory without O_EXCL"},
				{Name: tempname.PidTempName, Summary: "a file or link is created in a shared temporary directory under a name made from the process id"},
				{Name: tempname.TimeTempName, Summary: "a file or link is created in a shared temporary directory under a name made from the current time"},
				{Name: tempname.CounterTempName, Summary: "a file or link is created in a shared temporary directory under a name made from a counter"},
				{Name: tempname.UserTempName, Summary: "a file or link is created in a shared temporary directory under a name made from the user's id or name"},
				{Name: tempname.PredictableTempDir, Summary: "a directory that may already exist is made at a predictable name in a shared temporary directory"},
				{Name: tempname.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "whoever runs the code races only with themself, by its program role; `-tempname.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: byname.Analyzer,
			CWE:      []int{367},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: byname.ChmodByName, Summary: "a file's mode is changed by name while the function holds it open"},
				{Name: byname.ChownByName, Summary: "a file's owner is changed by name while the function holds it open"},
				{Name: byname.ChtimesByName, Summary: "a file's times are changed by name while the function holds it open", OptIn: true,
					OffBecause: "the race changes only the times of a file swapped in: no content, mode or owner"},
				{Name: byname.TruncateByName, Summary: "a file is truncated by name while the function holds it open for writing"},
				{Name: byname.StatByName, Summary: "a file is examined by name while the function holds it open"},
				{Name: byname.StatSizeOnly, Summary: "a file is examined by name while the function holds it open, and only its size is used, to bound no read of the file", OptIn: true,
					OffBecause: "whoever can swap the name could have swapped the file before the open; the race gives only a length that does not match the content read through the handle (a failed request, a transfer sent again), not another file's mode, owner or type"},
				{Name: byname.ChmodUnshared, Summary: "a file's mode is changed by name while the function holds it open, and the file is not in a shared directory", OptIn: true,
					OffBecause: "the change lands on a file swapped in only when someone else can replace entries of the directory, which the code shows of the shared temporary directories alone; a chown and a truncate stay on anywhere (pathrace's mode-if-present, the same answer)"},
				{Name: byname.PrivateDir, Summary: "any of the above on a file in a directory only the program's own user or root can write, or one the function made itself", OptIn: true,
					OffBecause: "whoever can swap the name there can already change the file, so no boundary is crossed"},
				{Name: byname.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "whoever runs the code races only with themself, by its program role; `-byname.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: partialwrite.Analyzer,
			CWE:      []int{662, 367},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: partialwrite.ReadModifyWrite, Summary: "a file is read, then truncated and rewritten in place with content computed from what was read"},
				{Name: partialwrite.RenameNoSync, Summary: "a file the function made is renamed onto another name without a Sync on every path since it was made"},
				{Name: partialwrite.RenameCrossDir, Summary: "a file made in the shared temporary directory is renamed onto a destination outside it (EXDEV across file systems)"},
				{Name: partialwrite.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "whoever runs the code races only with themself, by its program role; `-partialwrite.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: lockfile.Analyzer,
			CWE:      []int{667, 772},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: lockfile.ReleasedOnSomePaths, Summary: "a path out of the function leaves an acquired lock file behind, so later runs find it held forever"},
				{Name: lockfile.OpaqueHeldError, Summary: "a held lock surfaces as a bare \"file already exists\" that names no file"},
				{Name: lockfile.StaleLockNoRecovery, Summary: "nothing can tell a lock left by a crashed holder from a held one (off unless -lockfile.stale)"},
				{Name: lockfile.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "whoever runs the code races only with themself, by its program role; `-lockfile.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: nodeadline.Analyzer,
			CWE:      []int{1088, 400},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{Name: nodeadline.ClientTimeout, Summary: "an HTTP request is sent through a client with no Timeout, with no context"},
				{Name: nodeadline.ContextDropped, Summary: "an HTTP request with no bound in a function that has a context it does not pass on"},
				{Name: nodeadline.ContextDroppedUnseen, Summary: "an HTTP request built with no context in a function that has one, sent through a client whose time limit the pass cannot see", OptIn: true,
					OffBecause: "the client may have a Timeout (a parameter, a field another package's constructor sets); the dropped context then costs the caller's cancellation, not a wait without end; on fresh16 both such findings were false (KEDA's scalers, whose clients always have a Timeout)"},
				{Name: nodeadline.BackgroundContext, Summary: "a context that never ends is the only bound of a network call"},
				{Name: nodeadline.DialTimeout, Summary: "a dial that shakes hands (TLS, a SOCKS proxy) with neither a Timeout, a Deadline nor a context deadline"},
				{Name: nodeadline.DialConnect, Summary: "a plain TCP connect with neither a Timeout, a Deadline nor a context deadline", OptIn: true,
					OffBecause: "the kernel bounds a connect to an address that does not answer (on Linux, tcp_syn_retries: about two minutes), so the call does not wait forever; what does, a handshake or a read with no deadline, is reported by the other categories"},
				{Name: nodeadline.ServerTimeouts, Summary: "an http.Server starts with neither ReadHeaderTimeout nor ReadTimeout"},
				{Name: nodeadline.ServeFunction, Summary: "http.ListenAndServe and friends start a server that cannot have timeouts"},
				{Name: nodeadline.DeveloperCode, Summary: "a finding of another category in an example or demo, a benchmark program, a test utility or a developer tool", OptIn: true,
					OffBecause: "no stranger talks to the code, by its program role; `-nodeadline.tools` reports these findings under their own categories instead"},
			},
		},
		{
			Analyzer: blindretry.Analyzer,
			CWE:      []int{837},
			Severity: Warning,
			Since:    "v0.1.0",
			// Off by default: on the corpus (docs/precision.md) all its
			// findings were POSTs used as RPCs that are idempotent on the
			// server, which the pass cannot see. Run it with -blindretry.
			Default: false,
			Categories: []Category{
				{Name: blindretry.RetriedHTTPWrite, Summary: "an HTTP POST or PATCH without a stable idempotency key is sent again after an error or a timeout"},
				{Name: blindretry.RetriedSQLWrite, Summary: "a SQL INSERT or self-incrementing UPDATE is run again after an error or a timeout"},
				{Name: blindretry.KeyPerAttempt, Summary: "a retried request carries an idempotency key made anew on every attempt"},
				{Name: blindretry.RetryableHTTPPost, Summary: "an HTTP POST or PATCH is sent through a go-retryablehttp client, which retries it by default"},
				{Name: blindretry.RetryOnTimeout, Summary: "a call of unknown idempotency is retried specifically after a timeout (only with -blindretry.timeouts)"},
				{Name: blindretry.RetriedAnyMethod, Summary: "retry middleware or a client library's retry loop resends the caller's request whatever its method, with no idempotency test"},
				{Name: blindretry.RetriedRPCWrite, Summary: "a write of a well-known RPC client (etcd's KV Put, a Txn's Commit) is sent again after an error"},
				{Name: blindretry.BadConnAfterSend, Summary: "a database/sql driver returns driver.ErrBadConn after the statement may have reached the server, so database/sql runs it again"},
			},
		},
	}
}

// Suite returns every analyzer of the suite, in the order of Passes.
func Suite() []*analysis.Analyzer {
	rows := Passes()
	all := make([]*analysis.Analyzer, len(rows))
	for i, row := range rows {
		all[i] = row.Analyzer
	}
	return all
}

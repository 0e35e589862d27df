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
				{pathrace.CreateIfAbsent, "a file is created or written by name after a check found the path absent"},
				{pathrace.ReadIfPresent, "a file is opened or read by name after a check found it present"},
				{pathrace.RemoveIfPresent, "a file is removed after a check found it present"},
				{pathrace.MkdirIfAbsent, "a directory is made after a check found the path absent"},
				{pathrace.LinkIfAbsent, "a link is made after a check found the path absent"},
				{pathrace.RenameOverChecked, "a file is renamed onto a path a check found absent"},
				{pathrace.RenameIfPresent, "a file is renamed away after a check found it present"},
				{pathrace.ModifyIfPresent, "a file's mode, owner, times or size is changed by name after a check found it present"},
				{pathrace.SymlinkCheckThenOpen, "a path is opened by name after an Lstat found it not to be a symbolic link"},
				{pathrace.AccessThenOpen, "a file is used by name after access(2) approved it"},
			},
		},
		{
			Analyzer: tempname.Analyzer,
			CWE:      []int{377, 59},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{tempname.ConstantTempPath, "a file or link is created at a fixed name in a shared temporary directory without O_EXCL"},
				{tempname.PidTempName, "a file or link is created in a shared temporary directory under a name made from the process id"},
				{tempname.TimeTempName, "a file or link is created in a shared temporary directory under a name made from the current time"},
				{tempname.CounterTempName, "a file or link is created in a shared temporary directory under a name made from a counter"},
				{tempname.UserTempName, "a file or link is created in a shared temporary directory under a name made from the user's id or name"},
				{tempname.PredictableTempDir, "a directory that may already exist is made at a predictable name in a shared temporary directory"},
			},
		},
		{
			Analyzer: byname.Analyzer,
			CWE:      []int{367},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{byname.ChmodByName, "a file's mode is changed by name while the function holds it open"},
				{byname.ChownByName, "a file's owner is changed by name while the function holds it open"},
				{byname.ChtimesByName, "a file's times are changed by name while the function holds it open"},
				{byname.TruncateByName, "a file is truncated by name while the function holds it open for writing"},
				{byname.StatByName, "a file is examined by name while the function holds it open"},
			},
		},
		{
			Analyzer: partialwrite.Analyzer,
			CWE:      []int{662, 367},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{partialwrite.ReadModifyWrite, "a file is read, then truncated and rewritten in place with content computed from what was read"},
				{partialwrite.RenameNoSync, "a file the function made is renamed onto another name without a Sync on every path since it was made"},
				{partialwrite.RenameCrossDir, "a file made in the shared temporary directory is renamed onto a destination outside it (EXDEV across file systems)"},
			},
		},
		{
			Analyzer: lockfile.Analyzer,
			CWE:      []int{667, 772},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{lockfile.ReleasedOnSomePaths, "a path out of the function leaves an acquired lock file behind, so later runs find it held forever"},
				{lockfile.OpaqueHeldError, "a held lock surfaces as a bare \"file already exists\" that names no file"},
				{lockfile.StaleLockNoRecovery, "nothing can tell a lock left by a crashed holder from a held one (off unless -lockfile.stale)"},
			},
		},
		{
			Analyzer: nodeadline.Analyzer,
			CWE:      []int{1088, 400},
			Severity: Warning,
			Since:    "v0.1.0",
			Default:  true,
			Categories: []Category{
				{nodeadline.ClientTimeout, "an HTTP request is sent through a client with no Timeout, with no context"},
				{nodeadline.ContextDropped, "an HTTP request with no bound in a function that has a context it does not pass on"},
				{nodeadline.BackgroundContext, "a context that never ends is the only bound of a network call"},
				{nodeadline.DialTimeout, "a dial with neither a Timeout, a Deadline nor a context deadline"},
				{nodeadline.ServerTimeouts, "an http.Server starts with neither ReadHeaderTimeout nor ReadTimeout"},
				{nodeadline.ServeFunction, "http.ListenAndServe and friends start a server that cannot have timeouts"},
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
				{blindretry.RetriedHTTPWrite, "an HTTP POST or PATCH without a stable idempotency key is sent again after an error or a timeout"},
				{blindretry.RetriedSQLWrite, "a SQL INSERT or self-incrementing UPDATE is run again after an error or a timeout"},
				{blindretry.KeyPerAttempt, "a retried request carries an idempotency key made anew on every attempt"},
				{blindretry.RetryableHTTPPost, "an HTTP POST or PATCH is sent through a go-retryablehttp client, which retries it by default"},
				{blindretry.RetryOnTimeout, "a call of unknown idempotency is retried specifically after a timeout (only with -blindretry.timeouts)"},
				{blindretry.RetriedAnyMethod, "retry middleware or a client library's retry loop resends the caller's request whatever its method, with no idempotency test"},
				{blindretry.RetriedRPCWrite, "a write of a well-known RPC client (etcd's KV Put, a Txn's Commit) is sent again after an error"},
				{blindretry.BadConnAfterSend, "a database/sql driver returns driver.ErrBadConn after the statement may have reached the server, so database/sql runs it again"},
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

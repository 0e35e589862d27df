// Package partialwrite defines an Analyzer that reports file writes that
// concurrent readers or a crash can observe half done (CWE-662, CWE-367).
//
// # Analyzer partialwrite
//
// partialwrite: report in-place rewrites and unsafe temporary-file renames
//
// A program that rewrites a file in place truncates it first: until the
// write finishes, readers see an empty or partial file, and a crash in
// between leaves it that way. When the new content was computed from the
// old, the old state is gone too, and an update another process made
// between the read and the write is silently overwritten:
//
//	data, err := os.ReadFile(path)
//	...
//	cfg.Count++
//	return os.WriteFile(path, encode(cfg), 0o644) // truncates path, then writes
//
// The safe sequence writes a temporary file in the same directory, makes
// its content durable, and renames it over the old name in one step:
//
//	f, err := os.CreateTemp(filepath.Dir(path), ".cfg-*")
//	...
//	_, err = f.Write(encode(cfg))
//	if err == nil {
//		err = f.Sync() // the data is on disk before the name points at it
//	}
//	if cerr := f.Close(); err == nil {
//		err = cerr
//	}
//	if err == nil {
//		err = os.Rename(f.Name(), path) // readers see the old file or the new one
//	}
//
// partialwrite reports three ways of getting this wrong, each with its
// category:
//
//   - read-modify-write: a function reads a file (os.ReadFile, or
//     os.Open and a read of the handle) and then truncates the same path
//     and writes it again (os.WriteFile, os.Create, os.OpenFile with
//     O_TRUNC), with content computed from what it read. The report is at
//     the write, with a related location at the read. Same path means the
//     same value, or the same pure computation (filepath.Join, string
//     concatenation, constants) of the same values. Content is followed
//     through computations, conversions, calls given it (json.Unmarshal
//     fills the variable it is given), memory it is stored into, and
//     writers built on the output file (bufio.NewWriter, json.NewEncoder).
//   - rename-without-sync: a function makes a file (os.CreateTemp,
//     os.Create, os.OpenFile with O_CREATE, os.WriteFile), writes it and
//     renames it onto another name with some path from the create to the
//     rename calling no Sync of the file (f.Sync, or fsync of f.Fd()).
//     A path that skips the Sync only where an error is already set and
//     returns on that error before the rename (if err == nil { err =
//     f.Sync() } ... if err != nil { return err }) is no such path: the
//     nil-ness the path's branches test decides the later ones
//     (ssakit.FeasiblyReaches).
//     Rename is atomic for readers, but the file system may commit the
//     rename before the data: after a crash the destination can be empty.
//     The report is at the rename, with a related location at the create.
//   - rename-across-dirs: the file was made in the shared temporary
//     directory (os.CreateTemp("", …), os.CreateTemp(os.TempDir(), …), or a
//     path built from os.TempDir()) and is renamed onto a destination that
//     is not built from that directory. A rename cannot cross file
//     systems; /tmp is often a tmpfs, and the rename then fails with EXDEV.
//
// A suggested fix is offered for rename-without-sync when the code has the
// shape for it: before the Close that runs on every path to the rename
// (or before the rename, when only a defer closes the file) it inserts
//
//	if err := f.Sync(); err != nil {
//		f.Close()
//		return …, err
//	}
//
// with the zero values of the enclosing function's other results, when its
// last result is an error. Otherwise, and for the other categories, the
// message names the safe sequence.
//
// A read-modify-write under an exclusive file lock taken before the read
// on every path and dropped on no path to the write (syscall.Flock or
// unix.Flock with LOCK_EX, unix.FcntlFlock with F_WRLCK,
// github.com/gofrs/flock's Lock and TryLock, or a lock file created with
// O_EXCL that the function removes; released by a defer or after the
// write) loses no update: every instance that takes the lock waits for
// it. Its report names only the crash, which the lock does not prevent,
// and it is not made when the function drops the error of decoding what
// it read (_ = json.Unmarshal(data, &v)): it takes a file it cannot
// decode, a truncated one too, for an empty one (a shared lock, a sync.Mutex, which keeps out only the process's own
// goroutines, and a lock taken in a caller are not seen as one).
//
// Not reported: the safe sequence itself; a read-modify-write of a file
// of the kernel's pseudo file systems, /proc and /sys (sysctls, cgroup
// controls, device attributes: pathflow.Kernel), which hold no content a
// crash can truncate and cannot be renamed over; writes with O_APPEND (they add
// to a file without truncating it); files opened with O_SYNC or O_DSYNC;
// writes of a file the function created itself with O_CREATE|O_EXCL, or
// of a file in a directory the program made for itself (os.MkdirTemp,
// testing's TempDir), which no other process reads or updates; reads and
// writes of different paths; a write whose content does not come from the
// read (a file rewritten only when its content differs from what it
// holds, a length, a default written when the read failed, a fresh value
// that overwrote what a failed parse left); a write that runs only when
// the read failed; a rename onto a path in a directory the
// program made for itself (nothing there needs to survive a crash), or
// onto a tmpfs (/run, /var/run, /var/lock, /dev/shm, /run/user/UID,
// $XDG_RUNTIME_DIR: pathflow.Volatile), whose files the reboot after a
// crash removes, so none is found half written; a create that runs only after the rename; renames whose error is tested for EXDEV or a *os.LinkError, or
// that fall back to another use of the file when they fail; a temporary
// file that the function hands to code of the analyzed program (as a
// handle, or by name), reopens by name, stores in a variable or field the
// pass does not follow, asserts back from an interface, or syncs in a
// closure: the pass cannot tell whether it is synced; a rename of a
// temporary name that the function removed on every path since the create
// (the name reused for a socket); a read and a write of a path computed
// anew in each iteration of a loop, when only the loop brings the write
// after the read. Reads, writes and renames in different functions or
// goroutines are not followed.
//
// A rewrite in place made only on the way to returning an error that is
// never nil is recovery, not the function's effect: putting a backup
// back after the rename of the new content failed (if err :=
// os.Rename(tmp, path); err != nil { copyFile(backup, path); return
// fmt.Errorf(...) }). It is not reported, and a helper whose only
// in-place write is such a restore is no write wrapper: its callers'
// read-then-save is not a read-modify-write.
//
// A Sync on some paths only is still reported, without a fix: the
// function chose not to sync on the others, and the fix must not
// override that choice. The destination of a rename-across-dirs report is
// anything not built from the temporary directory; a destination passed
// in by the caller counts, because nothing in the function makes sure it
// is on the same file system.
//
// Content is followed within one function and without regard to order
// (memory once filled counts as filled), but the read must be able to run
// before the write, and a local variable holds what was put into it only
// until it is overwritten whole with a value that carries no content: the
// read-or-regenerate shape (unmarshal into cfg; when the file is missing
// or does not parse, cfg = defaults(), then write cfg) writes bytes that
// do not come from the read, and is not reported. A struct variable is
// overwritten whole also field by field: when every field is given a
// value that carries no content on every path from the fill to the
// write (key.secret = fresh(); key.serial = next()), nothing read
// survives; a field left as read, or overwritten on some paths only,
// keeps the content. Predicates and comparisons (bytes.Equal,
// reflect.DeepEqual, any call whose only result is a boolean or an
// integer) and the functions of packages that only read their arguments
// (bytes, strings, fmt's printers, reflect, strconv) do not fill their
// arguments with what they are given.
//
// Read-modify-write can be switched off with -partialwrite.rmw=false. It
// is on by default: each report needs the same path, a truncating write,
// and content flowing from the read into the write. Measured with Go 1.26:
// nothing in the standard library; in cmd, one finding (the script
// engine's replace command); in golang.org/x/tools v0.52.0, one (goyacc's
// gofmt step, which rewrites its output file in place); both are real
// in-place rewrites.
//
// Wrappers of the analyzed code are followed through analysis facts, in
// any package: a function that returns what it read from a path
// parameter, a function that truncates and rewrites a path parameter, a
// function that renames one path parameter onto another, when they do so
// unconditionally (no other parameter decides whether they do), and a
// function that returns an *os.File it created (a temporary-file helper).
// The standard library, cmd included, is known through tables, never
// through facts, so helpers inside cmd are followed only within their own
// package.
//
// Findings in generated files are never reported, and findings in _test.go
// files only with the flag -partialwrite.tests.
//
// Findings in examples and demos, benchmark programs, test utilities and
// developer tools are reported in the opt-in category developer-code, shown
// with -partialwrite.all, as internal/relevance decides the program's role
// from what the code says (docs/design.md): the words of its path elements
// (split at -, _ and .): example(s) in any package (pkg/foo_example),
// benchmark(s) under which it lies; in a main package also demo, sample,
// test(s), e2e, fake, mock, tool(s), dev, hack, script(s) or gen
// (cmd/proxy-test-server, tool/x, cmd/connector-gen) or a compound test
// word (unittest, tstest; not latest or speedtest), or doc(s)/ above it; a
// library with a test word (or endtoend) as a whole element or in a
// directory above it (pkg/test, integration-tests/x, vttablet/endtoend/x;
// not pkg/ab-test); a package under
// t/ (the Git project's test directory; a library under tools/ or
// internal/tools/ is ordinary); a main package that imports testing,
// a package of its module that is a test utility by a test word of its
// path (tstest/natlab/vnet; not fake or mock), or starts an httptest server, whose files are all named example*.go, that
// lies in or under a directory named release, that names a Go source file
// in a call and starts no network server (not "_test.go" or "*.go", nor
// an argument of strings or filepath.Match: a test of a name) or whose
// func main calls cobra/doc's documentation generators (cmd/gendocs),
// or whose file starts with the line that runs it as a script with go
// run (// /bin/true; exec /usr/bin/env go run "$0" "$@");
// a test
// utility (a testing type named, xtest, testutil; in one file of a
// production package, that file); a file built only with the ignore,
// tools, integration or e2e tag (that file alone, unless all are). Whoever runs such code races
// only with themself. -partialwrite.tools reports them under their own
// categories instead.
package partialwrite

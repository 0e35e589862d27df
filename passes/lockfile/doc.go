// Package lockfile defines an Analyzer that reports lock files that
// outlive their holder, and held locks that reach the user as an error
// naming no file.
//
// # Analyzer lockfile
//
// lockfile: report lock files left behind on some paths, and held locks reported without their path
//
// A lock file is a file created exclusively (os.OpenFile with
// O_CREATE|O_EXCL, syscall.Open or unix.Open with O_EXCL, os.Link,
// syscall.Link or unix.Link to a fresh name), or by a function of the analyzed code that
// does so on a path parameter and reports through its results whether it
// did (func TryLock(path string) (bool, error), found in any package
// through analysis facts), that the same function also removes on some
// path: by os.Remove of the same path, in a defer, through a function
// that removes its parameter (func Unlock(path string) error, also found
// through facts), or in a release function it returns. A file created
// exclusively and kept, never removed by the function, is a new file, not
// a lock, and is not examined.
//
// Once one run holds the lock, every later run depends on its removal.
// A path out of the function that skips the removal wedges all of them:
//
//	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
//	if err != nil {
//		return err
//	}
//	f.Close()
//	if err := sync(); err != nil {
//		return err // the lock stays: every later sync fails
//	}
//	return os.Remove(lockPath)
//
// The removal must run on every path, most simply in a defer placed right
// after the acquisition:
//
//	f.Close()
//	defer os.Remove(lockPath)
//
// released-on-some-paths reports, with a related location at the
// acquisition, every exit reached after the acquisition succeeded on
// which the lock file is neither removed nor handed to someone else: a
// return, a panic when no deferred call removes it, and os.Exit or
// log.Fatal, which skip deferred calls, as does a helper of the analyzed
// code whose every path ends in one (a util.Fatal that logs and exits,
// in this package or, through effects' facts, in another). The lock is handed over when the
// function returns or stores its handle, its path or a function that
// removes it, passes such a function to a call (a cleanup registry), or
// sends it. In a function that releases the lock in its normal flow,
// every exit counts; in a function that acquires the lock for its caller
// (it removes the file only on error paths, as cleanup, or returns a
// release function), returns that report success hand the lock to the
// caller, and only exits that report failure (a non-nil error, a false
// result, a panic) leave it behind. The suggested fix, offered when the
// acquisition is followed by ifs that return on failure and every
// release is an os.Remove right before a return, defers os.Remove right
// after those ifs and deletes the explicit removals, so that the file is
// never removed twice (the second removal could delete the next
// holder's lock).
//
// A lock held by another run, or left by a crashed one, is a normal
// outcome that the user must be able to act on. An error that names no
// file gives them nothing to act on:
//
//	acquired, err := iox.SafeTryLock(lockPath, 0o600)
//	if err != nil {
//		return err
//	}
//	if !acquired {
//		return os.ErrExist // the user sees "file already exists"
//	}
//
// opaque-held-error reports a return reached when the acquisition failed
// that gives the bare os.ErrExist or fs.ErrExist, the EEXIST errno, or
// the unwrapped error of syscall.Open, unix.Open or syscall.Link (a bare
// errno), or of an acquiring function that returns one of these. The fix
// wraps the error, keeping it for errors.Is:
//
//	return fmt.Errorf("%s is held by another process, or is stale from a crash: remove it if no other process runs: %w", lockPath, os.ErrExist)
//
// The unwrapped error of os.OpenFile and os.Link is not reported: it is
// an *fs.PathError or *os.LinkError, whose message names the file.
//
// stale-lock-no-recovery, off unless -lockfile.stale is set, reports an
// exclusive create of a lock file whose handle is only closed (nothing,
// such as a pid, is written into it) and whose failure paths never look
// at or remove the existing file. Such a lock cannot tell a holder that
// crashed from a live one, so a crash wedges every later run until
// someone removes the file by hand. The remedies are an advisory lock
// (flock or fcntl, through golang.org/x/sys/unix or a library), which the
// kernel releases when the holder dies, or a pid written into the lock
// file and checked when the lock is found held. The category is off by
// default because a short-lived tool may prefer a manual removal to any
// recovery scheme, and because the recovery may live in a caller this
// pass does not see.
//
// One acquisition leaks once: the exits that leave its lock file behind
// (seven early returns, say) are one report, at the first exit in source
// order, with the others as related locations.
//
// Not reported: locks removed by a defer registered right after the
// acquisition (os.Remove of the path or of f.Name(), a function literal,
// a function that removes its parameter or the package's lock path),
// locks handed to the caller or to someone else (a returned release
// function, handle or path, a stored handle, a goroutine or cleanup
// registry that removes it), exclusive creates of files that are kept,
// paths on which the acquisition did not succeed (its error was non-nil,
// or the acquiring function said false), errors wrapped with context
// (fmt.Errorf, a custom error type or sentinel of the program), and
// acquisitions whose outcome the code never tests. A removal followed by
// a new create of the same path replaces the file, or breaks a stale
// lock: it is no release. A file removed on every path before its
// exclusive create (os.Remove(tmp), then os.OpenFile(tmp, O_EXCL)) is a
// staging file made fresh for an update, not a lock: no acquirer removes
// a lock before acquiring it. Nor is a file created exclusively and then
// renamed onto another name where the create succeeded (os.Rename of the
// path, or of f.Name()): an atomic write's staging file, made, written
// and renamed into place. A lock is never renamed away, since its name is
// what the other runs test; a staging file left behind on an error path
// is the atomic write's concern, not a held lock. Nor is a file that a
// function creates exclusively for its caller (removing it only on its
// error paths) when the caller gets neither its handle, its path nor a
// release, the name is computed (not a parameter or a field of one),
// another function of the package removes files it finds by listing a
// directory (a filepath.Walk or WalkDir callback's path, a name joined
// from os.ReadDir's entries, an element of what filepath.Glob or
// Readdirnames returns), and no function of the package removes
// otherwise a file that may be named the same (or the directory it is
// joined under): a record kept on success, such as one reservation file
// per leased address that a release and a garbage collection find by
// listing the directory. "May be named the same" leans towards yes: two
// names differ only when both end in constant text and neither ending
// is a suffix of the other, so a release that recomputes the name in
// any spelling (a name helper, fmt.Sprintf for filepath.Join, the field
// the directory was stored in, a captured variable, a generic
// receiver) keeps the file a lock. So does a release the tables cannot
// read: a call with no static callee (an interface's Remove, a function
// value or field, a hook such as var removeFile = os.Remove) given a
// string that may be the name, os.Remove or another removal handed on
// as a value (atexit.Register(os.Remove, p)), an Unlink function of
// syscall or x/sys/unix that the tables leave out (Unlinkat), a release
// closure the function stores rather than calls in place (l.unlock =
// func() error { return os.Remove(p) }), and an exported function that
// returns a name ending as this one does (pidfile.Path(dir, name)),
// which lets another package remove it. The package's test files take
// part only for a create in one. A lock whose release lives only in
// another package that recomputes the name by itself, or that runs
// rm(1), beside a sweep by listing in this one, is taken for a record.
// A removal on only some
// paths (a --force that clears a stale lock), or a rename only where the
// create failed (a stale lock moved aside), leaves the file a lock. When
// a failed acquisition falls through into the code that runs holding the lock (link(2)'s lock protocol ignores
// the link's error and compares the files afterwards), the outcome of the
// create decides nothing and the acquisition is not examined. Symbolic
// links are not locks here: os.Symlink makes links far more often than
// locks.
//
// Findings in generated files are never reported, and findings in
// _test.go files only with the flag -lockfile.tests: tests usually make
// lock files in directories they own.
//
// Findings in examples and demos, benchmark programs, test utilities and
// developer tools are reported in the opt-in category developer-code, shown
// with -lockfile.all, as internal/relevance decides the program's role from
// what the code says (docs/design.md): the words of its path elements
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
// only with themself. -lockfile.tools reports them under their own
// categories instead.
package lockfile

// Package byname defines an Analyzer that reports operations by name on
// a file the function already holds open (time-of-check to time-of-use
// races, CWE-367).
//
// # Analyzer byname
//
// byname: report chmod, chown, chtimes, truncate and stat by name of a file that is open
//
// A program that opens a file and then changes or examines it by its name
// asks the file system to look the name up a second time. Between the two
// lookups another process can rename, remove or replace the name, often
// with a symbolic link to a file of its choosing, and the second call then
// acts on the replacement:
//
//	f, err := os.Create(p)
//	if err != nil {
//		return err
//	}
//	defer f.Close()
//	// another process can replace p here
//	if err := os.Chmod(p, 0o600); err != nil { // changes whatever p names now
//		return err
//	}
//
// The handle is right there, and it always refers to the file that was
// opened:
//
//	if err := f.Chmod(0o600); err != nil {
//		return err
//	}
//
// byname reports the call by name, with a related location at the open,
// when all of these hold:
//
//   - the call is os.Chmod, os.Chown, os.Lchown, os.Chtimes, os.Truncate,
//     os.Stat or os.Lstat, or the Chmod, Chown, Lchown, Truncate, Utimes,
//     UtimesNano, Stat and Lstat functions of syscall and
//     golang.org/x/sys/unix;
//   - an *os.File was opened earlier in the same function by os.Open,
//     os.Create, os.OpenFile or os.CreateTemp, or by a function of the
//     analyzed code that returns an *os.File it opened from one of its
//     path parameters (an opener, found in any package by
//     internal/effects, whose fact carries it across packages);
//   - both name the same path: the same value, or the same pure
//     computation of the same values (filepath.Join, Clean, string
//     concatenation, constants, the same field of the same variable), or
//     the call names the path as f.Name() of the handle itself (also
//     through a variable assigned once before the call);
//   - the call runs only where the open succeeded: on the branch where its
//     error was nil (or its file not nil), or after an early return on
//     error (a return, a panic, log.Fatal, os.Exit, t.Fatal, or a function
//     of the package that never returns);
//   - on some path from the open to the call, the file is not closed: an
//     explicit f.Close() on every path closes it, a deferred Close does
//     not (it runs when the function returns).
//
// os.Chmod and os.Chown (and their syscall and x/sys/unix forms) by
// f.Name() of the handle are also reported after f.Close() ran on every
// path: the code held the handle and gave it up before setting the mode
// or owner by name (set it with f.Chmod or f.Chown before closing f). No
// fix is offered for these: the call must move before the close.
//
// Each report carries a category naming the operation: chmod-by-name,
// chown-by-name, chtimes-by-name, truncate-by-name and stat-by-name.
// chtimes-by-name is off unless -byname.all: its race changes only the
// times of a file swapped in, no content, mode or owner (what the race
// breaks, docs/design.md's relevance model). So is stat-size-only: a
// stat by name whose FileInfo is used only for its Size (or compared with
// nil), when no such size bounds a read of the handle (the length of a
// make, an argument of a function of package io such as io.CopyN or
// io.LimitReader, or of any call that also receives the handle). Whoever
// can swap the name could have swapped the file before the open; the
// race gives a length that does not match the content read through the
// handle (a request whose Content-Length is wrong fails, a partial
// download compared by size is sent again), not another file's mode,
// owner or type. A size that does bound a read of the handle stays
// stat-by-name: a file replaced in between gives a torn read.
//
// A change of mode by name (os.Chmod, syscall's and x/sys/unix's Chmod)
// of a file that is not in a shared temporary directory (os.TempDir(),
// /tmp, /var/tmp, /dev/shm and the others pathrace names) is in the
// category chmod-unshared, off unless -byname.all: the change lands on a
// file swapped in only when someone else can replace entries of the
// directory, and the shared directories are the only ones the code
// shows others to write (a directory the caller or the configuration
// names is the user's choice). pathrace asks the same of a chmod after a
// presence check (mode-if-present). A chown, which a privileged process
// following a planted link uses to give a file away, and a truncate,
// which loses the data of the file swapped in, stay on wherever the file
// is, as does the stat by name.
//
// Suggested fixes use the handle: os.Chmod(p, m) becomes f.Chmod(m),
// os.Chown(p, uid, gid) becomes f.Chown(uid, gid), os.Truncate(p, n)
// becomes f.Truncate(n) and os.Stat(p) becomes f.Stat(). A fix is offered
// only when the handle is a plain variable of type *os.File that is
// assigned once, is in scope and not shadowed at the call, and the edit
// leaves no import or variable unused. os.Lstat gets no fix (on a symbolic
// link it describes the link, f.Stat the file), os.Lchown none either (it
// changes a link itself), and os.Chtimes has no handle form: the message
// names unix.Futimes on f.Fd(). os.Truncate is fixed only when the file
// was opened for writing, which f.Truncate needs. No fix is offered when
// some path closes the file before the call: the handle's method would fail
// there.
//
// Not reported: calls on a different path, or on the path value of
// another open; calls after the file was closed on every path, other than
// a chmod or chown by f.Name() (a path the caller chose names what the
// caller meant, handle or not); calls
// where no handle exists (its result was discarded) or before the open's
// error was checked; os.Truncate through a handle opened read-only (the
// handle cannot truncate); calls after the function removed, renamed or
// linked over the name (it moves the name on purpose); os.Stat and
// os.Lstat whose FileInfo is unused (they ask whether the name still
// exists, which the handle cannot answer); files opened with O_PATH or O_SYMLINK (or the
// bit 0x200000 they use on Linux and Darwin) in a constant flag argument,
// also through an opener's flags parameter (such a handle cannot change
// the file); os.Stat
// and os.Lstat whose result goes to os.SameFile, or in a function that
// also stats the handle (f.Stat(), Fstat): comparing the name with the
// handle is how a program detects that the name was replaced; calls
// deferred or started in a goroutine; and calls in a closure or a
// range-over-func body when the open is outside it.
//
// The analysis stays quiet where it cannot see whether the file is still
// open: when the handle is, on every path, passed to a function that may
// close it (functions of the analyzed package are looked into, those of
// other packages outside the standard library are assumed to close it),
// stored in a field or global and followed by such a call, or captured by
// a closure that is called or passed on (a deferred closure runs only
// when the function returns). Openers are recognised only when every return yields nil
// with an error, or the file of one open of the same path parameter that
// the function neither closes nor defers closing; the standard library is
// known through fsops's table (the opens that return a handle, and the
// operations by name with the attribute they change or read and the
// *os.File method that does the same), never through facts, so results are the same
// under every driver.
//
// Findings in generated files are never reported, and findings in _test.go
// files only with the flag -byname.tests.
//
// Who can race decides whether a report is shown by default: on a file
// in a directory that only the program's own user or root can write, or
// that the function made itself (os.MkdirTemp, an os.MkdirAll with a
// mode that gives group and others no write permission, os.UserConfigDir
// and the user's other directories, /etc, /var/lib, /run and root's
// others, the running program's own directory (os.Executable,
// filepath.Dir of it, a sibling, a file os.CreateTemp made there); see
// pathrace), a report goes to the category private-dir, off unless
// -byname.all: whoever can swap the name there can already change the
// file (or, beside the executable, replace the program itself: a
// program that updates itself writes its new binary to a temporary file
// there and sets its mode by name). The name of a file os.CreateTemp
// made (f.Name() itself, in any directory) is private-dir too: nobody
// could predict it, and only who can remove entries of its directory can
// replace the file (in a shared temporary directory, which is sticky,
// its owner and root); the common "CreateTemp, Close, Chmod by name,
// Rename" of an atomic write is no race a stranger can win. A path that
// goes on from that name (f.Name() + ".sig") lies in its directory. A
// parameter of an unexported function whose value does not escape has
// the directory all its calls in the package agree on, up through their
// own parameters (docs/design.md, "Who can race"); one caller that
// passes a shared path, or an exported function's parameter, keeps the
// report, as does any parameter of an exported function. A helper that
// makes a directory private before every return, or returns a path under
// a known directory, is read as what it wraps (pathrace's rule).
//
// Findings in examples and demos, benchmark programs, test utilities and
// developer tools are reported in the opt-in category developer-code, shown
// with -byname.all, as internal/relevance decides the program's role from
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
// only with themself. -byname.tools reports them under their own categories
// instead.
package byname

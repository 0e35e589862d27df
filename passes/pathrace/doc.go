// Package pathrace defines an Analyzer that reports file-system
// operations by name whose outcome was decided by an earlier check of the
// same path (time-of-check to time-of-use races, CWE-367).
//
// # Analyzer pathrace
//
// pathrace: report check-then-use races on one file-system path
//
// A program that checks a path and then acts on it by name leaves a gap in
// which another process can create, remove or replace the file, often
// with a symbolic link to a file of its choosing. The check's answer is
// stale by the time the use runs:
//
//	if _, err := os.Stat(lockPath); err == nil {
//		return os.ErrExist // someone holds the lock
//	}
//	// another process can create lockPath here; both then "hold" it
//	return os.WriteFile(lockPath, nil, 0o600)
//
// The use must decide by itself, in one system call:
//
//	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
//	if errors.Is(err, fs.ErrExist) {
//		return err // someone holds the lock
//	}
//
// pathrace reports the use, with a related location at the check, when
// all of these hold:
//
//   - the check is os.Stat, os.Lstat, syscall.Access, the
//     golang.org/x/sys/unix Stat, Lstat, Access and Faccessat functions,
//     os.ReadDir or filepath.Glob used as an existence test, a function
//     of the analyzed code whose result reports on a path parameter (an
//     "exists" helper, found in any package through the effects summary,
//     internal/effects' one fact), or
//     one that refuses symbolic links in a path parameter or in each of
//     its components (it Lstats them and returns an error on a link);
//   - the use is an os, io/ioutil, syscall or x/sys/unix operation by name
//     (open, create, read, write, remove, rename, mkdir, link, chmod,
//     chown, chtimes, truncate), a library function that reads a path
//     argument by name (net/http.ServeFile, text/template and
//     html/template ParseFiles, crypto/tls.LoadX509KeyPair,
//     archive/zip.OpenReader, and github.com/joho/godotenv's Load,
//     Overload and Read), or a function of the analyzed code that passes
//     a path parameter to one (a wrapper, found through the effects
//     summary);
//   - both name the same path: the same value, or the same pure
//     computation (filepath.Join, path.Join, Clean, string concatenation,
//     constants, the same field of the same variable) of the same values;
//   - the check's result (its error, FileInfo or boolean) decides a branch
//     on the way to the use: on the other branch, the use does not run.
//
// A create is also reported when an existence test combined with a test
// of the file's kind decides it, as in
//
//	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
//		return nil
//	}
//	return os.WriteFile(p, data, 0o644)
//
// where the create runs when the path was absent, and when it was present
// only for the kind that makes the create fail (a directory): in effect a
// create-if-absent. A write that runs whatever the kind test says (it only
// logs) is not.
//
// So is the takeover of a stale lock, where the create runs when the lock
// was absent, and when it was present only after a test of the file (its
// age, its pid, a stale(lock) helper) whose other branch returns an
// error:
//
//	if exists(lock) {
//		if !stale(lock) {
//			return errBusy
//		}
//	}
//	return os.WriteFile(lock, pid, 0o600)
//
// Two processes that both find the lock absent, or both find it stale,
// both take it. The remedy is to remove a stale lock, then create it with
// O_CREATE|O_EXCL; the fix is offered where the code already removes it.
// An output file regenerated when out of date (the fresh branch returns
// nil) and an overwrite steered by an option (if !force) are not
// reported.
//
// After a helper that refuses symbolic links in the path's components
// (an Lstat of each element, in a loop over strings.Split or up
// filepath.Dir), an open by name is symlink-check-then-open: any element
// can become a link in between. Opening through os.Root, or component by
// component with O_NOFOLLOW, closes the gap.
//
// Each report carries a category naming its shape: create-if-absent,
// read-if-present, remove-if-present, mkdir-if-absent, link-if-absent,
// rename-over-checked, rename-if-present, modify-if-present,
// times-if-present, mode-if-present, symlink-check-then-open,
// symlink-check-then-read,
// empty-marker-if-absent, fixed-content-if-absent, write-if-absent and
// access-then-open. The remedy in a
// read-if-present message depends on what the check examined: for its
// presence alone, open the file directly and handle fs.ErrNotExist; for
// its kind, size or times, open it once and call Stat on the handle.
//
// What the race breaks decides whether a shape is reported by default.
// On by default are the shapes whose race breaks something: a
// create-if-absent breaks "only once" (two processes both create, one
// overwrites the other, or writes through a planted symbolic link), a
// rename-over-checked silently replaces a file someone else put there, a
// modify-if-present changes the mode, owner or size of whatever file was
// swapped in, and symlink-check-then-open (a write, create or change
// through a planted link) and access-then-open are security checks the
// race defeats. Three shapes break less than the rest of their kind and
// are off unless -pathrace.all: times-if-present, a presence check before
// os.Chtimes or syscall.Utimes, whose race only moves the times of the
// file swapped in; mode-if-present, a presence check before os.Chmod
// (syscall.Chmod, a file system's Chmod) outside a shared directory,
// whose change lands on a file swapped in only when someone else can
// replace entries of the directory, which the code does not show (in a
// shared directory it stays modify-if-present; a chown, a privileged
// process's act, and a truncate, which loses data, stay on anywhere); and
// symlink-check-then-read, a symbolic-link check
// before an open that only reads, whose race makes the program read the
// target of a planted link with its own rights. That crosses a boundary
// only when the program may read what the planter may not and shows it
// to them (a root archiver of another user's tree, a server of an upload
// directory), which the code rarely states: turn it on for such
// programs. Likewise empty-marker-if-absent, a create-if-absent of an
// empty marker (os.WriteFile of no data, a create whose file is only
// closed) outside a shared directory: two processes that both make it
// make the same empty file, and a planted link, whose target the create
// would truncate, needs a directory a stranger can write (a marker whose
// presence the check treats as a failure is a lock, and stays). So is
// fixed-content-if-absent, a create-if-absent that writes the same
// content in every run (a constant, or a file embedded in the program,
// as a default configuration or a template is written when absent): a
// second writer writes the same bytes. And so is write-if-absent, any
// other create-if-absent outside a shared directory that is no lock: a
// lock's check refuses when the file is present (returns an error it
// makes: errors.New, fmt.Errorf, a sentinel, a value of a concrete error
// type, or the result of a function of the package that only makes such
// errors; or ends the program; a nil, also through the result local of a
// function with defers, and the error of an operation the present branch
// runs, such as return os.Remove(tmp), are no refusal) and the program
// removes the file again (after the
// create, in a release function, or through the field or variable that
// holds its name); a create whose present branch goes on, or whose file
// the program keeps (a key, a certificate, a default configuration, a
// dump), has two writers when two instances run at once on one path, and
// the last one wins. The planted link is the shared directory's risk, as
// for markers. Off
// unless -pathrace.all, because
// their race only turns the check's skip into an error message, are
// read-if-present (the file vanished: the read fails), mkdir-if-absent and
// link-if-absent (a concurrent creator makes the call fail with
// fs.ErrExist), remove-if-present and rename-if-present (the file
// vanished: the call fails; a replacement is what the call would have
// removed or moved without the check).
//
// Who can race decides the rest. A race in a directory that only the
// program's own user or root can write is reported in the category
// private-dir, also off unless -pathrace.all: a directory the function
// made itself (os.MkdirTemp, or an os.Mkdir whose mode gives group and
// others no write permission and whose error is tested), a directory it
// makes sure of before the race with os.MkdirAll and such a mode (it may
// have existed, but the program keeps it as its own; not under a shared
// directory, where another user may have made it first), or changes to
// such a mode with an os.Chmod whose error is tested (only its owner or
// root could), the user's own
// directories (os.UserConfigDir, os.UserCacheDir, os.UserHomeDir, $HOME,
// $XDG_*_HOME and $XDG_RUNTIME_DIR, /run/user/UID,
// user.Current().HomeDir) and root's (/etc, /var/lib, /var/cache,
// /var/log, /run, /var/run, /proc, /sys, /usr; not the world-writable
// /run/lock and /var/lock), and the running program's own directory
// (os.Executable through filepath.EvalSymlinks, filepath.Dir of it, a
// sibling such as exe + ".old", a file os.CreateTemp made there), where
// whoever can race can replace the program itself. Whoever can race there
// can already write the file, so no boundary is crossed. Two shapes stay
// in their own category even there: a lock (as write-if-absent says),
// whose racer is a second
// instance of the same program, and an access-then-open under the user's
// directories or the program's own, the check of a set-user-ID program,
// which reads $HOME from the very user it guards against (and, started
// through a hard link its invoker made, finds its executable in the
// invoker's directory). A parameter of an unexported function whose
// value does not escape has the directory all its calls in the package
// agree on (docs/design.md, "Who can race"). A helper, of this package
// or another, is read as what it wraps: one that makes its parameter's
// directory with such a mode before every return counts as the
// os.MkdirAll, and one whose every successful return is a path under a
// known directory (a state directory under os.UserConfigDir, a path in
// /run) gives its result that directory. A path whose directory the
// code does not say (a parameter of an exported function, or one whose
// callers disagree, a configured or relative path) or a shared one
// (/tmp, os.TempDir(), the name of a file os.CreateTemp("", ...) made)
// keeps its category.
//
// Findings in examples and demos, benchmark programs, test utilities and
// developer tools are reported in the opt-in category developer-code, shown
// with -pathrace.all, as internal/relevance decides the program's role from
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
// only with themself. -pathrace.tools reports them under their own
// categories instead.
//
// Suggested fixes are offered where the shape is clear: os.Create and
// os.OpenFile after an absence check gain O_EXCL; os.WriteFile after an
// absence check becomes an exclusive create and write; os.Mkdir becomes
// os.MkdirAll; an "if present { remove }" becomes a remove that ignores
// fs.ErrNotExist; and an early return on absence before a read moves
// under the read's own fs.ErrNotExist test.
//
// One check decides one race: when it decides several uses of the path
// of one category (one Lstat, then three reads in a switch), they are one
// report, at the first use in source order, with the other uses as
// related locations. Such a report carries no fix, since no single
// rewrite covers every use. Uses of different categories are different
// races and different reports (a Mkdir where one Stat found the path
// absent, a Chmod where it found it present), so that an opt-in category
// never hides a default one.
//
// A fix is offered only where it is right in every context the pass can
// see. No O_EXCL fix is offered (the race is still reported) when the
// code removes the file after the create, on its error path or later:
// with O_EXCL, a create that fails because another process made the file
// first would go on to delete that process's file. Nor when the file is
// an empty marker (os.WriteFile with nil or empty data, or a create whose
// file is only closed): two runs that both make it race harmlessly, and
// O_EXCL would turn the second run into a failure. An empty file whose
// presence the code treats as a failure (the check returns an error such
// as "held") is a lock, and the fix is offered.
//
// Not reported, because the use decides atomically or the check does not
// decide: an os.OpenFile with O_CREATE|O_EXCL after a check (the check is
// a fast path), os.MkdirAll and os.RemoveAll (both tolerate the race), the
// Lstat, open, f.Stat, os.SameFile idiom, an open with O_NOFOLLOW after a
// symbolic-link check, os.Readlink (it follows no link, and fails
// harmlessly), uses of a different path or of another file system, checks whose
// result only feeds a log line or a value, checks after the use (in its
// error path), and checks and uses in different functions or goroutines.
//
// Not reported either, because the code already copes with the race: a
// use whose error is tested for the outcome the race produces
// (fs.ErrExist from an os.Mkdir or os.Symlink after an absence check,
// fs.ErrNotExist from a read, remove, rename or chmod after a presence
// check), a remove or rename after a presence check whose error is thrown
// away (the file gone in between is then the skip's outcome, and a
// replacement is what the call would have acted on without the check;
// after a check of the file's kind it is still reported), and an os.Mkdir
// whose failure is followed by a second check of the path, as os.MkdirAll
// itself does. A read through a helper that returns only zero values (or
// nothing) on any error of its open is not reported after a presence
// check: the helper maps a missing file to its "nothing", which is what
// the check would have chosen, so there is nothing to fix at the call.
//
// A rename onto a name that is a digest of the bytes the function writes
// (a content-addressed store: sha256 or another crypto hash of the data,
// or a hash.Hash fed through io.MultiWriter, encoded into the name) is not
// reported after an absence check: a file another process renames there
// in between holds the same bytes, so replacing it breaks nothing. A
// digest of something else (a key, a URL) does not count. The name may be
// made by a helper of the same package (blobPath(digest), which
// validates the digest and joins it to the store's directory): the
// helper is looked through when every return gives such a name or a
// constant (the empty name of a failure). Nor is a rename whose absence
// check's present side takes the file already there for the result,
// without opening it: it returns success (perhaps after comparing the
// size, or with the error of removing its own temporary file), or goes
// on after the if or with the next turn of a loop. The program keeps
// whatever file holds the name (a store whose names are digests made
// elsewhere, a migration that skips what an earlier run moved), so a
// file renamed there in between is one it would have kept had it come
// first. A present side that refuses (an error it makes, as a lock's
// check does) or that reads the existing file to compare
// contents is still reported.
//
// A use of a path that the function makes anew after the check, on every
// path from the check to the use, is not reported: a create of the same
// path (os.WriteFile, an O_CREATE open) or the bind of a Unix socket
// there (net.Listen("unix", p), net.ListenUnix with &net.UnixAddr{Name:
// p}). The use then acts on the file the function itself just made, and
// the check, which examined the file that was there before (an Lstat that
// refuses anything but a stale socket, before the bind and a chmod of the
// new socket), decides nothing about it. Whether the new file can be
// swapped before the use is byname's question. A bind on one branch only,
// of another path, or of a TCP address does not count.
//
// Wrappers are recognised only when they act on the path unconditionally:
// a function that reads its name argument only when another argument is
// nil, or only when an in-memory overlay lacks the name, is not a wrapper
// of a read. A wrapper may first pass its path through a validating
// helper of the analyzed code that returns the path cleaned
// (clean, err := cleanAndValidate(path); if err != nil { return err };
// os.WriteFile(clean, ...)): the use is still of the parameter, and a
// check of p followed by a use of such a helper's result for p pairs up.
// A helper that returns another path (filepath.Join(filepath.Dir(p),
// "other")) is no such helper. Exists helpers must report on the
// parameter itself (or a cleaned form of it): a helper that checks a path
// derived from its parameter is not followed. The standard library is known through a
// table of its functions, never through facts, so results are the same
// under every driver.
//
// Checks and uses through a file-system value count as well: io/fs
// (fs.Stat(fsys, p) then fsys.Open(p) or fs.ReadFile(fsys, p)), os.Root
// (root.Stat(p) then root.Create(p)), and any type whose methods have the
// os shapes (Stat or Lstat(string) (fs.FileInfo, error), Create, OpenFile,
// Mkdir, Remove, Rename, Chmod, WriteFile...), such as afero.Fs, go-billy's
// billy.Filesystem or a project's own Filesystem interface, with afero's
// Exists, ReadFile and WriteFile. Check and use must go through the same
// value (or the same field loaded twice) and name the same path; a helper
// like exists(fsys fs.FS, p string) bool, or one that opens through fsys
// and calls Stat on the handle, is a check of the file system its caller
// passes, and a wrapper that writes through fsys is a use of it. File systems that never change (embed.FS, a zip archive,
// fstest.MapFS) are not reported. The fix is offered for os.Root's Create
// and OpenFile only: other abstractions take os.O_EXCL in their OpenFile,
// but whether a backend honours it atomically is not in the interface.
//
// Findings in generated files are never reported, and findings in _test.go
// files only with the flag -pathrace.tests: tests usually race only with
// themselves, in directories they own.
package pathrace

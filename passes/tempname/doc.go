// Package tempname defines an Analyzer that reports files, directories
// and links created at predictable names in shared temporary directories
// (insecure temporary files, CWE-377).
//
// # Analyzer tempname
//
// tempname: report predictable names created in shared temporary directories
//
// /tmp, /var/tmp and /dev/shm are writable by every local user. A program
// that creates a file there under a name another user can guess lets that
// user create the name first: as a symbolic link to one of the victim's
// files (which the program then truncates and writes), or as a file or
// directory of their own (which the program then fills with data they can
// read, or trusts as its own):
//
//	f, err := os.Create(filepath.Join(os.TempDir(), "app.log"))
//	pidFile := fmt.Sprintf("/tmp/app-%d.pid", os.Getpid())
//	err = os.WriteFile(pidFile, pid, 0o644)
//
// Let the operating system pick a name nobody can predict, and create it
// exclusively:
//
//	f, err := os.CreateTemp("", "app-*.log")
//	dir, err := os.MkdirTemp("", "app-") // then create fixed names inside dir
//
// tempname reports a creation when all of these hold:
//
//   - it creates a file without O_EXCL (os.Create, os.WriteFile,
//     ioutil.WriteFile, os.OpenFile and syscall.Open with O_CREATE and
//     without O_EXCL, syscall.Creat); or makes a directory that may
//     already exist (os.MkdirAll, or os.Mkdir whose error is dropped or
//     tested for fs.ErrExist to carry on); or makes a link whose error is
//     dropped or tested for fs.ErrExist (os.Symlink, os.Link); or calls a
//     function of the analyzed code that does one of these with a
//     parameter (a wrapper, found in any package through the effects
//     summary, internal/effects), where the parameter is the whole path,
//     the directory of a fixed name, or the name inside os.TempDir();
//   - the path starts with a shared directory: a constant under /tmp,
//     /var/tmp, /usr/tmp or /dev/shm, or under Linux's world-writable lock
//     directories /run/lock, /var/lock and /run/shm (pathflow.SharedDirs),
//     or os.TempDir(), or $TMPDIR with a fallback to one of those;
//   - every other part of the path is predictable: constants (named or
//     not, and package variables set only by their initializer), the
//     process id (os.Getpid), the user's id or name (os.Getuid,
//     user.Current().Username, $USER), the current time to the second or
//     millisecond (time.Now().Unix(), Format without finer digits), or a
//     counter (a loop index, an incremented package variable,
//     atomic.AddInt64), put together with filepath.Join, path.Join, +,
//     fmt.Sprintf, fmt.Sprint or strconv.Itoa.
//
// Each report carries a category: constant-temp-path for a fixed name;
// pid-temp-name, time-temp-name, counter-temp-name and user-temp-name for
// a name made from the process id, the time, a counter or the user's id
// or name; and predictable-temp-dir for a directory made at any
// predictable name, since whoever makes it first controls everything the
// program then creates inside it (files created inside a reported
// directory are not reported again). A related location points at where
// the process id, the time, the counter or the user's id comes from.
//
// For os.Create of a name directly in the shared directory that the
// function does not use again, the suggested fix switches to
// os.CreateTemp, which returns the same (*os.File, error):
// os.Create(filepath.Join(os.TempDir(), "app.log")) becomes
// os.CreateTemp("", "app-*.log"), and
// os.Create(fmt.Sprintf("/tmp/app-%d.log", os.Getpid())) becomes
// os.CreateTemp("/tmp", "app-*.log"). When the name is used again (another
// process must find the file, or the function removes it later), when the
// file is in a subdirectory, or when the fix would leave an import or a
// variable unused, the message names os.CreateTemp and os.MkdirTemp
// instead.
//
// Not reported, because nobody can claim the name first: os.CreateTemp,
// os.MkdirTemp, ioutil.TempFile, t.TempDir(); os.OpenFile with
// O_CREATE|O_EXCL, and later creations of the same name that run only if
// it succeeded; names under a directory the program made privately: the
// result of os.MkdirTemp, os.UserCacheDir or os.UserConfigDir, or an
// os.Mkdir whose success the creation depends on (in the same function,
// or, for constant paths, an os.Mkdir anywhere in the package whose
// failure is returned or ends its function); names with a part the
// analysis cannot predict: a parameter (reported at the callers instead),
// a struct field, a value from crypto/rand or math/rand, the name of a
// file os.CreateTemp made, time.Now().UnixNano(); and creations followed
// by a check of the owner: an os.Stat or os.Lstat of the same path whose
// FileInfo's Sys() is examined, or syscall.Stat or Lstat of it.
//
// Not reported either: opening or reading a file is not creating it (a
// well-known system file, or one another program made); an os.Mkdir or
// os.Symlink whose error is examined otherwise fails when the name is
// taken, it never uses someone else's (a denial of service at worst);
// code that a constant condition never runs (if debug { ... } with debug
// false); and os.TempDir() in files built only for Windows, macOS, iOS or
// Android, where it is private to the user or the app (and /tmp in files
// built only for systems without a shared /tmp: Windows, iOS, Android,
// Plan 9, js and wasip1; /run/lock and /var/lock in files not built for
// Linux). Names under the rest of /run, /var/run, /var/lib or /etc are
// not in a shared directory: only root writes there.
//
// Compared with gosec's G303 ("File creation in shared tmp directory
// without using ioutil.Tempfile"): G303 looks at the syntax of the first
// argument of os.Create, os.WriteFile and ioutil.WriteFile only, and
// reports a string literal matching ^(/(usr|var))?/tmp(/.*)?$, or a call
// of os.TempDir(), directly or as the first operand of + or the first
// argument of filepath.Join or path.Join. tempname follows values
// instead, and so also finds
//
//	os.OpenFile("/tmp/app.lock", os.O_RDWR|os.O_CREATE, 0o600)     // OpenFile without O_EXCL
//	os.WriteFile(fmt.Sprintf("/tmp/app-%d.pid", os.Getpid()), b, 0o644) // a name from fmt.Sprintf
//	const sock = "/tmp/app.sock"; os.Create(sock)                    // a named constant
//	dir := os.TempDir(); os.Create(dir + "/app.state")               // a variable
//	os.MkdirAll(filepath.Join(os.TempDir(), "app-cache"), 0o700)     // a directory
//	os.Symlink(target, "/tmp/app.current")                           // a link whose error is dropped
//	os.WriteFile("/dev/shm/app.state", b, 0o600)                     // /dev/shm
//	tmputil.WriteTemp("app.state", b)                                // a wrapper in another package
//
// and stays quiet where G303 reports a name nobody can predict or a file
// that cannot be taken over:
//
//	os.Create(filepath.Join(os.TempDir(), hex.EncodeToString(random))) // a random name
//	if err := os.Mkdir("/tmp/app", 0o700); err != nil { return err }
//	os.Create("/tmp/app/state")                                        // inside a directory made privately
//	os.Create(filepath.Join(os.TempDir(), "app.log"))                  // in a file built only for Windows
//
// Findings in generated files are never reported, and findings in _test.go
// files only with the flag -tempname.tests: tests often use fixed names
// under /tmp on machines they own. The standard library is known through
// a table of its functions, never through facts, so results are the same
// under every driver.
//
// Findings in examples and demos, benchmark programs, test utilities and
// developer tools are reported in the opt-in category developer-code, shown
// with -tempname.all, as internal/relevance decides the program's role from
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
// only with themself. -tempname.tools reports them under their own
// categories instead.
package tempname

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Measure is what one run of a command cost, as the kernel accounts it for
// the child process and the descendants it waited for.
type Measure struct {
	Wall   time.Duration // elapsed time
	CPU    time.Duration // user + system time of the child and its reaped descendants
	MaxRSS int64         // peak resident set, bytes: the largest single process of the tree (Linux ru_maxrss)
	Exit   int           // exit status; -1 when killed by a signal
}

// command is one process to run.
type command struct {
	dir    string
	env    []string // the whole environment
	args   []string // args[0] is the program
	stdout io.Writer
	stderr io.Writer
}

// measure runs c to completion and returns its cost. The error is non-nil
// only when the command could not be started or waited for; a non-zero
// exit status is reported in Measure.Exit.
func measure(ctx context.Context, c command) (Measure, error) {
	cmd := exec.CommandContext(ctx, c.args[0], c.args[1:]...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	cmd.Stdout = c.stdout
	cmd.Stderr = c.stderr
	start := time.Now()
	err := cmd.Run()
	m := Measure{Wall: time.Since(start), Exit: -1}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return m, fmt.Errorf("%s: %v", strings.Join(c.args, " "), err)
	}
	st := cmd.ProcessState
	m.Exit = st.ExitCode()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.MaxRSS = ru.Maxrss * 1024 // KiB on Linux
	}
	return m, nil
}

// setEnv returns env with each "KEY=value" of kv set, replacing any earlier
// value of KEY.
func setEnv(env []string, kv ...string) []string {
	out := make([]string, 0, len(env)+len(kv))
	keys := make(map[string]bool)
	for _, s := range kv {
		k, _, _ := strings.Cut(s, "=")
		keys[k] = true
	}
	for _, s := range env {
		k, _, _ := strings.Cut(s, "=")
		if !keys[k] {
			out = append(out, s)
		}
	}
	return append(out, kv...)
}

// toolEnv holds the directories of a harness run and runs the go command
// in them.
type toolEnv struct {
	benchDir    string // bench/
	rootDir     string // the toctou module (bench/..)
	binDir      string // binaries the harness built, removed at exit
	scratchDir  string // scratch copies of the corpus, kept between runs
	goroot      string
	goVersion   string
	verbose     bool
	toctou      string   // -toctou: a toctou binary to use instead of building one
	toctouFlags []string // -toctouflags: extra flags of every analysis run
}

// goEnv is the environment of the go command for the harness's own builds:
// the local toolchain, no workspace, none of the user's GOFLAGS.
func (t *toolEnv) goEnv() []string {
	return setEnv(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=")
}

// corpusEnv is the environment of every command run on a corpus module: as
// goEnv, with -mod=mod so that the go command may complete a go.sum, and
// kv on top.
func (t *toolEnv) corpusEnv(kv ...string) []string {
	env := setEnv(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod")
	return setEnv(env, kv...)
}

// moduleEnv is corpusEnv for commands run on ws: its entry's Env, then kv.
func (t *toolEnv) moduleEnv(ws *workspace, kv ...string) []string {
	return t.corpusEnv(append(append([]string(nil), ws.entry.Env...), kv...)...)
}

// goOutput runs the go command in dir with goEnv and returns its stdout.
func (t *toolEnv) goOutput(ctx context.Context, dir string, args ...string) (string, error) {
	return t.output(ctx, command{dir: dir, env: t.goEnv(), args: append([]string{"go"}, args...)})
}

// output runs c and returns its stdout; a failure's error carries stderr.
func (t *toolEnv) output(ctx context.Context, c command) (string, error) {
	var stdout, stderr bytes.Buffer
	c.stdout, c.stderr = &stdout, &stderr
	t.logf("%s$ %s", c.dir, strings.Join(c.args, " "))
	m, err := measure(ctx, c)
	if err != nil {
		return "", err
	}
	if m.Exit != 0 {
		return stdout.String(), fmt.Errorf("in %s: %s: exit status %d\n%s", c.dir, strings.Join(c.args, " "), m.Exit, tail(stderr.String(), 4000))
	}
	return stdout.String(), nil
}

// logf prints a progress line to stderr when -v is set.
func (t *toolEnv) logf(format string, args ...any) {
	if t.verbose {
		fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	}
}

// tail returns at most the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

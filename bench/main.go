// Command bench runs toctou over a corpus of large open-source Go modules
// and the standard library, and reports findings, errors, fixes that do
// not compile, determinism, and cost; in speed mode it times toctou
// against reference floors and other analyzers. See README.md.
//
// Usage, from bench/:
//
//	go run . [-corpus a,b] [-determinism] [-fixcheck] [-profile DIR] [-out DIR] [-json]
//	go run . -speed [-rounds 5] [-corpus prometheus] [-commands toctou,floor/buildssa032]
//	go run . -smoke
//	go run . -verdicts -out DIR
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

// config is the command line.
type config struct {
	corpus      string
	rounds      int
	fixcheck    bool
	determinism bool
	speed       bool
	smoke       bool
	jsonOut     bool
	out         string
	scratch     string
	profile     string
	commands    []string
	writePin    bool
	list        bool
	prepareOnly bool
	verbose     bool
	toctou      string   // a toctou binary to run instead of building the working tree's
	toctouFlags []string // extra flags of every analysis run
	generated   bool
	genSizes    string
	genShapes   string
	genTimeout  time.Duration
	verdicts    bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the harness; it returns the exit status: 0 when every check
// passed, 1 on analysis errors or panics, fixes that do not compile,
// differing runs or a harness failure, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if cfg.verdicts { // reads an earlier run's report: no toolchain, no corpus
		if err := verdictsMode(".", cfg.out, append(corpus(), heldCorpus()...), stdout); err != nil {
			fmt.Fprintln(stderr, "bench:", err)
			return 1
		}
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	env, err := newToolEnv(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	defer os.RemoveAll(env.binDir)
	if err := dispatch(ctx, env, cfg, stdout); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}

// errFailed is returned when a check failed; the report says which.
var errFailed = errors.New("failed: see the report")

// dispatch runs the mode cfg selects.
func dispatch(ctx context.Context, env *toolEnv, cfg *config, stdout io.Writer) error {
	switch {
	case cfg.writePin:
		return writePin(env.benchDir)
	case cfg.list:
		text := corpusTable(corpus())
		held := heldCorpus()
		for _, set := range setNames(held) {
			text += "\nThe " + set + " set (-corpus " + set + "):\n\n" + corpusTable(inSet(held, set))
		}
		_, err := io.WriteString(stdout, text)
		return err
	}
	if cfg.generated {
		return generatedMode(ctx, env, cfg, stdout)
	}
	if err := checkPins(ctx, env); err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	all := corpus()
	if cfg.smoke {
		all = smokeCorpus()
	}
	var held []Entry
	if !cfg.smoke {
		held = heldCorpus()
	}
	entries, err := selectEntries(all, held, cfg.corpus)
	if err != nil {
		return err
	}
	switch {
	case cfg.prepareOnly:
		return prepareMode(ctx, env, entries, stdout)
	case cfg.smoke:
		return smokeMode(ctx, env, cfg, entries, stdout)
	case cfg.speed:
		return speedMode(ctx, env, cfg, entries, stdout)
	}
	return analysisMode(ctx, env, cfg, entries, stdout)
}

// parseFlags parses the command line.
func parseFlags(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.corpus, "corpus", "", "comma-separated short names or module paths of corpus entries (default all; see -list)")
	fs.IntVar(&cfg.rounds, "rounds", 5, "speed mode: interleaved timing rounds")
	fs.BoolVar(&cfg.fixcheck, "fixcheck", false, "apply every suggested fix to a scratch copy and compile every package and test")
	fs.BoolVar(&cfg.determinism, "determinism", false, "analyze each entry twice and fail if the finding lists differ")
	fs.BoolVar(&cfg.speed, "speed", false, "time toctou against the reference floors, go vet, staticcheck, gosec and golangci-lint")
	fs.BoolVar(&cfg.smoke, "smoke", false, "small CI run: one small module and a few std packages, with -determinism, -fixcheck and one speed round")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print the report as JSON on stdout (also written to OUT/report.json)")
	fs.StringVar(&cfg.out, "out", "out", "report directory")
	fs.StringVar(&cfg.scratch, "scratch", "", "scratch directory for the corpus copies (default $XDG_CACHE_HOME/toctou-bench)")
	fs.StringVar(&cfg.profile, "profile", "", "write toctou's CPU and memory profiles to DIR/<name>.cpu and DIR/<name>.mem")
	commands := fs.String("commands", "", "speed mode: comma-separated commands to time (default all: toctou, toctou/fix, toctou/diff, floor/NAME, vet, vet/toctou, staticcheck, gosec, golangci, golangci/toctou)")
	fs.BoolVar(&cfg.writePin, "writepin", false, "rewrite corpus/pin.go from corpus.go and exit")
	fs.BoolVar(&cfg.list, "list", false, "print the corpus as a Markdown table and exit")
	fs.BoolVar(&cfg.prepareOnly, "prepare", false, "only download and copy the corpus modules into the scratch directory")
	fs.BoolVar(&cfg.verdicts, "verdicts", false, "match the findings of the run in -out with the verdicts of the ledgers (*.tsv) and print the tallies per check; run from bench/")
	fs.BoolVar(&cfg.verbose, "v", false, "print each command as it runs")
	fs.StringVar(&cfg.toctou, "toctou", "", "analyze (or, with -generated, time) this toctou binary instead of building the working tree's (e.g. one built from main)")
	toctouFlags := fs.String("toctouflags", "", "space-separated extra toctou flags for the analysis runs, e.g. -blindretry (which runs blindretry alone)")
	fs.BoolVar(&cfg.generated, "generated", false, "time toctou and go vet on generated inputs (one huge function, files of many findings) as they grow")
	fs.StringVar(&cfg.genSizes, "sizes", "1000,2000,5000,10000,20000,50000", "generated mode: comma-separated input sizes, in lines")
	fs.StringVar(&cfg.genShapes, "shapes", "", "generated mode: comma-separated shapes (default all: func, file, tempname, byname, partialwrite, lockfile, nodeadline, blindretry)")
	fs.DurationVar(&cfg.genTimeout, "timeout", 5*time.Minute, "generated mode: time limit of one command; a command that exceeds it is not run on larger sizes")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 || cfg.rounds < 1 {
		fmt.Fprintln(stderr, "usage: go run . [flags] (no arguments; -rounds at least 1)")
		fs.PrintDefaults()
		return nil, errors.New("usage")
	}
	if *commands != "" {
		cfg.commands = strings.Split(*commands, ",")
	}
	cfg.toctouFlags = strings.Fields(*toctouFlags)
	var err error
	if cfg.toctou != "" {
		if cfg.toctou, err = filepath.Abs(cfg.toctou); err != nil {
			return nil, err
		}
	}
	if cfg.out, err = filepath.Abs(cfg.out); err != nil {
		return nil, err
	}
	if cfg.profile != "" {
		if cfg.profile, err = filepath.Abs(cfg.profile); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(cfg.profile, 0o755); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// newToolEnv finds the bench and root modules, the scratch directory and
// the Go installation.
func newToolEnv(ctx context.Context, cfg *config) (*toolEnv, error) {
	env := &toolEnv{verbose: cfg.verbose, toctou: cfg.toctou, toctouFlags: cfg.toctouFlags}
	gomod, err := env.goOutput(ctx, ".", "env", "GOMOD", "GOROOT", "GOVERSION")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(gomod), "\n")
	if len(lines) != 3 || filepath.Base(filepath.Dir(lines[0])) != "bench" {
		return nil, fmt.Errorf("run the harness from the bench directory (cd bench && go run .); go env GOMOD says %q", lines[0])
	}
	env.benchDir = filepath.Dir(lines[0])
	env.rootDir = filepath.Dir(env.benchDir)
	env.goroot, env.goVersion = lines[1], lines[2]
	env.scratchDir = cfg.scratch
	if env.scratchDir == "" {
		cache, err := os.UserCacheDir() // $XDG_CACHE_HOME, else ~/.cache
		if err != nil {
			return nil, err
		}
		env.scratchDir = filepath.Join(cache, "toctou-bench")
	}
	if env.scratchDir, err = filepath.Abs(env.scratchDir); err != nil {
		return nil, err
	}
	env.binDir, err = os.MkdirTemp("", "toctou-bench-bin-")
	return env, err
}

// buildToctou builds cmd/toctou of the working tree, through bench/go.mod's
// replace of the toctou module, and returns the binary's path; with
// -toctou, it returns that binary instead.
func buildToctou(ctx context.Context, env *toolEnv) (string, error) {
	if env.toctou != "" {
		return env.toctou, nil
	}
	bin := filepath.Join(env.binDir, "toctou")
	_, err := env.goOutput(ctx, env.benchDir, "build", "-o", bin, "github.com/toctou/toctou/cmd/toctou")
	if err != nil {
		return "", fmt.Errorf("building toctou (if the root module's requirements changed, run go mod tidy in bench): %v", err)
	}
	return bin, nil
}

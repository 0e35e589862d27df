package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// speedCommand is one command that speed mode times.
type speedCommand struct {
	name     string
	args     []string // args[0] is the program
	vetCache bool     // runs with a fresh copy of the primed GOCACHE (go vet caches its results there)
	freshDir string   // an environment variable that gets a new empty directory each round (a tool's own cache)
	okExit   []int    // exit statuses of a normal run
	writes   bool     // writes the module's .go files (toctou -fix): they are put back after each round
}

// SpeedRow is the medians of one command over the rounds.
type SpeedRow struct {
	Name          string
	Command       string
	Wall, CPU     time.Duration
	MaxRSS        int64
	Rounds        []Measure
	BadExit       bool   // some round exited with an unexpected status
	LastBadStderr string // the stderr of the last such round
	NotApplicable string // why it did not run (tool not installed, not for std)
}

// SpeedResult is speed mode's outcome on one corpus entry.
type SpeedResult struct {
	Entry Entry
	Rows  []*SpeedRow
	Err   error
}

// row returns the row named name, or nil.
func (r *SpeedResult) row(name string) *SpeedRow {
	for _, row := range r.Rows {
		if row.Name == name && row.NotApplicable == "" && len(row.Rounds) > 0 {
			return row
		}
	}
	return nil
}

// speedTools are the binaries speed mode runs besides go.
type speedTools struct {
	toctou string
	floors map[string]string // floor name -> binary
	gcl    string            // golangci-lint with toctou, or empty
}

// floorNames are the reference floors, bench/floors/<name>.
var floorNames = []string{"inspectonly", "buildssa", "buildssa032", "buildssafact"}

// speedCommands returns the commands of speed mode on ws, those named by
// the filter (empty: all), and a row for each that cannot run here.
func speedCommands(ws *workspace, tools speedTools, filter []string) ([]speedCommand, []*SpeedRow) {
	patterns := ws.entry.Patterns()
	std := ws.entry.IsStd()
	standalone := func(bin string, flags ...string) []string {
		args := append([]string{bin}, flags...)
		if std {
			args = append(args, "-test=false")
		}
		return append(args, patterns...)
	}
	var cmds []speedCommand
	var skipped []*SpeedRow
	add := func(c speedCommand, missing string) {
		if len(filter) > 0 && !slices.Contains(filter, c.name) {
			return
		}
		if missing != "" {
			skipped = append(skipped, &SpeedRow{Name: c.name, NotApplicable: missing})
			return
		}
		cmds = append(cmds, c)
	}
	add(speedCommand{name: "toctou", args: standalone(tools.toctou), okExit: []int{0, 3}}, "")
	add(speedCommand{name: "toctou/fix", args: standalone(tools.toctou, "-fix"), okExit: []int{0}, writes: true}, "")
	add(speedCommand{name: "toctou/diff", args: standalone(tools.toctou, "-diff"), okExit: []int{0}}, "")
	for _, f := range floorNames {
		add(speedCommand{name: "floor/" + f, args: standalone(tools.floors[f]), okExit: []int{0}}, "")
	}
	add(speedCommand{name: "vet", args: append([]string{"go", "vet"}, patterns...), vetCache: true, okExit: []int{0, 1}}, "")
	add(speedCommand{name: "vet/toctou", args: append([]string{"go", "vet", "-vettool=" + tools.toctou}, patterns...), vetCache: true, okExit: []int{0, 1}}, "")
	add(externalCommand("staticcheck", ws, []string{"-tests=" + fmt.Sprint(!std)}, "STATICCHECK_CACHE"))
	add(externalCommand("gosec", ws, []string{"-quiet"}, ""))
	for _, withToctou := range []bool{false, true} {
		add(golangciCommand(ws, tools.gcl, withToctou))
	}
	return cmds, skipped
}

// externalCommand is a tool found on PATH (staticcheck, gosec), if it is
// installed; gosec is not run on std, which it cannot name.
func externalCommand(name string, ws *workspace, flags []string, cacheVar string) (speedCommand, string) {
	c := speedCommand{name: name, freshDir: cacheVar, okExit: []int{0, 1}}
	path, err := exec.LookPath(name)
	if err != nil {
		return c, name + " is not installed (not on PATH)"
	}
	if name == "gosec" && ws.entry.IsStd() {
		return c, "gosec takes directories, not std"
	}
	c.args = append(append([]string{path}, flags...), ws.entry.Patterns()...)
	return c, ""
}

// golangciCommand is golangci-lint (the tools/gcl build) with its default
// linters, plus toctou when withToctou. Its analysis cache
// (GOLANGCI_LINT_CACHE) is a new empty directory each round.
func golangciCommand(ws *workspace, gcl string, withToctou bool) (speedCommand, string) {
	name := "golangci"
	if withToctou {
		name = "golangci/toctou"
	}
	c := speedCommand{name: name, freshDir: "GOLANGCI_LINT_CACHE", okExit: []int{0, 1}}
	switch {
	case gcl == "":
		return c, "golangci-lint-toctou not built (-commands excluded it)"
	case ws.entry.IsStd():
		return c, "golangci-lint takes directories, not std"
	}
	c.args = []string{gcl, "run", "--config=" + golangciConfigFile(ws, withToctou), "./..."}
	return c, ""
}

// golangciConfigFile is where the golangci-lint configuration is written.
func golangciConfigFile(ws *workspace, withToctou bool) string {
	if withToctou {
		return filepath.Join(ws.dir, "golangci-toctou.yml")
	}
	return filepath.Join(ws.dir, "golangci-default.yml")
}

// writeGolangciConfigs writes both golangci-lint configurations of ws.
func writeGolangciConfigs(ws *workspace) error {
	for _, withToctou := range []bool{false, true} {
		if err := os.WriteFile(golangciConfigFile(ws, withToctou), []byte(golangciConfig(withToctou)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// golangciConfig is the configuration of golangci-lint runs: its standard
// linters, tests included, and the toctou module plugin when withToctou.
func golangciConfig(withToctou bool) string {
	cfg := "version: \"2\"\nrun:\n  tests: true\nlinters:\n  default: standard\n"
	if withToctou {
		cfg += `  enable:
    - toctou
  settings:
    custom:
      toctou:
        type: module
        description: time-of-check to time-of-use races
`
	}
	return cfg
}

// speed runs speed mode on one entry: prime the build cache, then run the
// commands one at a time, interleaved, for rounds rounds.
func speed(ctx context.Context, env *toolEnv, ws *workspace, tools speedTools, cfg *config) *SpeedResult {
	res := &SpeedResult{Entry: ws.entry}
	template, err := primeCache(ctx, env, ws)
	if err != nil {
		res.Err = err
		return res
	}
	if err := writeGolangciConfigs(ws); err != nil {
		res.Err = err
		return res
	}
	cmds, skipped := speedCommands(ws, tools, cfg.commands)
	rows := make([]*SpeedRow, len(cmds))
	for i, c := range cmds {
		rows[i] = &SpeedRow{Name: c.name, Command: displayCommand(c.args)}
	}
	for r := range cfg.rounds {
		for k := range cmds {
			i := (k + r) % len(cmds) // rotate the order from round to round
			if err := runRound(ctx, env, ws, template, cmds[i], rows[i], r); err != nil {
				res.Err = err
				return res
			}
		}
	}
	for _, row := range rows {
		row.computeMedians()
	}
	res.Rows = append(rows, skipped...)
	if cfg.profile != "" && slices.ContainsFunc(cmds, func(c speedCommand) bool { return c.name == "toctou" }) {
		res.Err = profileRun(ctx, env, ws, tools.toctou, template, cfg.profile)
	}
	return res
}

// primeCache primes the workspace's build cache (its GOCACHE, a template
// that go vet's runs copy) with every package and test variant the
// commands compile, and returns its directory.
//
// Every command of speed mode runs with this GOCACHE. go vet caches its
// results in GOCACHE, keyed by the vet tool's ID, its flags and the
// package, so a second run would replay them; each go vet round therefore
// runs with a new copy of the primed template: hard links to its output
// files, copies of its small index files. A fresh empty GOCACHE would
// time compiling as well, "go vet -a" rebuilds every package, and a flag
// whose value changes every round changes what is analyzed.
func primeCache(ctx context.Context, env *toolEnv, ws *workspace) (string, error) {
	template := filepath.Join(ws.dir, "gocache")
	if err := os.MkdirAll(template, 0o755); err != nil {
		return "", err
	}
	return template, primeBuild(ctx, env, ws, "GOCACHE="+template)
}

// primeBuild compiles every package of ws, its dependencies and test
// variants into the build cache (the default one, or GOCACHE set in kv),
// so that a timed run that loads export data does not time compiling.
func primeBuild(ctx context.Context, env *toolEnv, ws *workspace, kv ...string) error {
	// go list -export compiles what go build and go test compile, with
	// the same action IDs, without linking; -e goes on past packages that
	// do not compile here.
	args := append([]string{"go", "list", "-e", "-export", "-deps", "-test", "-f={{.ImportPath}}"}, ws.entry.Patterns()...)
	_, err := env.output(ctx, command{dir: ws.src, env: env.moduleEnv(ws, kv...), args: args})
	return err
}

// runRound runs c once and records its cost in row.
func runRound(ctx context.Context, env *toolEnv, ws *workspace, template string, c speedCommand, row *SpeedRow, round int) (err error) {
	gocache := template
	var temps []string
	defer func() {
		for _, d := range temps {
			os.RemoveAll(d)
		}
	}()
	if c.vetCache {
		gocache = filepath.Join(ws.dir, fmt.Sprintf("gocache-vet-%d", round))
		os.RemoveAll(gocache)
		temps = append(temps, gocache)
		if err := linkTree(template, gocache); err != nil {
			return err
		}
	}
	kv := []string{"GOCACHE=" + gocache}
	if c.freshDir != "" {
		d, err := os.MkdirTemp("", "bench-cache-")
		if err != nil {
			return err
		}
		temps = append(temps, d)
		kv = append(kv, c.freshDir+"="+d)
	}
	if c.writes {
		snap, serr := snapshotGoFiles(ws.src)
		if serr != nil {
			return serr
		}
		defer func() {
			if rerr := snap.restore(); rerr != nil && err == nil {
				err = rerr
			}
		}()
	}
	var stderr bytes.Buffer
	cmd := command{dir: ws.src, env: env.moduleEnv(ws, kv...), args: c.args, stdout: io.Discard, stderr: &stderr}
	env.logf("round %d: %s$ %s", round+1, cmd.dir, strings.Join(cmd.args, " "))
	m, err := measure(ctx, cmd)
	if err != nil {
		return err
	}
	row.Rounds = append(row.Rounds, m)
	if !slices.Contains(c.okExit, m.Exit) {
		row.BadExit, row.LastBadStderr = true, tail(stderr.String(), 2000)
	}
	return nil
}

// profileRun runs toctou once more, untimed, with -cpuprofile and
// -memprofile into dir.
func profileRun(ctx context.Context, env *toolEnv, ws *workspace, toctou, gocache, dir string) error {
	args := toctouArgs(toctou, ws,
		"-cpuprofile", filepath.Join(dir, ws.entry.Name+".cpu"),
		"-memprofile", filepath.Join(dir, ws.entry.Name+".mem"))
	c := command{dir: ws.src, env: env.moduleEnv(ws, "GOCACHE="+gocache), args: args, stdout: io.Discard, stderr: io.Discard}
	_, err := measure(ctx, c)
	return err
}

// computeMedians sets the row's medians from its rounds.
func (row *SpeedRow) computeMedians() {
	if len(row.Rounds) == 0 {
		return
	}
	var walls, cpus []time.Duration
	var rss []int64
	for _, m := range row.Rounds {
		walls = append(walls, m.Wall)
		cpus = append(cpus, m.CPU)
		rss = append(rss, m.MaxRSS)
	}
	row.Wall, row.CPU, row.MaxRSS = median(walls), median(cpus), median(rss)
}

// median returns the median of xs (the mean of the middle two for an even
// count).
func median[T time.Duration | int64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// displayCommand renders args for the report, with the harness's temporary
// paths shortened to their base names.
func displayCommand(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok && filepath.IsAbs(v) {
			a = k + "=" + filepath.Base(v)
		} else if filepath.IsAbs(a) {
			a = filepath.Base(a)
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}

// Ratio is one ratio the speed budgets of issues 8 and 12 ask for.
type Ratio struct {
	Name   string
	Value  float64
	Budget float64 // at most; 0 when none
	Unit   string  // "x" or "GiB"
}

// ratios returns the budget figures of res, those whose commands ran.
func (r *SpeedResult) ratios() []Ratio {
	var out []Ratio
	ratio := func(name, num, den string, budget float64, cpu bool) {
		a, b := r.row(num), r.row(den)
		if a == nil || b == nil || b.Wall == 0 || b.CPU == 0 {
			return
		}
		v := float64(a.Wall) / float64(b.Wall)
		if cpu {
			v = float64(a.CPU) / float64(b.CPU)
		}
		out = append(out, Ratio{Name: name, Value: v, Budget: budget, Unit: "x"})
	}
	ratio("toctou / floor/buildssa032, wall", "toctou", "floor/buildssa032", 1.3, false)
	ratio("toctou / floor/buildssa032, CPU", "toctou", "floor/buildssa032", 0, true)
	if t := r.row("toctou"); t != nil {
		out = append(out, Ratio{Name: "toctou peak memory", Value: gib(t.MaxRSS), Budget: 2.5, Unit: "GiB"})
		if f := r.row("floor/buildssa032"); f != nil && f.MaxRSS > 0 {
			out = append(out, Ratio{Name: "toctou / floor/buildssa032, peak memory", Value: float64(t.MaxRSS) / float64(f.MaxRSS), Unit: "x"})
		}
	}
	for _, name := range []string{"toctou/fix", "toctou/diff"} {
		ratio(name+" / toctou, wall", name, "toctou", 1.2, false)
		ratio(name+" / toctou, CPU", name, "toctou", 0, true)
		if a, b := r.row(name), r.row("toctou"); a != nil && b != nil && b.MaxRSS > 0 {
			out = append(out, Ratio{Name: name + " / toctou, peak memory", Value: float64(a.MaxRSS) / float64(b.MaxRSS), Budget: 1.2, Unit: "x"})
		}
	}
	ratio("vet/toctou / vet, wall", "vet/toctou", "vet", 1.15, false)
	ratio("vet/toctou / vet, CPU", "vet/toctou", "vet", 0, true)
	ratio("golangci/toctou / golangci, wall", "golangci/toctou", "golangci", 1.15, false)
	ratio("golangci/toctou / golangci, CPU", "golangci/toctou", "golangci", 0, true)
	return out
}

// gib converts bytes to GiB.
func gib(b int64) float64 { return float64(b) / (1 << 30) }

// goFiles is the content of every .go file under a directory.
type goFiles map[string][]byte

// snapshotGoFiles reads every .go file under dir.
func snapshotGoFiles(dir string) (goFiles, error) {
	snap := make(goFiles)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		snap[path] = data
		return err
	})
	return snap, err
}

// restore writes back each file whose content changed since the snapshot,
// so that the next round analyzes, and loads from the primed build cache,
// the same module.
func (snap goFiles) restore() error {
	for path, want := range snap {
		got, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Generated-input mode (-generated): toctou's cost on machine-written
// code, where one function or one file is far larger than anything in the
// corpus. Each shape writes a module of one package, one file, at each
// size, and times toctou with all checks, toctou with the check the shape
// triggers, and go vet on the same module.

// A genShape is one kind of generated input.
type genShape struct {
	name  string
	check string // the -NAME flag of the check the shape triggers
	doc   string
	// imports of the file, and the text of unit i, whose lines are
	// counted; header is the text before the units, footer after.
	imports        []string
	header, footer string
	unit           func(i int) string
}

// genShapes are the generated inputs, the two of issue 16 first.
func genShapes() []genShape {
	return []genShape{
		{
			name: "func", check: "pathrace",
			doc:     "one function of N stat-then-WriteFile blocks on one path (3 lines each)",
			imports: []string{"os"},
			header:  "func F(p string, data []byte) {\n",
			footer:  "}\n",
			unit: func(i int) string {
				return "\tif _, err := os.Stat(p); err != nil {\n\t\tos.WriteFile(p, data, 0o644)\n\t}\n"
			},
		},
		{
			name: "loop", check: "pathrace",
			doc:     "one function of one loop of N stat-then-WriteFile blocks on one path (3 lines each): every if on a cycle",
			imports: []string{"os"},
			header:  "func F(p string, data []byte) {\n\tfor i := 0; i < 3; i++ {\n",
			footer:  "\t}\n}\n",
			unit: func(i int) string {
				return "\t\tif _, err := os.Stat(p); err != nil {\n\t\t\tos.WriteFile(p, data, 0o644)\n\t\t}\n"
			},
		},
		{
			name: "file", check: "pathrace",
			doc:     "a file of N functions of 10 lines, each with a pathrace finding and a fix",
			imports: []string{"os"},
			unit: func(i int) string {
				return fmt.Sprintf(`// save%[1]d writes p unless it exists.
func save%[1]d(p string, data []byte) error {
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	err := os.WriteFile(p, data, 0o644)
	return err
}

`, i)
			},
		},
		{
			name: "tempname", check: "tempname",
			doc:     "a file of N functions of 5 lines, each writing a fixed name in os.TempDir()",
			imports: []string{"os", "path/filepath"},
			unit: func(i int) string {
				return fmt.Sprintf(`func state%[1]d(data []byte) error {
	return os.WriteFile(filepath.Join(os.TempDir(), "state%[1]d.db"), data, 0o600)
}

`, i)
			},
		},
		{
			name: "byname", check: "byname",
			doc:     "a file of N functions of 9 lines, each changing a file's mode by name while it is open",
			imports: []string{"os"},
			unit: func(i int) string {
				return fmt.Sprintf(`func create%[1]d(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Chmod(p, 0o600)
}

`, i)
			},
		},
		{
			name: "partialwrite", check: "partialwrite",
			doc:     "a file of N functions of 9 lines, each rewriting in place a file it read",
			imports: []string{"os"},
			unit: func(i int) string {
				return fmt.Sprintf(`func bump%[1]d(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	data = append(data, '%[2]c')
	return os.WriteFile(p, data, 0o644)
}

`, i, 'a'+rune(i%26))
			},
		},
		{
			name: "lockfile", check: "lockfile",
			doc:     "a file of N functions of 13 lines, each leaving a lock file behind on an error path",
			imports: []string{"os"},
			header:  "func work() error { return nil }\n\n",
			unit: func(i int) string {
				return fmt.Sprintf(`func locked%[1]d(lockPath string) error {
	f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := work(); err != nil {
		return err
	}
	return os.Remove(lockPath)
}

`, i)
			},
		},
		{
			name: "nodeadline", check: "nodeadline",
			doc:     "a file of N functions of 9 lines, each calling http.Get with no deadline",
			imports: []string{"net/http"},
			unit: func(i int) string {
				return fmt.Sprintf(`func fetch%[1]d(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode + %[1]d, nil
}

`, i)
			},
		},
		{
			name: "blindretry", check: "blindretry",
			doc:     "a file of N functions of 14 lines, each retrying an http.Post on error",
			imports: []string{"bytes", "net/http"},
			unit: func(i int) string {
				return fmt.Sprintf(`func charge%[1]d(url string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = http.Post(url, "application/json", bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return err
}

`, i)
			},
		},
	}
}

// allChecks are the flags that turn on every check, blindretry included.
var allChecks = []string{"-pathrace", "-tempname", "-byname", "-partialwrite", "-lockfile", "-nodeadline", "-blindretry"}

// genSource returns the source of shape's file with about lines lines.
func genSource(s genShape, lines int) []byte {
	var b bytes.Buffer
	b.WriteString("// Package gen is generated by toctou's bench -generated; it has no \"Code generated\" header on purpose.\npackage gen\n\nimport (\n")
	for _, imp := range s.imports {
		fmt.Fprintf(&b, "\t%q\n", imp)
	}
	b.WriteString(")\n\n")
	b.WriteString(s.header)
	n := bytes.Count(b.Bytes(), []byte("\n"))
	for i := 0; n < lines; i++ {
		u := s.unit(i)
		n += strings.Count(u, "\n")
		b.WriteString(u)
	}
	b.WriteString(s.footer)
	return b.Bytes()
}

// genRow is one command on one generated input.
type genRow struct {
	shape, command string
	lines          int
	m              Measure
	timedOut       bool
}

// generatedMode writes the generated modules and times the commands on
// them, printing one line per run and a table at the end.
func generatedMode(ctx context.Context, env *toolEnv, cfg *config, stdout io.Writer) error {
	toctou := cfg.toctou
	if toctou == "" {
		var err error
		if toctou, err = buildToctou(ctx, env); err != nil {
			return err
		}
	}
	var sizes []int
	for s := range strings.SplitSeq(cfg.genSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("-sizes: bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	shapes := genShapes()
	if cfg.genShapes != "" {
		want := strings.Split(cfg.genShapes, ",")
		var sel []genShape
		for _, s := range shapes {
			for _, w := range want {
				if s.name == w {
					sel = append(sel, s)
				}
			}
		}
		if len(sel) == 0 {
			return fmt.Errorf("-shapes %q selects none of the shapes", cfg.genShapes)
		}
		shapes = sel
	}
	root := filepath.Join(env.scratchDir, "generated")
	gocache := filepath.Join(root, "gocache")
	if err := os.MkdirAll(gocache, 0o755); err != nil {
		return err
	}
	var rows []genRow
	for _, s := range shapes {
		skipRest := map[string]bool{} // a command that timed out is not run on larger sizes
		for _, n := range sizes {
			dir := filepath.Join(root, fmt.Sprintf("%s-%d", s.name, n))
			// Compile the package's dependencies into the cache and let
			// go vet analyze them (untimed): go vet runs the vet tool on
			// every dependency for its facts, a fixed cost of the first
			// run that its cache keeps. The file is then written again
			// with other content, so that go vet analyzes it anew.
			if err := writeGenModule(dir, append(genSource(s, n), "// priming run\n"...)); err != nil {
				return err
			}
			if _, err := env.output(ctx, command{dir: dir, env: env.corpusEnv("GOCACHE=" + gocache),
				args: []string{"go", "list", "-e", "-export", "-deps", "-f={{.ImportPath}}", "./..."}}); err != nil {
				return err
			}
			if err := runQuiet(ctx, env, dir, gocache, "go", "vet", "./..."); err != nil {
				return err
			}
			// A comment of its own, so that go vet cannot replay a result
			// an earlier run cached for the same content.
			if err := writeGenModule(dir, fmt.Appendf(genSource(s, n), "// run %d\n", time.Now().UnixNano())); err != nil {
				return err
			}
			type cmdSpec struct {
				name string
				args []string
			}
			cmds := []cmdSpec{
				{"go vet", []string{"go", "vet", "./..."}},
				{"toctou (all checks)", append(append([]string{toctou}, allChecks...), "./...")},
				{"toctou -" + s.check, []string{toctou, "-" + s.check, "./..."}},
			}
			for _, c := range cmds {
				if skipRest[c.name] {
					rows = append(rows, genRow{shape: s.name, command: c.name, lines: n, timedOut: true})
					continue
				}
				r, err := runGenerated(ctx, env, dir, gocache, c.args, cfg.genTimeout)
				if err != nil {
					return err
				}
				r.shape, r.command, r.lines = s.name, c.name, n
				if r.timedOut {
					skipRest[c.name] = true
				}
				rows = append(rows, r)
				fmt.Fprintf(os.Stderr, "bench: %-12s %6d lines  %-22s %s\n", s.name, n, c.name, fmtGen(r))
			}
		}
	}
	_, err := io.WriteString(stdout, genTable(shapes, rows))
	return err
}

// writeGenModule writes module gen with one file, gen.go, into dir.
func writeGenModule(dir string, src []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/gen\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "gen.go"), src, 0o644)
}

// runGenerated runs one command in dir with a timeout.
func runGenerated(ctx context.Context, env *toolEnv, dir, gocache string, args []string, timeout time.Duration) (genRow, error) {
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var stderr bytes.Buffer
	m, err := measure(tctx, command{dir: dir, env: env.corpusEnv("GOCACHE=" + gocache), args: args, stdout: io.Discard, stderr: &stderr})
	if err != nil {
		return genRow{}, err
	}
	if tctx.Err() != nil {
		return genRow{m: m, timedOut: true}, nil
	}
	// toctou exits 3 with findings; go vet 1 with its own.
	if m.Exit != 0 && m.Exit != 3 && !(args[0] == "go" && m.Exit == 1) {
		return genRow{}, fmt.Errorf("in %s: %s: exit status %d\n%s", dir, strings.Join(args, " "), m.Exit, tail(stderr.String(), 2000))
	}
	return genRow{m: m}, nil
}

// runQuiet runs an untimed command whose exit status does not matter.
func runQuiet(ctx context.Context, env *toolEnv, dir, gocache string, args ...string) error {
	_, err := measure(ctx, command{dir: dir, env: env.corpusEnv("GOCACHE=" + gocache), args: args, stdout: io.Discard, stderr: io.Discard})
	return err
}

func fmtGen(r genRow) string {
	if r.timedOut {
		return "timed out"
	}
	return fmt.Sprintf("wall %7.2fs  cpu %7.2fs  %6.1f ms cpu/1k lines", r.m.Wall.Seconds(), r.m.CPU.Seconds(), perK(r))
}

// perK is the CPU time per 1,000 lines, in milliseconds. CPU time, not
// wall time: on a shared machine it is the steadier figure, and go vet's
// includes the vet processes it runs.
func perK(r genRow) float64 { return float64(r.m.CPU.Milliseconds()) * 1000 / float64(r.lines) }

// genTable formats the rows as a Markdown table: per shape, size and
// command the wall and CPU time, the CPU time per 1,000 lines, the ratio
// of CPU times to go vet on the same input, and the growth from the
// previous size (CPU time ratio over size ratio: 1.0 is linear, 1.2 is
// the budget's "doubling N at most doubles the time plus 20%").
func genTable(shapes []genShape, rows []genRow) string {
	var b strings.Builder
	b.WriteString("| shape | lines | command | wall | CPU | CPU ms / 1k lines | × go vet | growth |\n|---|---:|---|---:|---:|---:|---:|---:|\n")
	vet := map[string]genRow{}
	prev := map[string]genRow{}
	for _, r := range rows {
		key := r.shape + "\x00" + strconv.Itoa(r.lines)
		if r.command == "go vet" {
			vet[key] = r
		}
		wall, cpu, pk, ratio, growth := "timeout", "", "", "", ""
		if !r.timedOut {
			wall = fmt.Sprintf("%.2f s", r.m.Wall.Seconds())
			cpu = fmt.Sprintf("%.2f s", r.m.CPU.Seconds())
			pk = fmt.Sprintf("%.1f", perK(r))
			if v, ok := vet[key]; ok && r.command != "go vet" && !v.timedOut {
				ratio = fmt.Sprintf("%.2f", r.m.CPU.Seconds()/v.m.CPU.Seconds())
			}
			if p, ok := prev[r.shape+"\x00"+r.command]; ok && !p.timedOut {
				growth = fmt.Sprintf("%.2f", (r.m.CPU.Seconds()/p.m.CPU.Seconds())/(float64(r.lines)/float64(p.lines)))
			}
		}
		prev[r.shape+"\x00"+r.command] = r
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s |\n", r.shape, r.lines, r.command, wall, cpu, pk, ratio, growth)
	}
	b.WriteString("\nShapes:\n\n")
	for _, s := range shapes {
		fmt.Fprintf(&b, "- %s (toctou -%s): %s\n", s.name, s.check, s.doc)
	}
	return b.String()
}

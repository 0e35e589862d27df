package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// EntryResult is the outcome of analyzing one corpus entry.
type EntryResult struct {
	Entry           Entry
	Adjustments     []string  // changes the harness made to the copy's go.mod
	Analysis        *Analysis // nil when the run failed
	DeterminismDiff string    // with -determinism: empty when both runs gave the same lines
	Determinism     bool      // -determinism ran
	Fix             *FixCheck // with -fixcheck
	Err             error     // the harness could not analyze the entry
}

// Failed reports whether the entry fails the harness.
func (r *EntryResult) Failed() bool {
	return r.Err != nil || len(r.Analysis.Errors) > 0 || r.DeterminismDiff != "" || (r.Fix != nil && r.Fix.Failed())
}

// analysisMode analyzes each entry and writes the report.
func analysisMode(ctx context.Context, env *toolEnv, cfg *config, entries []Entry, stdout io.Writer) error {
	results, err := analyzeAll(ctx, env, cfg, entries)
	if err != nil {
		return err
	}
	return finishReport(env, cfg, results, nil, stdout)
}

// analyzeAll builds toctou and analyzes each entry in turn.
func analyzeAll(ctx context.Context, env *toolEnv, cfg *config, entries []Entry) ([]*EntryResult, error) {
	toctou, err := buildToctou(ctx, env)
	if err != nil {
		return nil, err
	}
	var results []*EntryResult
	for i, e := range entries {
		fmt.Fprintf(os.Stderr, "bench: analyzing %s\n", e.ID())
		r := analyzeEntry(ctx, env, cfg, toctou, e)
		results = append(results, r)
		fmt.Fprintf(os.Stderr, "bench: %s: %s\n", e.Name, progressLine(r))
		if i < len(entries)-1 {
			// a run stopped part way keeps what it has measured: the
			// findings files and report.json (which -verdicts reads) of
			// the entries done so far; finishReport writes the whole run
			if err := writePartial(env, cfg, results); err != nil {
				fmt.Fprintf(os.Stderr, "bench: writing the partial report: %v\n", err)
			}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	return results, nil
}

// analyzeEntry analyzes one entry: once, twice with -determinism, then
// the fix check with -fixcheck. The build cache is primed first, so that
// the timed run does not include compiling the export data it loads.
func analyzeEntry(ctx context.Context, env *toolEnv, cfg *config, toctou string, e Entry) *EntryResult {
	r := &EntryResult{Entry: e}
	ws, err := prepare(ctx, env, e)
	if err != nil {
		r.Err = err
		return r
	}
	r.Adjustments = ws.adjustments
	if err := primeBuild(ctx, env, ws); err != nil {
		r.Err = err
		return r
	}
	if r.Analysis, err = analyze(ctx, env, toctou, ws, cfg.profile); err != nil {
		r.Err = err
		return r
	}
	if cfg.determinism {
		r.Determinism = true
		second, err := analyze(ctx, env, toctou, ws, "")
		if err != nil {
			r.Err = err
			return r
		}
		r.DeterminismDiff = diffLines(r.Analysis.Lines(), second.Lines())
	}
	if cfg.fixcheck {
		if r.Fix, err = fixCheck(ctx, env, toctou, ws, r.Analysis); err != nil {
			r.Err = err
		}
	}
	return r
}

// progressLine summarizes an entry's result for the progress output.
func progressLine(r *EntryResult) string {
	if r.Analysis == nil {
		return "FAILED: " + oneLine(r.Err.Error())
	}
	a := r.Analysis
	line := fmt.Sprintf("%d findings, %d analysis errors, %d packages not analyzed, %s wall, %s CPU, %s peak",
		len(a.Findings), len(a.Errors), len(a.PackageErrors), seconds(a.Measure.Wall), seconds(a.Measure.CPU), gibString(a.Measure.MaxRSS))
	if r.Err != nil {
		line += "; FAILED: " + oneLine(r.Err.Error())
	}
	return line
}

// diffLines describes how b differs from a, or returns "" when they are
// the same.
func diffLines(a, b []string) string {
	if slices.Equal(a, b) {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "first run %d lines, second run %d lines\n", len(a), len(b))
	inB := make(map[string]bool)
	for _, l := range b {
		inB[l] = true
	}
	inA := make(map[string]bool)
	for _, l := range a {
		inA[l] = true
		if !inB[l] {
			fmt.Fprintf(&sb, "- %s\n", l)
		}
	}
	for _, l := range b {
		if !inA[l] {
			fmt.Fprintf(&sb, "+ %s\n", l)
		}
	}
	return sb.String()
}

// prepareMode downloads and copies each entry and prints its directory.
func prepareMode(ctx context.Context, env *toolEnv, entries []Entry, stdout io.Writer) error {
	for _, e := range entries {
		ws, err := prepare(ctx, env, e)
		if err != nil {
			return fmt.Errorf("%s: %v", e.ID(), err)
		}
		fmt.Fprintf(stdout, "%s\t%s\n", e.Name, ws.src)
	}
	return nil
}

// speedMode times the commands on each entry.
func speedMode(ctx context.Context, env *toolEnv, cfg *config, entries []Entry, stdout io.Writer) error {
	tools, err := buildSpeedTools(ctx, env, cfg.commands)
	if err != nil {
		return err
	}
	var results []*SpeedResult
	for _, e := range entries {
		fmt.Fprintf(os.Stderr, "bench: timing %s, %d rounds\n", e.ID(), cfg.rounds)
		ws, err := prepare(ctx, env, e)
		if err != nil {
			results = append(results, &SpeedResult{Entry: e, Err: err})
			continue
		}
		results = append(results, speed(ctx, env, ws, tools, cfg))
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return finishReport(env, cfg, nil, results, stdout)
}

// smokeMode is the CI run: the smoke corpus with -determinism and
// -fixcheck, then one speed round of toctou and the fact-free SSA floor.
func smokeMode(ctx context.Context, env *toolEnv, cfg *config, entries []Entry, stdout io.Writer) error {
	cfg.determinism, cfg.fixcheck = true, true
	results, err := analyzeAll(ctx, env, cfg, entries)
	if err != nil {
		return err
	}
	cfg.rounds = 1
	if len(cfg.commands) == 0 {
		cfg.commands = []string{"toctou", "floor/buildssa032"}
	}
	tools, err := buildSpeedTools(ctx, env, cfg.commands)
	if err != nil {
		return err
	}
	var speeds []*SpeedResult
	for _, e := range entries {
		ws, err := prepare(ctx, env, e)
		if err != nil {
			speeds = append(speeds, &SpeedResult{Entry: e, Err: err})
			continue
		}
		speeds = append(speeds, speed(ctx, env, ws, tools, cfg))
	}
	return finishReport(env, cfg, results, speeds, stdout)
}

// buildSpeedTools builds toctou, the floors and, when a golangci command
// is selected, golangci-lint with toctou (tools/gcl).
func buildSpeedTools(ctx context.Context, env *toolEnv, commands []string) (speedTools, error) {
	tools := speedTools{floors: make(map[string]string)}
	var err error
	if tools.toctou, err = buildToctou(ctx, env); err != nil {
		return tools, err
	}
	selected := func(name string) bool { return len(commands) == 0 || slices.Contains(commands, name) }
	for _, f := range floorNames {
		if !selected("floor/" + f) {
			continue
		}
		bin := filepath.Join(env.binDir, f)
		if _, err := env.goOutput(ctx, env.benchDir, "build", "-o", bin, "./floors/"+f); err != nil {
			return tools, err
		}
		tools.floors[f] = bin
	}
	if selected("golangci") || selected("golangci/toctou") {
		fmt.Fprintln(os.Stderr, "bench: building tools/gcl (golangci-lint with toctou)")
		bin := filepath.Join(env.binDir, "golangci-lint-toctou")
		if _, err := env.goOutput(ctx, filepath.Join(env.rootDir, "tools", "gcl"), "build", "-o", bin, "."); err != nil {
			return tools, err
		}
		tools.gcl = bin
	}
	return tools, nil
}

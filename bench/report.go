package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// finishReport writes the reports of the analysis results and the speed
// results (either may be nil) to cfg.out, prints a summary (or the JSON
// report with -json), and returns errFailed when a check failed.
func finishReport(env *toolEnv, cfg *config, results []*EntryResult, speeds []*SpeedResult, stdout io.Writer) error {
	header := reportHeader(env)
	var summary bytes.Buffer
	if results != nil {
		if err := writeAnalysisFiles(cfg.out, header, results); err != nil {
			return err
		}
		writeSummary(&summary, results)
	}
	if speeds != nil {
		md := header + speedMarkdown(speeds)
		if err := os.WriteFile(filepath.Join(cfg.out, "speed.md"), []byte(md), 0o644); err != nil {
			return err
		}
		summary.WriteString(speedMarkdown(speeds))
	}
	js, err := writeJSON(cfg.out, results, speeds)
	if err != nil {
		return err
	}
	if cfg.jsonOut {
		_, err = fmt.Fprintf(stdout, "%s\n", js)
	} else {
		_, err = fmt.Fprintf(stdout, "%s\nreports in %s\n", summary.String(), cfg.out)
	}
	if err != nil {
		return err
	}
	return failure(results, speeds)
}

// writePartial writes the findings files and report.json of the
// entries analyzed so far, so that a run stopped part way can still be
// judged (-verdicts); finishReport rewrites them at the end.
func writePartial(env *toolEnv, cfg *config, results []*EntryResult) error {
	if err := writeAnalysisFiles(cfg.out, reportHeader(env), results); err != nil {
		return err
	}
	_, err := writeJSON(cfg.out, results, nil)
	return err
}

// writeJSON writes report.json and returns its text.
func writeJSON(out string, results []*EntryResult, speeds []*SpeedResult) ([]byte, error) {
	js, err := json.MarshalIndent(jsonReport(results, speeds), "", "\t")
	if err != nil {
		return nil, err
	}
	return js, os.WriteFile(filepath.Join(out, "report.json"), append(js, '\n'), 0o644)
}

// failure returns errFailed when an entry failed or a speed run could not
// complete.
func failure(results []*EntryResult, speeds []*SpeedResult) error {
	for _, r := range results {
		if r.Failed() {
			return errFailed
		}
	}
	for _, s := range speeds {
		if s.Err != nil {
			return errFailed
		}
	}
	return nil
}

// reportHeader says when, where and on what the reports were made.
func reportHeader(env *toolEnv) string {
	var b strings.Builder
	fmt.Fprintf(&b, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- command: `go run . %s` (in bench/)\n", strings.Join(os.Args[1:], " "))
	fmt.Fprintf(&b, "- toctou: %s\n", gitDescribe(env.rootDir))
	fmt.Fprintf(&b, "- Go: %s %s/%s\n", env.goVersion, runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "- machine: %s\n\n", machine())
	return b.String()
}

// gitDescribe returns the commit of the working tree at dir, marked
// "+changes" when it has uncommitted changes.
func gitDescribe(dir string) string {
	env := &toolEnv{}
	ctx := context.Background()
	head, err := env.output(ctx, command{dir: dir, env: os.Environ(), args: []string{"git", "rev-parse", "--short", "HEAD"}})
	if err != nil {
		return "unknown commit"
	}
	desc := strings.TrimSpace(head)
	status, err := env.output(ctx, command{dir: dir, env: os.Environ(), args: []string{"git", "status", "--porcelain", "--untracked-files=no"}})
	if err == nil && strings.TrimSpace(status) != "" {
		desc += " +uncommitted changes"
	}
	return "commit " + desc
}

// machine describes the CPU and memory, from /proc on Linux.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kib int64
		if _, err := fmt.Sscanf(string(b), "MemTotal: %d kB", &kib); err == nil {
			mem = fmt.Sprintf(", %.1f GiB memory", gib(kib*1024))
		}
	}
	return fmt.Sprintf("%d CPUs (%s)%s", runtime.NumCPU(), cpu, mem)
}

// writeAnalysisFiles writes report.md, findings.txt (every finding of every
// entry, prefixed by the entry), findings/NAME.txt (one entry's findings,
// paths relative to its module root) and stderr/NAME.txt.
func writeAnalysisFiles(out, header string, results []*EntryResult) error {
	for _, sub := range []string{"findings", "stderr"} {
		if err := os.MkdirAll(filepath.Join(out, sub), 0o755); err != nil {
			return err
		}
	}
	var all []string
	for _, r := range results {
		if r.Analysis == nil {
			continue
		}
		lines := r.Analysis.Lines()
		for _, l := range lines {
			all = append(all, entryPrefix(r.Entry)+l)
		}
		if err := writeLines(filepath.Join(out, "findings", r.Entry.Name+".txt"), lines); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "stderr", r.Entry.Name+".txt"), []byte(r.Analysis.Stderr), 0o644); err != nil {
			return err
		}
	}
	slices.Sort(all)
	if err := writeLines(filepath.Join(out, "findings.txt"), all); err != nil {
		return err
	}
	md := "# toctou on the corpus\n\n" + header + analysisMarkdown(results)
	return os.WriteFile(filepath.Join(out, "report.md"), []byte(md), 0o644)
}

// entryPrefix prefixes an entry's finding lines in findings.txt: the
// module's path and version, as in the module cache, or std@.
func entryPrefix(e Entry) string {
	if e.IsStd() {
		return "std/"
	}
	return e.ID() + "/"
}

// writeLines writes lines, each ended by a newline.
func writeLines(file string, lines []string) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// analysisMarkdown renders the analysis results as Markdown tables.
func analysisMarkdown(results []*EntryResult) string {
	var b strings.Builder
	b.WriteString("## Summary\n\n")
	writeSummary(&b, results)
	b.WriteString("\n## Findings per pass and category\n\n")
	writePassTable(&b, results)
	b.WriteString("\n## Analysis errors and panics\n\n")
	writeErrors(&b, results)
	b.WriteString("\n## Packages not analyzed (they do not load or type-check here)\n\n")
	writePackageErrors(&b, results)
	writeGoModChanges(&b, results)
	writeDeterminism(&b, results)
	writeFixChecks(&b, results)
	return b.String()
}

// writeSummary writes the summary table, one row per entry.
func writeSummary(w io.Writer, results []*EntryResult) {
	fmt.Fprintln(w, "| entry | version | findings | with a fix | analysis errors | panics | packages not analyzed | wall | CPU | peak RSS | exit |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, r := range results {
		version := r.Entry.VersionLabel()
		if r.Analysis == nil {
			fmt.Fprintf(w, "| %s | %s | harness error: %s |||||||||\n", r.Entry.Name, version, oneLine(r.Err.Error()))
			continue
		}
		a := r.Analysis
		panics := 0
		for _, e := range a.Errors {
			if e.Panic {
				panics++
			}
		}
		withFix, _ := a.FixCounts()
		fmt.Fprintf(w, "| %s | %s | %d | %d | %d | %d | %d | %s | %s | %s | %d |\n", r.Entry.Name, version,
			len(a.Findings), withFix, len(a.Errors)-panics, panics, len(a.PackageErrors),
			seconds(a.Measure.Wall), seconds(a.Measure.CPU), gibString(a.Measure.MaxRSS), a.Measure.Exit)
		if r.Err != nil {
			fmt.Fprintf(w, "| %s | | harness error after the analysis: %s |||||||||\n", r.Entry.Name, oneLine(r.Err.Error()))
		}
	}
}

// writePassTable writes the findings per pass and category, one column
// per entry.
func writePassTable(w io.Writer, results []*EntryResult) {
	counts := make(map[string]map[string]int) // key -> entry -> n
	for _, r := range results {
		if r.Analysis == nil {
			continue
		}
		for _, f := range r.Analysis.Findings {
			if counts[f.Key()] == nil {
				counts[f.Key()] = make(map[string]int)
			}
			counts[f.Key()][r.Entry.Name]++
		}
	}
	if len(counts) == 0 {
		fmt.Fprintln(w, "No findings.")
		return
	}
	fmt.Fprintf(w, "| pass/category | %s | total |\n", strings.Join(names(entriesOf(results)), " | "))
	fmt.Fprintf(w, "|---|%s--:|\n", strings.Repeat("--:|", len(results)))
	for _, key := range sortedKeys(counts) {
		total := 0
		var cells []string
		for _, r := range results {
			n := counts[key][r.Entry.Name]
			total += n
			cells = append(cells, fmt.Sprint(n))
		}
		fmt.Fprintf(w, "| %s | %s | %d |\n", key, strings.Join(cells, " | "), total)
	}
}

// entriesOf returns the entries of results.
func entriesOf(results []*EntryResult) []Entry {
	var out []Entry
	for _, r := range results {
		out = append(out, r.Entry)
	}
	return out
}

// writeErrors lists the analysis errors and panics.
func writeErrors(w io.Writer, results []*EntryResult) {
	n := 0
	for _, r := range results {
		if r.Analysis == nil {
			continue
		}
		for _, e := range r.Analysis.Errors {
			kind := "error"
			if e.Panic {
				kind = "PANIC"
			}
			fmt.Fprintf(w, "- %s: %s %s in %s: `%s`\n", r.Entry.Name, e.Pass, kind, e.Package, oneLine(e.Message))
			n++
		}
	}
	if n == 0 {
		fmt.Fprintln(w, "None.")
	}
}

// writePackageErrors lists the packages the checker skipped because they
// do not type-check.
func writePackageErrors(w io.Writer, results []*EntryResult) {
	n := 0
	for _, r := range results {
		if r.Analysis == nil || len(r.Analysis.PackageErrors) == 0 {
			continue
		}
		n++
		pkgs := r.Analysis.PackageErrors
		more := ""
		if len(pkgs) > 20 {
			pkgs, more = pkgs[:20], fmt.Sprintf(" and %d more", len(pkgs)-20)
		}
		fmt.Fprintf(w, "- %s: %d packages (errors in stderr/%s.txt): %s%s\n", r.Entry.Name,
			len(r.Analysis.PackageErrors), r.Entry.Name, strings.Join(pkgs, ", "), more)
	}
	if n == 0 {
		fmt.Fprintln(w, "None.")
	}
}

// writeGoModChanges lists the changes the harness made to the copies'
// go.mod files.
func writeGoModChanges(w io.Writer, results []*EntryResult) {
	var lines []string
	for _, r := range results {
		for _, adj := range r.Adjustments {
			lines = append(lines, fmt.Sprintf("- %s: %s\n", r.Entry.Name, adj))
		}
	}
	if len(lines) > 0 {
		fmt.Fprintf(w, "\n## Changes to the copies' go.mod\n\n%s", strings.Join(lines, ""))
	}
}

// writeDeterminism reports the -determinism comparisons.
func writeDeterminism(w io.Writer, results []*EntryResult) {
	var lines []string
	for _, r := range results {
		if !r.Determinism || r.Analysis == nil {
			continue
		}
		if r.DeterminismDiff == "" {
			lines = append(lines, fmt.Sprintf("- %s: identical (%d lines)\n", r.Entry.Name, len(r.Analysis.Findings)))
			continue
		}
		lines = append(lines, fmt.Sprintf("- %s: DIFFERENT\n\n```\n%s```\n", r.Entry.Name, r.DeterminismDiff))
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n## Determinism (two runs, finding lists compared byte for byte)\n\n%s", strings.Join(lines, ""))
}

// writeFixChecks reports the -fixcheck results.
func writeFixChecks(w io.Writer, results []*EntryResult) {
	var rows, failures strings.Builder
	for _, r := range results {
		c := r.Fix
		if c == nil {
			continue
		}
		if c.Skipped != "" {
			fmt.Fprintf(&rows, "| %s | %d | %d | not checked: %s |||||\n", r.Entry.Name, c.FindingsWithFixes, c.Fixes, c.Skipped)
			continue
		}
		status := "ok"
		if c.Failed() {
			status = "FAILED"
		}
		fmt.Fprintf(&rows, "| %s | %d | %d | %d | %d | %d | %d | %s |\n", r.Entry.Name, c.FindingsWithFixes, c.Fixes,
			c.FilesChanged, c.FixExit, c.BrokenBefore, len(c.Failures), status)
		for _, f := range c.Failures {
			fmt.Fprintf(&failures, "### %s: %s\n\n```\n%s```\n\n", r.Entry.Name, f.Package, f.Output)
		}
		if c.FixExit != 0 && c.FixStderr != "" {
			fmt.Fprintf(&failures, "### %s: toctou -fix exit %d\n\n```\n%s\n```\n\n", r.Entry.Name, c.FixExit, tail(c.FixStderr, 3000))
		}
	}
	if rows.Len() == 0 {
		return
	}
	fmt.Fprintln(w, "\n## Fix check (toctou -fix on a scratch copy, then go list -e -export -test ./...)")
	fmt.Fprintln(w, "\n| entry | findings with a fix | fixes offered | .go files changed | toctou -fix exit | packages broken before | packages broken by the fixes | result |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|---|")
	fmt.Fprint(w, rows.String())
	if failures.Len() > 0 {
		fmt.Fprintf(w, "\n%s", failures.String())
	}
}

// speedMarkdown renders the speed results.
func speedMarkdown(speeds []*SpeedResult) string {
	var b strings.Builder
	b.WriteString("# toctou speed\n\nMedians over interleaved rounds; CPU is user+system time of the command and the processes it waited for; peak RSS is the largest single process's (ru_maxrss).\n")
	for _, s := range speeds {
		fmt.Fprintf(&b, "\n## %s: %s %s\n\n", s.Entry.Name, s.Entry.Path, s.Entry.VersionLabel())
		if s.Err != nil {
			fmt.Fprintf(&b, "FAILED: %s\n", oneLine(s.Err.Error()))
		}
		writeSpeedTable(&b, s)
	}
	return b.String()
}

// writeSpeedTable writes one entry's medians and ratios.
func writeSpeedTable(w io.Writer, s *SpeedResult) {
	if len(s.Rows) == 0 {
		return
	}
	fmt.Fprintln(w, "| command | wall | CPU | peak RSS | rounds (wall each) | exit | command line |")
	fmt.Fprintln(w, "|---|--:|--:|--:|---|---|---|")
	for _, row := range s.Rows {
		if row.NotApplicable != "" {
			fmt.Fprintf(w, "| %s | not run: %s ||||||\n", row.Name, row.NotApplicable)
			continue
		}
		exits := exitCodes(row.Rounds)
		if row.BadExit {
			exits += " (unexpected: " + oneLine(row.LastBadStderr) + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d (%s) | %s | `%s` |\n", row.Name, seconds(row.Wall), seconds(row.CPU),
			gibString(row.MaxRSS), len(row.Rounds), roundList(row.Rounds), exits, row.Command)
	}
	ratios := s.ratios()
	if len(ratios) == 0 {
		return
	}
	fmt.Fprintln(w, "\n| figure | value | budget (issues 8, 12) |")
	fmt.Fprintln(w, "|---|--:|---|")
	for _, r := range ratios {
		budget := "-"
		if r.Budget > 0 {
			within := "within"
			if r.Value > r.Budget {
				within = "OVER"
			}
			budget = fmt.Sprintf("at most %.2f%s: %s", r.Budget, unitSuffix(r.Unit), within)
		}
		fmt.Fprintf(w, "| %s | %.2f%s | %s |\n", r.Name, r.Value, unitSuffix(r.Unit), budget)
	}
}

// unitSuffix renders a ratio's unit.
func unitSuffix(unit string) string {
	if unit == "GiB" {
		return " GiB"
	}
	return "×"
}

// exitCodes lists the distinct exit statuses of rounds.
func exitCodes(rounds []Measure) string {
	var codes []string
	for _, m := range rounds {
		c := fmt.Sprint(m.Exit)
		if !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return strings.Join(codes, ",")
}

// roundWalls returns the wall time of each round, in seconds.
func roundWalls(rounds []Measure) []float64 {
	var out []float64
	for _, m := range rounds {
		out = append(out, m.Wall.Seconds())
	}
	return out
}

// roundList renders the wall time of each round.
func roundList(rounds []Measure) string {
	var out []string
	for _, w := range roundWalls(rounds) {
		out = append(out, fmt.Sprintf("%.1f", w))
	}
	return strings.Join(out, ", ")
}

// seconds renders d in seconds.
func seconds(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// gibString renders a byte count in GiB.
func gibString(b int64) string { return fmt.Sprintf("%.2f GiB", gib(b)) }

// oneLine makes s fit a table cell.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

// corpusTable renders the corpus as a Markdown table (for README.md).
func corpusTable(entries []Entry) string {
	var b strings.Builder
	b.WriteString("| name | module | version | why |\n|---|---|---|---|\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", e.Name, e.Path, e.VersionLabel(), e.Why)
	}
	return b.String()
}

// jsonEntry is one entry of the JSON report.
type jsonEntry struct {
	Name, Module, Version string
	Findings              []string
	Errors                []AnalysisError `json:",omitempty"`
	PackageErrors         []string        `json:",omitempty"`
	Adjustments           []string        `json:",omitempty"`
	WallSeconds           float64
	CPUSeconds            float64
	PeakRSSBytes          int64
	Exit                  int
	DeterminismDiff       string    `json:",omitempty"`
	FixCheck              *FixCheck `json:",omitempty"`
	HarnessError          string    `json:",omitempty"`
}

// jsonSpeedRow is one command of a speed result in the JSON report.
type jsonSpeedRow struct {
	Name, Command, NotApplicable string
	WallSeconds, CPUSeconds      float64
	PeakRSSBytes                 int64
	Rounds                       int
	RoundWallSeconds             []float64
	Exits                        string
}

// jsonSpeed is one entry's speed result in the JSON report.
type jsonSpeed struct {
	Name     string
	Commands []jsonSpeedRow
	Ratios   []Ratio
	Error    string `json:",omitempty"`
}

// jsonReport is the JSON form of the results.
func jsonReport(results []*EntryResult, speeds []*SpeedResult) any {
	var rep struct {
		Analysis []jsonEntry `json:",omitempty"`
		Speed    []jsonSpeed `json:",omitempty"`
	}
	for _, r := range results {
		rep.Analysis = append(rep.Analysis, jsonEntryOf(r))
	}
	for _, s := range speeds {
		js := jsonSpeed{Name: s.Entry.Name, Ratios: s.ratios()}
		if s.Err != nil {
			js.Error = s.Err.Error()
		}
		for _, row := range s.Rows {
			js.Commands = append(js.Commands, jsonSpeedRow{Name: row.Name, Command: row.Command, NotApplicable: row.NotApplicable,
				WallSeconds: row.Wall.Seconds(), CPUSeconds: row.CPU.Seconds(), PeakRSSBytes: row.MaxRSS,
				Rounds: len(row.Rounds), RoundWallSeconds: roundWalls(row.Rounds), Exits: exitCodes(row.Rounds)})
		}
		rep.Speed = append(rep.Speed, js)
	}
	return rep
}

// jsonEntryOf converts one analysis result.
func jsonEntryOf(r *EntryResult) jsonEntry {
	j := jsonEntry{Name: r.Entry.Name, Module: r.Entry.Path, Version: r.Entry.Version, Adjustments: r.Adjustments,
		DeterminismDiff: r.DeterminismDiff, FixCheck: r.Fix}
	if r.Err != nil {
		j.HarnessError = r.Err.Error()
	}
	if a := r.Analysis; a != nil {
		j.Findings, j.Errors, j.PackageErrors = a.Lines(), a.Errors, a.PackageErrors
		j.WallSeconds, j.CPUSeconds, j.PeakRSSBytes, j.Exit = a.Measure.Wall.Seconds(), a.Measure.CPU.Seconds(), a.Measure.MaxRSS, a.Measure.Exit
	}
	return j
}

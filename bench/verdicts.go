package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The verdicts mode (-verdicts) matches the findings of an earlier run
// (OUT/findings.txt) with the verdicts recorded in the ledgers
// (bench/*.tsv), by entry name, file:line and check/category, and prints
// each finding with its verdict, then per check: TP, FP, moot (MOOT and
// debatable), unjudged, precision TP/(TP+FP) and the moot share of the
// judged findings. A finding no ledger has judged is UNJUDGED: judge it
// and record it before reading the figures.

// verdictKey identifies a judged finding.
type verdictKey struct{ entry, fileLine, category string }

// readVerdicts reads every ledger *.tsv of dir: a header line naming the
// columns (module, file:line, check/category, verdict), then one row per
// finding; lines starting with # are comments. A later ledger's verdict
// of the same finding replaces an earlier one (files in name order).
func readVerdicts(dir string) (map[verdictKey]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	verdicts := make(map[verdictKey]string)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		col := map[string]int{}
		for line := range strings.Lines(string(data)) {
			line = strings.TrimRight(line, "\r\n")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fields := strings.Split(line, "\t")
			if len(col) == 0 {
				for i, name := range fields {
					col[name] = i
				}
				continue
			}
			get := func(name string) string {
				if i, ok := col[name]; ok && i < len(fields) {
					return fields[i]
				}
				return ""
			}
			if run := get("run"); run != "" && run != "default" {
				continue // a run with extra flags (blindretry) is not the default output
			}
			v := get("verdict")
			switch v {
			case "TP", "FP", "MOOT", "debatable":
				verdicts[verdictKey{get("module"), get("file:line"), get("check/category")}] = v
			}
		}
	}
	return verdicts, nil
}

// findingLine matches a line of findings.txt: ID/file:line:col:
// [check/category] message, where the ID is std or a module path with
// its @version (a version holds no slash).
var findingLine = regexp.MustCompile(`^(std|[^@\s]+@[^/\s]+)/(\S+?):(\d+):\d+: \[(\S+)\]`)

// verdictTally counts the verdicts of one check's findings.
type verdictTally struct{ tp, fp, moot, unjudged int }

// verdictsMode prints the verdict of each finding of out/findings.txt and
// the tallies.
func verdictsMode(benchDir, out string, entries []Entry, w io.Writer) error {
	verdicts, err := readVerdicts(benchDir)
	if err != nil {
		return err
	}
	names := make(map[string]string) // entry ID (module@version, std) -> name
	for _, e := range entries {
		names[e.ID()] = e.Name
	}
	f, err := os.Open(filepath.Join(out, "findings.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	tallies := map[string]*verdictTally{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := findingLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		id, file, line, category := m[1], m[2], m[3], m[4]
		name := cmp.Or(names[id], id)
		v := verdicts[verdictKey{name, file + ":" + line, category}]
		check, _, _ := strings.Cut(category, "/")
		t := tallies[check]
		if t == nil {
			t = new(verdictTally)
			tallies[check] = t
		}
		switch v {
		case "TP":
			t.tp++
		case "FP":
			t.fp++
		case "MOOT", "debatable":
			t.moot++
		default:
			v = "UNJUDGED"
			t.unjudged++
		}
		fmt.Fprintf(w, "%-9s %s %s:%s %s\n", v, name, file, line, category)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n| check | findings | TP | FP | moot | unjudged | precision TP/(TP+FP) | moot share of judged |\n|---|--:|--:|--:|--:|--:|--:|--:|\n")
	checks := make([]string, 0, len(tallies))
	var all verdictTally
	for c, t := range tallies {
		checks = append(checks, c)
		all.tp, all.fp, all.moot, all.unjudged = all.tp+t.tp, all.fp+t.fp, all.moot+t.moot, all.unjudged+t.unjudged
	}
	slices.Sort(checks)
	row := func(name string, t *verdictTally) {
		prec, moot := "-", "-"
		if t.tp+t.fp > 0 {
			prec = fmt.Sprintf("%.0f%%", 100*float64(t.tp)/float64(t.tp+t.fp))
		}
		if judged := t.tp + t.fp + t.moot; judged > 0 {
			moot = fmt.Sprintf("%.0f%%", 100*float64(t.moot)/float64(judged))
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %s | %s |\n", name, t.tp+t.fp+t.moot+t.unjudged, t.tp, t.fp, t.moot, t.unjudged, prec, moot)
	}
	for _, c := range checks {
		row(c, tallies[c])
	}
	row("all", &all)
	return nil
}

package main

// toctou -sarif: the log has one rule per analyzer with its docs, CWEs
// and security-severity, the results are the standalone findings with
// partialFingerprints, the findings that //toctou:ignore suppressed are
// results marked as suppressed, and the SARIF Multitool's validate
// command (npm package @microsoft/sarif-multitool, installed by .ci/run)
// finds no error or warning in it.

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/sarif"
)

const multitoolHow = "install it with: npm install --prefix DIR @microsoft/sarif-multitool@5.7.0, " +
	"then chmod u+x DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool and set TOCTOU_MULTITOOL to that file (.ci/run does this)"

// sarifRun runs toctou -sarif with args in dir and decodes the log.
func sarifRun(t *testing.T, dir string, args ...string) (*sarif.Log, string) {
	t.Helper()
	// Not run: it would remove dir from the output, URIs included.
	cmd := exec.Command(toctou(t), append([]string{"-sarif"}, args...)...)
	cmd.Dir = dir
	cmd.Env = goEnv("")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("toctou -sarif %s: want exit code 0 and nothing on stderr, got %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var log sarif.Log
	if err := json.Unmarshal(stdout, &log); err != nil {
		t.Fatalf("toctou -sarif output does not parse: %v\n%s", err, stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("want one run of SARIF 2.1.0, got version %q with %d runs", log.Version, len(log.Runs))
	}
	file := filepath.Join(t.TempDir(), "toctou.sarif")
	if err := os.WriteFile(file, stdout, 0o644); err != nil {
		t.Fatal(err)
	}
	return &log, file
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	dir := demoCopy(t)
	log, file := sarifRun(t, dir, "./...")
	run0 := log.Runs[0]

	// One rule per analyzer of the binary, with its docs and CWEs.
	analyzers := suite(flag.NewFlagSet("toctou", flag.ContinueOnError), false)
	if len(run0.Tool.Driver.Rules) != len(analyzers) {
		t.Fatalf("%d rules for %d analyzers", len(run0.Tool.Driver.Rules), len(analyzers))
	}
	cwes := make(map[string][]int)
	severities := make(map[string]analyzer.Severity)
	for _, row := range analyzer.Passes() {
		cwes[row.Analyzer.Name] = row.CWE
		severities[row.Analyzer.Name] = row.Severity
	}
	for i, a := range analyzers {
		rule := run0.Tool.Driver.Rules[i]
		if rule.ID != a.Name || rule.HelpURI != a.URL || rule.Help == nil || rule.Help.Text != a.Doc {
			t.Errorf("rule %d: id %q, helpUri %q; want %q with the analyzer's URL %q and Doc", i, rule.ID, rule.HelpURI, a.Name, a.URL)
		}
		tags, _ := rule.Properties["tags"].([]any)
		// GitHub shows the security-severity of rules tagged security:
		// the passes of the table, which all have CWEs.
		score, _ := rule.Properties["security-severity"].(string)
		if sev, inTable := severities[a.Name]; inTable {
			if score != sarif.SecuritySeverity(sev) || !slices.Contains(tags, any("security")) {
				t.Errorf("rule %s: security-severity %q, tags %v; want %q and the tag security", a.Name, score, tags, sarif.SecuritySeverity(sev))
			}
		} else if score != "" || slices.Contains(tags, any("security")) {
			t.Errorf("rule %s (not a pass of the table): security-severity %q, tags %v; want neither", a.Name, score, tags)
		}
		for _, cwe := range cwes[a.Name] {
			tag := fmt.Sprintf("external/cwe/cwe-%d", cwe)
			if !slices.Contains(tags, any(tag)) {
				t.Errorf("rule %s: no tag %s in %v", a.Name, tag, tags)
			}
			if !slices.ContainsFunc(rule.Relationships, func(r sarif.ReportingDescriptorRelationship) bool {
				return r.Target.ID == fmt.Sprint(cwe)
			}) {
				t.Errorf("rule %s: no relationship to CWE %d", a.Name, cwe)
			}
		}
	}

	// The results are the standalone findings, related locations and
	// fixes included. (The demo files are ASCII: UTF-16 columns are byte
	// columns.)
	if base := run0.OriginalURIBaseIDs[sarif.SrcRoot].URI; base != fileURI(dir)+"/" {
		t.Errorf("%s is %q, want the directory toctou ran in", sarif.SrcRoot, base)
	}
	var fs []finding
	fixes := 0
	for _, r := range run0.Results {
		posn := func(l sarif.Location) string {
			p := l.PhysicalLocation
			if p.ArtifactLocation.URIBaseID != sarif.SrcRoot {
				t.Errorf("location %s is not relative to %s", p.ArtifactLocation.URI, sarif.SrcRoot)
			}
			return fmt.Sprintf("%s:%d:%d", p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn)
		}
		fs = append(fs, finding{posn(r.Locations[0]), r.Message.Text})
		for _, rel := range r.RelatedLocations {
			fs = append(fs, finding{posn(rel), "\t" + rel.Message.Text})
		}
		if len(r.Fixes) > 0 {
			fixes++
		}
		if run0.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has ruleIndex %d", r.RuleID, r.RuleIndex)
		}
		if r.PartialFingerprints[sarif.FingerprintKey] == "" || r.PartialFingerprints[sarif.LineHashKey] == "" {
			t.Errorf("result %s at %s: partialFingerprints %v, want %s and %s",
				r.RuleID, posn(r.Locations[0]), r.PartialFingerprints, sarif.FingerprintKey, sarif.LineHashKey)
		}
		if r.Suppressions != nil {
			t.Errorf("result %s at %s is suppressed; the demo has no directive", r.RuleID, posn(r.Locations[0]))
		}
	}
	if got, want := sortedText(fs), readGolden(t, standaloneFile); got != want {
		t.Errorf("toctou -sarif reports:\n%s\nwant the standalone findings (%s):\n%s", got, standaloneFile, want)
	}
	wantFixes := 0
	for _, r := range jsonDiags(t, run(t, dir, "", toctou(t), "-json", "./...").stdout) {
		if len(r.diag.SuggestedFixes) > 0 {
			wantFixes++
		}
	}
	if fixes != wantFixes || fixes == 0 {
		t.Errorf("%d results with fixes, want %d (the diagnostics with suggested fixes)", fixes, wantFixes)
	}

	// The suppression module: the directive checker's results, with
	// -unused, and the suppressed findings, marked as such with the
	// directive's reason.
	supDir := filepath.Join(t.TempDir(), "suppress")
	writeFiles(t, supDir, suppressionModule)
	supLog, supFile := sarifRun(t, supDir, "-ignoredirective.unused", "./...")
	byRule := make(map[string]int)
	var suppressed []string
	for _, r := range supLog.Runs[0].Results {
		byRule[r.RuleID]++
		for _, s := range r.Suppressions {
			suppressed = append(suppressed, fmt.Sprintf("%s:%d: %s: %s: %s", r.Locations[0].PhysicalLocation.ArtifactLocation.URI,
				r.Locations[0].PhysicalLocation.Region.StartLine, r.RuleID, s.Kind, s.Justification))
		}
	}
	if byRule["ignoredirective"] != 3 || byRule["pathrace"] != 3 {
		t.Errorf("suppression module: %v results by rule, want 3 of ignoredirective (no reason, unused, unknown name) "+
			"and 3 of pathrace (two suppressed, one whose directive gives no reason)", byRule)
	}
	wantSuppressed := []string{
		"lock/lock.go:12: pathrace: inSource: the directory is private to this process",
		"lock/lock.go:20: pathrace: inSource: only this process writes here",
	}
	if !slices.Equal(suppressed, wantSuppressed) {
		t.Errorf("suppression module: suppressed results\n\t%s\nwant\n\t%s", strings.Join(suppressed, "\n\t"), strings.Join(wantSuppressed, "\n\t"))
	}
	// The text output does not show them: they are no failures.
	if res := run(t, supDir, "", toctou(t), "./..."); strings.Contains(res.stderr, ":12:") || strings.Contains(res.stderr, ":20:") {
		t.Errorf("toctou ./... prints suppressed findings:\n%s", res.stderr)
	}

	// Lines inserted at the top of the file keep every fingerprint.
	moved := maps.Clone(suppressionModule)
	moved["lock/lock.go"] = "\n\n\n" + moved["lock/lock.go"]
	movedDir := filepath.Join(t.TempDir(), "moved")
	writeFiles(t, movedDir, moved)
	movedLog, _ := sarifRun(t, movedDir, "-ignoredirective.unused", "./...")
	fingerprints := func(log *sarif.Log) []string {
		var fps []string
		for _, r := range log.Runs[0].Results {
			fps = append(fps, fmt.Sprintf("%s %s %s", r.RuleID, r.PartialFingerprints[sarif.FingerprintKey], r.PartialFingerprints[sarif.LineHashKey]))
		}
		return fps
	}
	if got, want := fingerprints(movedLog), fingerprints(supLog); !slices.Equal(got, want) {
		t.Errorf("fingerprints after three lines were inserted at the top:\n\t%s\nwant the same as before:\n\t%s",
			strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	} else if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
		t.Errorf("two results share fingerprints:\n\t%s", strings.Join(got, "\n\t"))
	}

	multitool := externalTool(t, multitoolEnv, multitoolHow)
	validateSARIF(t, multitool, file)
	validateSARIF(t, multitool, supFile)
}

// validateSARIF runs the SARIF Multitool's validate command on file and
// fails on any error or warning it reports (notes, such as "the helpUri
// was not reachable" offline, are allowed).
func validateSARIF(t *testing.T, multitool, file string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "validation.sarif")
	cmd := exec.Command(multitool, "validate", file, "--output", out, "--level", "Error;Warning;Note")
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool validate %s: %v\n%s", file, err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("sarif-multitool validate wrote no result: %v\n%s", err, output)
	}
	var validation sarif.Log
	if err := json.Unmarshal(data, &validation); err != nil {
		t.Fatalf("validation log: %v", err)
	}
	for _, run := range validation.Runs {
		for _, r := range run.Results {
			level := r.Level
			if level == "" {
				level = "warning" // SARIF's default
			}
			if level == "error" || level == "warning" {
				t.Errorf("sarif-multitool validate: %s %s: %s", level, r.RuleID, r.Message.Text)
			}
		}
	}
}

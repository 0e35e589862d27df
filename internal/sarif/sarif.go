// Package sarif converts toctou's diagnostics into a SARIF 2.1.0 log, the
// format GitHub code scanning and other result viewers read.
//
// The log has one run whose tool driver is toctou, with one rule per
// analyzer (id and name are the analyzer's name, the help text is its
// Doc, helpUri is Analyzer.URL), the CWE identifiers of the metadata table
// as "external/cwe/cwe-N" tags and as relationships to a CWE taxonomy, a
// "security" tag and a "security-severity" score for the passes of the
// table, and one result per diagnostic: its category as a property, its
// Related positions as relatedLocations, its SuggestedFixes as fixes, and
// partialFingerprints that follow it across commits (see Fingerprint and
// LineHashes). Diagnostics that //toctou:ignore directives suppressed are
// results too, with an inSource suppression giving the directive's reason.
//
// Columns are counted in UTF-16 code units, SARIF's default, so the
// source files are read to convert go/token's byte columns.
package sarif

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/internal/ignore"
)

// Version and Schema identify the SARIF version the log follows.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// SrcRoot is the uriBaseId of every artifact location below the root
// directory given to Builder.
const SrcRoot = "%SRCROOT%"

// Log is a SARIF log (the top-level object).
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one run of the tool.
type Run struct {
	Tool               Tool                        `json:"tool"`
	Invocations        []Invocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []Result                    `json:"results"`
	Taxonomies         []ToolComponent             `json:"taxonomies,omitempty"`
	ColumnKind         string                      `json:"columnKind,omitempty"`
}

// Tool holds the driver component.
type Tool struct {
	Driver ToolComponent `json:"driver"`
}

// ToolComponent is the tool driver or a taxonomy.
type ToolComponent struct {
	Name             string                `json:"name"`
	Version          string                `json:"version,omitempty"`
	SemanticVersion  string                `json:"semanticVersion,omitempty"`
	Organization     string                `json:"organization,omitempty"`
	InformationURI   string                `json:"informationUri,omitempty"`
	ShortDescription *Message              `json:"shortDescription,omitempty"`
	Rules            []ReportingDescriptor `json:"rules,omitempty"`
	Taxa             []ReportingDescriptor `json:"taxa,omitempty"`
}

// ReportingDescriptor is a rule, or a taxon of a taxonomy.
type ReportingDescriptor struct {
	ID                   string                            `json:"id"`
	Name                 string                            `json:"name,omitempty"`
	ShortDescription     *Message                          `json:"shortDescription,omitempty"`
	FullDescription      *Message                          `json:"fullDescription,omitempty"`
	Help                 *Message                          `json:"help,omitempty"`
	HelpURI              string                            `json:"helpUri,omitempty"`
	DefaultConfiguration *ReportingConfiguration           `json:"defaultConfiguration,omitempty"`
	Relationships        []ReportingDescriptorRelationship `json:"relationships,omitempty"`
	Properties           map[string]any                    `json:"properties,omitempty"`
}

// ReportingConfiguration is a rule's default level and state.
type ReportingConfiguration struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

// ReportingDescriptorRelationship links a rule to a taxon.
type ReportingDescriptorRelationship struct {
	Target ReportingDescriptorReference `json:"target"`
	Kinds  []string                     `json:"kinds,omitempty"`
}

// ReportingDescriptorReference names a taxon of a taxonomy.
type ReportingDescriptorReference struct {
	ID            string                  `json:"id"`
	ToolComponent *ToolComponentReference `json:"toolComponent,omitempty"`
}

// ToolComponentReference names a taxonomy by its index in run.taxonomies.
type ToolComponentReference struct {
	Name  string `json:"name,omitempty"`
	Index int    `json:"index"`
}

// Invocation says whether the run succeeded.
type Invocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

// Message is a plain-text (and optionally Markdown) message.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Result is one diagnostic.
type Result struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             Message           `json:"message"`
	Locations           []Location        `json:"locations"`
	RelatedLocations    []Location        `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Suppressions        []Suppression     `json:"suppressions,omitempty"`
	Fixes               []Fix             `json:"fixes,omitempty"`
	Properties          map[string]any    `json:"properties,omitempty"`

	file        string // the absolute file of the primary location
	fingerprint string // Fingerprint's hash, without the occurrence
}

// Suppression says that a result was suppressed, and why.
type Suppression struct {
	Kind          string    `json:"kind"` // "inSource" for a directive in the code
	Justification string    `json:"justification,omitempty"`
	Location      *Location `json:"location,omitempty"` // the directive
}

// InSource is one in-source suppression of a diagnostic: the span of the
// directive and the reason it gives.
type InSource struct {
	Pos, End token.Pos
	Reason   string
}

// Keys of Result.PartialFingerprints.
const (
	// FingerprintKey is toctou's own fingerprint (see Fingerprint).
	FingerprintKey = "toctou/v1"
	// LineHashKey is the fingerprint GitHub code scanning computes when
	// a result has none (see LineHashes).
	LineHashKey = "primaryLocationLineHash"
)

// Location is a place in a file, with a message for related locations.
type Location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a region of an artifact, with the lines around it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
	ContextRegion    *Region          `json:"contextRegion,omitempty"`
}

// ArtifactLocation is a file, relative to a uriBaseId or absolute.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a range of lines and columns, 1-based, the end exclusive.
type Region struct {
	StartLine   int              `json:"startLine"`
	StartColumn int              `json:"startColumn,omitempty"`
	EndLine     int              `json:"endLine,omitempty"`
	EndColumn   int              `json:"endColumn,omitempty"`
	Snippet     *ArtifactContent `json:"snippet,omitempty"`
}

// Fix is a suggested fix.
type Fix struct {
	Description     Message          `json:"description"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

// ArtifactChange is the edits of a fix in one file.
type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

// Replacement replaces a region by text.
type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

// ArtifactContent is inserted text.
type ArtifactContent struct {
	Text string `json:"text"`
}

// Builder collects diagnostics and builds the log.
type Builder struct {
	root     string // absolute directory that SrcRoot stands for
	rules    []ReportingDescriptor
	levels   []string
	ruleOf   map[string]int
	cwes     []int
	results  []Result
	seen     map[string]bool
	lines    map[string][]string // file -> lines, for UTF-16 columns
	version  string
	failures bool
}

// SecuritySeverity returns the "security-severity" score that GitHub
// code scanning reads from a rule's properties, for a pass of the table
// with severity sev: GitHub shows at least 9.0 as critical, 7.0 to 8.9 as
// high, 4.0 to 6.9 as medium and 0.1 to 3.9 as low. An error is high, a
// warning medium and a note low.
func SecuritySeverity(sev analyzer.Severity) string {
	switch sev {
	case analyzer.Error:
		return "7.5"
	case analyzer.Note:
		return "2.0"
	}
	return "5.0"
}

// NewBuilder returns a Builder with one rule per analyzer, in order. rows
// supply the CWE identifiers, severity and default of the analyzers of
// the table; an analyzer without a row (the directive checker) is on by
// default with level "warning" and no CWE. root is the directory that
// relative artifact URIs start from; version is toctou's version, or "".
func NewBuilder(root, version string, analyzers []*analysis.Analyzer, rows []analyzer.Pass) *Builder {
	b := &Builder{
		root:    root,
		ruleOf:  make(map[string]int),
		seen:    make(map[string]bool),
		lines:   make(map[string][]string),
		version: version,
	}
	meta := make(map[string]analyzer.Pass)
	for _, row := range rows {
		meta[row.Analyzer.Name] = row
	}
	cweSet := make(map[int]bool)
	for _, a := range analyzers {
		row, inTable := meta[a.Name]
		level := string(analyzer.Warning)
		enabled := true
		if inTable {
			level = string(row.Severity)
			enabled = row.Default
		}
		summary, _, _ := strings.Cut(a.Doc, "\n")
		rule := ReportingDescriptor{
			ID:                   a.Name,
			Name:                 friendlyName(a.Name),
			ShortDescription:     &Message{Text: sentence(summary)},
			FullDescription:      &Message{Text: sentence(summary)},
			Help:                 &Message{Text: a.Doc, Markdown: helpMarkdown(a)},
			HelpURI:              a.URL,
			DefaultConfiguration: &ReportingConfiguration{Enabled: enabled, Level: level},
			Properties:           map[string]any{},
		}
		tags := []string{"toctou"}
		if inTable && len(row.CWE) > 0 {
			// GitHub shows a security-severity only for rules tagged
			// security; a rule with a CWE is about a weakness.
			tags = append(tags, "security")
			rule.Properties["security-severity"] = SecuritySeverity(row.Severity)
		}
		if inTable {
			for _, cwe := range row.CWE {
				tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", cwe))
				rule.Relationships = append(rule.Relationships, ReportingDescriptorRelationship{
					Target: ReportingDescriptorReference{ID: fmt.Sprint(cwe), ToolComponent: &ToolComponentReference{Name: "CWE", Index: 0}},
					Kinds:  []string{"relevant"},
				})
				cweSet[cwe] = true
			}
			rule.Properties["precision"] = "high"
			rule.Properties["problem.severity"] = level
			var cats []string
			for _, c := range row.Categories {
				cats = append(cats, c.Name)
			}
			rule.Properties["categories"] = cats
		}
		rule.Properties["tags"] = tags
		b.ruleOf[a.Name] = len(b.rules)
		b.rules = append(b.rules, rule)
		b.levels = append(b.levels, level)
	}
	b.cwes = slices.Sorted(func(yield func(int) bool) {
		for c := range cweSet {
			if !yield(c) {
				return
			}
		}
	})
	return b
}

// friendlyName returns the rule's name, the Pascal-case identifier SARIF
// viewers show: "pathrace" becomes "ToctouPathrace" (a name that differs
// from the id only in case counts as the same).
func friendlyName(id string) string {
	if id == "" {
		return id
	}
	return "Toctou" + strings.ToUpper(id[:1]) + id[1:]
}

// sentence makes an analyzer summary a sentence: capitalized, with a
// final period.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = strings.ToUpper(string(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// helpMarkdown renders an analyzer's Doc as Markdown: indented blocks are
// Go code, and a link to its page ends the text.
func helpMarkdown(a *analysis.Analyzer) string {
	var b strings.Builder
	inCode := false
	for line := range strings.Lines(a.Doc) {
		line = strings.TrimSuffix(line, "\n")
		code := strings.HasPrefix(line, "\t")
		switch {
		case code && !inCode:
			b.WriteString("```go\n")
			inCode = true
		case !code && inCode && line != "":
			b.WriteString("```\n")
			inCode = false
		}
		if inCode {
			line = strings.TrimPrefix(line, "\t")
		}
		b.WriteString(line + "\n")
	}
	if inCode {
		b.WriteString("```\n")
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "\nSee [%s](%s).\n", a.Name, a.URL)
	}
	return b.String()
}

// Add records one diagnostic of the named analyzer. Diagnostics already
// added (a file shared by a package and its test variant) are ignored.
func (b *Builder) Add(fset *token.FileSet, analyzerName string, d analysis.Diagnostic) error {
	return b.add(fset, analyzerName, d, nil)
}

// AddSuppressed records one diagnostic of the named analyzer that
// directives in the source suppressed (by, at least one): its result has
// one inSource suppression per directive, with the directive's reason as
// the justification. Like Add, it ignores diagnostics already added.
func (b *Builder) AddSuppressed(fset *token.FileSet, analyzerName string, d analysis.Diagnostic, by []InSource) error {
	if len(by) == 0 {
		return fmt.Errorf("suppressed diagnostic of analyzer %q without a directive", analyzerName)
	}
	return b.add(fset, analyzerName, d, by)
}

// add is Add, with the in-source suppressions of the diagnostic, if any.
func (b *Builder) add(fset *token.FileSet, analyzerName string, d analysis.Diagnostic, suppressedBy []InSource) error {
	ruleIndex, ok := b.ruleOf[analyzerName]
	if !ok {
		return fmt.Errorf("diagnostic of analyzer %q, which has no rule", analyzerName)
	}
	start := fset.Position(d.Pos)
	key := analyzerName + "\x00" + start.String() + "\x00" + d.Message
	if b.seen[key] {
		return nil
	}
	b.seen[key] = true
	loc, err := b.location(fset, d.Pos, d.End)
	if err != nil {
		return err
	}
	r := Result{
		RuleID:    analyzerName,
		RuleIndex: ruleIndex,
		Level:     b.levels[ruleIndex],
		Message:   Message{Text: d.Message},
		Locations: []Location{loc},
		file:      start.Filename,
	}
	region := loc.PhysicalLocation.Region
	r.fingerprint = Fingerprint(analyzerName, d.Category, loc.PhysicalLocation.ArtifactLocation,
		b.lines[start.Filename], region.StartLine, max(region.StartLine, region.EndLine))
	if d.Category != "" {
		r.Properties = map[string]any{"category": d.Category}
	}
	for _, by := range suppressedBy {
		s := Suppression{Kind: "inSource", Justification: by.Reason}
		if region, file, err := b.region(fset, by.Pos, by.End, false); err == nil {
			s.Location = &Location{PhysicalLocation: PhysicalLocation{ArtifactLocation: b.artifact(file), Region: &region}}
		}
		r.Suppressions = append(r.Suppressions, s)
	}
	for i, rel := range d.Related {
		rloc, err := b.location(fset, rel.Pos, rel.End)
		if err != nil {
			return err
		}
		id := i + 1
		rloc.ID = &id
		rloc.Message = &Message{Text: rel.Message}
		r.RelatedLocations = append(r.RelatedLocations, rloc)
	}
	for _, fix := range d.SuggestedFixes {
		f, err := b.fix(fset, fix)
		if err != nil {
			return err
		}
		r.Fixes = append(r.Fixes, f)
	}
	b.results = append(b.results, r)
	return nil
}

// Fingerprint returns toctou's fingerprint of a result, without its
// occurrence: the hex SHA-256 (first 16 bytes) of the rule id, the
// diagnostic's category, the artifact location and the text of lines
// first to last of the file (1-based; lines holds the file's lines).
// The text is normalized so that edits around the finding do not change
// it: each line loses a //toctou:ignore directive that follows code on
// it (so suppressing a finding keeps its fingerprint), and runs of
// white space become one space (gofmt realigns comments and literals when
// a neighbour changes). The line numbers themselves are not part of it,
// so moving the code keeps the fingerprint.
//
// Log completes it with ":N", N counting from 1 the results of the same
// file with the same hash in position order, so that two findings on
// identical lines stay apart.
func Fingerprint(ruleID, category string, artifact ArtifactLocation, lines []string, first, last int) string {
	h := sha256.New()
	for _, part := range []string{FingerprintKey, ruleID, category, artifact.URIBaseID, artifact.URI} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	for n := first; n >= 1 && n <= last && n <= len(lines); n++ {
		line := lines[n-1]
		if i := strings.Index(line, ignore.Prefix); i >= 0 && strings.TrimSpace(line[:i]) != "" {
			line = line[:i] // a directive after code, added to suppress the finding
		}
		h.Write([]byte(strings.Join(strings.Fields(line), " ")))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// fix converts a suggested fix, grouping its edits by file.
func (b *Builder) fix(fset *token.FileSet, fix analysis.SuggestedFix) (Fix, error) {
	f := Fix{Description: Message{Text: fix.Message}}
	byFile := make(map[string]int)
	for _, edit := range fix.TextEdits {
		end := edit.End
		if !end.IsValid() {
			end = edit.Pos
		}
		region, file, err := b.region(fset, edit.Pos, end, true)
		if err != nil {
			return f, err
		}
		i, ok := byFile[file]
		if !ok {
			i = len(f.ArtifactChanges)
			byFile[file] = i
			f.ArtifactChanges = append(f.ArtifactChanges, ArtifactChange{ArtifactLocation: b.artifact(file)})
		}
		rep := Replacement{DeletedRegion: region}
		if len(edit.NewText) > 0 {
			rep.InsertedContent = &ArtifactContent{Text: string(edit.NewText)}
		}
		f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, rep)
	}
	return f, nil
}

// location returns the physical location of [pos, end), with the source
// lines of the region as its snippet and up to two lines either side as
// its context.
func (b *Builder) location(fset *token.FileSet, pos, end token.Pos) (Location, error) {
	region, file, err := b.region(fset, pos, end, false)
	if err != nil {
		return Location{}, err
	}
	lastLine := max(region.StartLine, region.EndLine)
	region.Snippet = b.snippet(file, region.StartLine, lastLine)
	loc := Location{PhysicalLocation: PhysicalLocation{ArtifactLocation: b.artifact(file), Region: &region}}
	first, last := max(region.StartLine-contextLines, 1), min(lastLine+contextLines, len(b.lines[file]))
	if snippet := b.snippet(file, first, last); snippet != nil {
		loc.PhysicalLocation.ContextRegion = &Region{StartLine: first, EndLine: last, Snippet: snippet}
	}
	return loc, nil
}

// contextLines is how many lines around a location its context shows.
const contextLines = 2

// snippet returns lines first to last of file, or nil if it has none.
func (b *Builder) snippet(file string, first, last int) *ArtifactContent {
	lines := b.lines[file]
	if first < 1 || last > len(lines) || first > last {
		return nil
	}
	return &ArtifactContent{Text: strings.Join(lines[first-1:last], "")}
}

// region returns the region of [pos, end) and its file name. Without an
// end, the region is the start position alone; with exact, an empty range
// stays empty (an insertion), otherwise a region always has a start.
func (b *Builder) region(fset *token.FileSet, pos, end token.Pos, exact bool) (Region, string, error) {
	if !pos.IsValid() {
		return Region{}, "", fmt.Errorf("diagnostic without a position")
	}
	start := fset.Position(pos)
	startCol, err := b.column(start)
	if err != nil {
		return Region{}, "", err
	}
	r := Region{StartLine: start.Line, StartColumn: startCol}
	if end.IsValid() && (end > pos || exact) {
		stop := fset.Position(end)
		endCol, err := b.column(stop)
		if err != nil {
			return Region{}, "", err
		}
		r.EndLine, r.EndColumn = stop.Line, endCol
	}
	return r, start.Filename, nil
}

// column converts a byte column to a 1-based UTF-16 column.
func (b *Builder) column(p token.Position) (int, error) {
	lines, ok := b.lines[p.Filename]
	if !ok {
		data, err := os.ReadFile(p.Filename)
		if err != nil {
			return 0, err
		}
		lines = strings.SplitAfter(string(data), "\n")
		b.lines[p.Filename] = lines
	}
	if p.Line < 1 || p.Line > len(lines) || p.Column < 1 {
		return p.Column, nil // past the end (an insertion at EOF): keep the byte column
	}
	return UTF16Column(lines[p.Line-1], p.Column), nil
}

// UTF16Column converts the 1-based byte column col of line into a 1-based
// column counted in UTF-16 code units.
func UTF16Column(line string, col int) int {
	prefix := line[:min(col-1, len(line))]
	n := 0
	for _, r := range prefix {
		n += max(utf16.RuneLen(r), 1)
	}
	return n + 1 + max(col-1-len(line), 0)
}

// artifact returns the location of file: relative to SrcRoot when it is
// under the root, an absolute file URI otherwise.
func (b *Builder) artifact(file string) ArtifactLocation {
	if rel, err := filepath.Rel(b.root, file); err == nil && filepath.IsLocal(rel) {
		return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: SrcRoot}
	}
	return ArtifactLocation{URI: fileURI(file, false)}
}

// fileURI returns the file:// URI of an absolute path; with isDir, the
// URI ends with a slash, as a uriBaseId must.
func fileURI(path string, isDir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	if isDir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// fingerprint sets the partialFingerprints of results, which are in
// position order: toctou's own (Fingerprint, with the occurrence) and,
// for files below the root, GitHub's primaryLocationLineHash (LineHashes).
func (b *Builder) fingerprint(results []Result) {
	type key struct{ file, hash string }
	occurrences := make(map[key]int)
	lineHashes := make(map[string][]string)
	for i := range results {
		r := &results[i]
		occurrences[key{r.file, r.fingerprint}]++
		r.PartialFingerprints = map[string]string{
			FingerprintKey: fmt.Sprintf("%s:%d", r.fingerprint, occurrences[key{r.file, r.fingerprint}]),
		}
		if r.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != SrcRoot {
			continue // GitHub fingerprints only files of the checkout
		}
		hashes, ok := lineHashes[r.file]
		if !ok {
			hashes = LineHashes(strings.Join(b.lines[r.file], ""))
			lineHashes[r.file] = hashes
		}
		if line := r.Locations[0].PhysicalLocation.Region.StartLine; line >= 1 && line <= len(hashes) {
			r.PartialFingerprints[LineHashKey] = hashes[line-1]
		}
	}
}

// LineHashes returns the primaryLocationLineHash of each line of a file
// whose content is text, as GitHub's upload-sarif action computes it
// (github/codeql-action, src/fingerprints.ts) for a result that has none,
// or nil when it cannot promise the same value: text that is not valid
// UTF-8, which the action decodes with replacement characters of its own.
//
// The algorithm, over the text's UTF-16 code units: spaces and tabs are
// skipped, CR LF, CR and LF all count as one LF, and one code unit 65535
// marks the end; the hash of a line is a rolling polynomial hash (base 37,
// modulo 2^64) of the 100 code units that follow its start, padded with
// zeros after the end, in hex, followed by ":N" where N counts the
// earlier lines of the file with the same hash, plus one. A file has one
// more line than it has line breaks; a byte order mark is a code unit
// like any other.
func LineHashes(text string) []string {
	if !utf8.ValidString(text) {
		return nil
	}
	h := lineHasher{counts: make(map[uint64]int)}
	for i := range h.lineStarts {
		h.lineStarts[i] = -1
	}
	h.lineStart = true
	for _, r := range text {
		if r < utf8.RuneSelf {
			h.process(uint64(r))
			continue
		}
		r1, r2 := utf16.EncodeRune(r)
		if r1 == utf8.RuneError && r2 == utf8.RuneError { // in the BMP
			h.process(uint64(r))
			continue
		}
		h.process(uint64(r1))
		h.process(uint64(r2))
	}
	h.process(lineHashEOF)
	for range lineHashBlock {
		if h.lineStarts[h.index] != -1 {
			h.output()
		}
		h.update(0)
	}
	return h.hashes
}

// The constants of LineHashes.
const (
	lineHashBlock    = 100
	lineHashBase     = 37
	lineHashEOF      = 0xFFFF
	lineHashFirstMod = 0xe59cd09a331cdb71 // lineHashBase^lineHashBlock modulo 2^64
)

// lineHasher is the state of LineHashes.
type lineHasher struct {
	window     [lineHashBlock]uint64
	lineStarts [lineHashBlock]int // the line that starts at this slot of the window, or -1
	hash       uint64
	index      int // the next slot of the window
	lines      int // lines started so far
	lineStart  bool
	prevCR     bool
	counts     map[uint64]int
	hashes     []string
}

// output appends the hash of the line that starts at the current slot:
// lines come out in order, as their slots come back.
func (h *lineHasher) output() {
	h.counts[h.hash]++
	h.hashes = append(h.hashes, fmt.Sprintf("%x:%d", h.hash, h.counts[h.hash]))
	h.lineStarts[h.index] = -1
}

// update moves the window over one code unit.
func (h *lineHasher) update(c uint64) {
	begin := h.window[h.index]
	h.window[h.index] = c
	h.hash = lineHashBase*h.hash + c - lineHashFirstMod*begin
	h.index++
	if h.index == lineHashBlock {
		h.index = 0
	}
}

// process reads one code unit.
func (h *lineHasher) process(c uint64) {
	if c == ' ' || c == '\t' || (h.prevCR && c == '\n') {
		h.prevCR = false
		return
	}
	h.prevCR = c == '\r'
	if h.prevCR {
		c = '\n'
	}
	if h.lineStarts[h.index] != -1 {
		h.output()
	}
	if h.lineStart {
		h.lineStart = false
		h.lines++
		h.lineStarts[h.index] = h.lines
	}
	if c == '\n' {
		h.lineStart = true
	}
	h.update(c)
}

// Failed records that the analysis did not complete (load or analysis
// errors); the log's invocation then says so.
func (b *Builder) Failed() { b.failures = true }

// Log returns the log of the diagnostics added so far, results in file,
// line, column and rule order.
func (b *Builder) Log() *Log {
	results := slices.Clone(b.results)
	slices.SortStableFunc(results, func(x, y Result) int {
		lx, ly := x.Locations[0].PhysicalLocation, y.Locations[0].PhysicalLocation
		return cmp.Or(
			strings.Compare(lx.ArtifactLocation.URI, ly.ArtifactLocation.URI),
			cmp.Compare(lx.Region.StartLine, ly.Region.StartLine),
			cmp.Compare(lx.Region.StartColumn, ly.Region.StartColumn),
			strings.Compare(x.RuleID, y.RuleID),
			strings.Compare(x.Message.Text, y.Message.Text),
		)
	})
	if results == nil {
		results = []Result{}
	}
	b.fingerprint(results)
	driver := ToolComponent{
		Name:           "toctou",
		InformationURI: "https://github.com/toctou/toctou",
		Rules:          b.rules,
	}
	// A version must start with a digit; a build from a checkout has none.
	driver.Version = "0.0.0-devel"
	if v, ok := strings.CutPrefix(b.version, "v"); ok {
		driver.Version, driver.SemanticVersion = v, v
	}
	run := Run{
		Tool:        Tool{Driver: driver},
		Invocations: []Invocation{{ExecutionSuccessful: !b.failures}},
		OriginalURIBaseIDs: map[string]ArtifactLocation{
			SrcRoot: {URI: fileURI(b.root, true)},
		},
		Results:    results,
		ColumnKind: "utf16CodeUnits",
	}
	if len(b.cwes) > 0 {
		cwe := ToolComponent{
			Name:             "CWE",
			Version:          "4.17",
			Organization:     "MITRE",
			InformationURI:   "https://cwe.mitre.org/data/published/cwe_v4.17.pdf",
			ShortDescription: &Message{Text: "The MITRE Common Weakness Enumeration."},
		}
		for _, id := range b.cwes {
			cwe.Taxa = append(cwe.Taxa, ReportingDescriptor{
				ID:      fmt.Sprint(id),
				Name:    fmt.Sprintf("CWE-%d", id),
				HelpURI: fmt.Sprintf("https://cwe.mitre.org/data/definitions/%d.html", id),
			})
		}
		run.Taxonomies = []ToolComponent{cwe}
	}
	return &Log{Schema: Schema, Version: Version, Runs: []Run{run}}
}

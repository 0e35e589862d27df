package main

// The editor path: the gopls build of tools/gopls, driven over stdio by a
// small LSP client as an editor would drive it. The test opens a file of
// the demo module, waits for the diagnostics gopls publishes, checks that
// the toctou findings are there with the pass name as their source, asks
// for the quick fix and applies it (it must make the edits of the
// standalone checker's suggested fix), and checks that the "analyses"
// setting turns a pass off.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const goplsHow = "build it with tools/gopls/build.sh and set TOCTOU_GOPLS=$PWD/bin/gopls-toctou"

// lspClient is a minimal LSP client over a gopls process's stdio.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	mu     sync.Mutex
	nextID int
	calls  map[int]chan lspMessage
	notes  chan lspMessage // notifications from the server
	done   chan struct{}
	config map[string]any // answer to workspace/configuration
}

type lspMessage struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  json.RawMessage  `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspDiagnostic struct {
	Range    lspRange        `json:"range"`
	Severity int             `json:"severity"`
	Code     json.RawMessage `json:"code,omitempty"`
	CodeDesc *struct {
		Href string `json:"href"`
	} `json:"codeDescription,omitempty"`
	Source  string          `json:"source"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
	Related []struct {
		Message string `json:"message"`
	} `json:"relatedInformation,omitempty"`
}

type lspTextEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type lspWorkspaceEdit struct {
	Changes         map[string][]lspTextEdit `json:"changes,omitempty"`
	DocumentChanges []struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
		Edits []lspTextEdit `json:"edits"`
	} `json:"documentChanges,omitempty"`
}

type lspCodeAction struct {
	Title       string            `json:"title"`
	Kind        string            `json:"kind"`
	Diagnostics []lspDiagnostic   `json:"diagnostics,omitempty"`
	Edit        *lspWorkspaceEdit `json:"edit,omitempty"`
	Command     *struct {
		Command   string            `json:"command"`
		Arguments []json.RawMessage `json:"arguments"`
	} `json:"command,omitempty"`
	Data json.RawMessage `json:"data,omitempty"`
}

// startGopls starts gopls in dir with the given settings.
func startGopls(t *testing.T, gopls, dir string, settings map[string]any) *lspClient {
	t.Helper()
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	// gopls's own caches go to a fresh directory; the go command it runs
	// is offline like every command of these tests.
	cmd.Env = append(goEnv(t.TempDir()), "GOPLSCACHE="+t.TempDir(), "GOTELEMETRY=off", "XDG_CONFIG_HOME="+t.TempDir())
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, cmd: cmd, stdin: stdin, calls: make(map[int]chan lspMessage),
		notes: make(chan lspMessage, 1000), done: make(chan struct{}), config: settings}
	go c.read(bufio.NewReader(stdout))
	t.Cleanup(func() {
		c.shutdown()
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("gopls stderr:\n%s", stderr.String())
		}
	})
	return c
}

// read dispatches the server's messages: responses to their callers,
// notifications to c.notes, and answers the server's own requests.
func (c *lspClient) read(r *bufio.Reader) {
	defer close(c.done)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m lspMessage
		if err := json.Unmarshal(body, &m); err != nil {
			continue
		}
		switch {
		case m.Method != "" && m.ID != nil: // a request from the server
			c.answer(m)
		case m.Method != "":
			select {
			case c.notes <- m:
			default: // nobody reads old notifications
			}
		case m.ID != nil:
			var id int
			_ = json.Unmarshal(*m.ID, &id)
			c.mu.Lock()
			ch := c.calls[id]
			delete(c.calls, id)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		}
	}
}

// answer replies to a request of the server: the settings for
// workspace/configuration, null for everything else.
func (c *lspClient) answer(m lspMessage) {
	var result any
	if m.Method == "workspace/configuration" {
		var params struct {
			Items []json.RawMessage `json:"items"`
		}
		_ = json.Unmarshal(m.Params, &params)
		configs := make([]any, len(params.Items))
		for i := range configs {
			configs[i] = c.config
		}
		result = configs
	}
	c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
}

func (c *lspClient) send(msg any) {
	data, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n%s", len(data), data)
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and decodes its result into result.
func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan lspMessage, 1)
	c.calls[id] = ch
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	select {
	case m := <-ch:
		if m.Error != nil {
			c.t.Fatalf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
			}
		}
	case <-c.done:
		c.t.Fatalf("%s: gopls exited", method)
	case <-time.After(2 * time.Minute):
		c.t.Fatalf("%s: no answer in 2 minutes", method)
	}
}

func (c *lspClient) shutdown() {
	select {
	case <-c.done:
	default:
		c.mu.Lock()
		c.nextID++
		id := c.nextID
		c.mu.Unlock()
		c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": "shutdown"})
		c.notify("exit", nil)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
		}
	}
	c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		<-done
	}
}

// initialize performs the LSP handshake for the workspace dir.
func (c *lspClient) initialize(dir string) {
	c.t.Helper()
	root := fileURI(dir)
	var result map[string]any
	c.call("initialize", map[string]any{
		"processId":             os.Getpid(),
		"rootUri":               root,
		"workspaceFolders":      []any{map[string]any{"uri": root, "name": "demo"}},
		"initializationOptions": c.config,
		"capabilities": map[string]any{
			"workspace": map[string]any{"configuration": true, "workspaceFolders": true},
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"relatedInformation": true, "codeDescriptionSupport": true, "dataSupport": true},
				"codeAction": map[string]any{
					"codeActionLiteralSupport": map[string]any{
						"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "refactor", "source"}},
					},
					"resolveSupport": map[string]any{"properties": []string{"edit"}},
					"dataSupport":    true,
				},
			},
		},
	}, &result)
	c.notify("initialized", map[string]any{})
}

// awaitDiagnostics waits until gopls publishes diagnostics for uri that
// satisfy done, and returns them.
func (c *lspClient) awaitDiagnostics(uri string, done func([]lspDiagnostic) bool) []lspDiagnostic {
	c.t.Helper()
	deadline := time.After(3 * time.Minute)
	var last []lspDiagnostic
	for {
		select {
		case m := <-c.notes:
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p struct {
				URI         string          `json:"uri"`
				Diagnostics []lspDiagnostic `json:"diagnostics"`
			}
			if err := json.Unmarshal(m.Params, &p); err != nil || p.URI != uri {
				continue
			}
			last = p.Diagnostics
			if done(last) {
				return last
			}
		case <-c.done:
			c.t.Fatalf("gopls exited while we waited for diagnostics of %s", uri)
		case <-deadline:
			c.t.Fatalf("no suitable diagnostics for %s in 3 minutes; last published: %+v", uri, last)
		}
	}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// selfAssign is appended to the opened file: gopls's own assign analyzer
// reports it, which tells that the analysis phase's diagnostics arrived.
const selfAssign = "\nfunc selfAssign() {\n\tx := 1\n\tx = x\n\t_ = x\n}\n"

func hasSource(diags []lspDiagnostic, source string) bool {
	return slices.ContainsFunc(diags, func(d lspDiagnostic) bool { return d.Source == source })
}

func TestGopls(t *testing.T) {
	t.Parallel()
	gopls := externalTool(t, goplsEnv, goplsHow)
	dir := demoCopy(t)
	const file = "lock/lock.go"
	path := filepath.Join(dir, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(orig) + selfAssign
	uri := fileURI(path)
	want := findingsIn(t, file) // from the standalone golden

	c := startGopls(t, gopls, dir, map[string]any{})
	c.initialize(dir)
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text},
	})
	diags := c.awaitDiagnostics(uri, func(ds []lspDiagnostic) bool { return hasSource(ds, "assign") })

	ours := make(map[string]bool) // the sources of toctou's diagnostics
	for _, a := range suite(flag.NewFlagSet("toctou", flag.ContinueOnError), false) {
		ours[a.Name] = true
	}
	var got []string
	var fixable *lspDiagnostic
	for i, d := range diags {
		if !ours[d.Source] {
			continue // gopls's own analyzers
		}
		got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", file, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Source, d.Message))
		if d.Source == "pathrace" && fixable == nil {
			fixable = &diags[i]
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("gopls diagnostics for %s:\n\t%s\nwant the standalone findings:\n\t%s", file, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if fixable == nil {
		t.Fatalf("no pathrace diagnostic in %s", file)
	}

	// The quick fix, applied, gives the file go fix writes.
	var actions []lspCodeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        fixable.Range,
		"context":      map[string]any{"diagnostics": []lspDiagnostic{*fixable}, "only": []string{"quickfix"}, "triggerKind": 1},
	}, &actions)
	var fix *lspCodeAction
	for i, a := range actions {
		if a.Kind == "quickfix" {
			fix = &actions[i]
			break
		}
	}
	if fix == nil {
		t.Fatalf("no quickfix code action for %q; got %+v", fixable.Message, actions)
	}
	if fix.Edit == nil && fix.Data != nil {
		var resolved lspCodeAction
		c.call("codeAction/resolve", fix, &resolved)
		fix = &resolved
	}
	if fix.Edit == nil {
		t.Fatalf("quickfix %q has no edit: %+v", fix.Title, fix)
	}
	var edits []lspTextEdit
	edits = append(edits, fix.Edit.Changes[uri]...)
	for _, dc := range fix.Edit.DocumentChanges {
		if dc.TextDocument.URI == uri {
			edits = append(edits, dc.Edits...)
		}
	}
	fixed, err := applyLSPEdits(text, edits)
	if err != nil {
		t.Fatal(err)
	}
	posn := fmt.Sprintf("%s:%d:%d", file, fixable.Range.Start.Line+1, fixable.Range.Start.Character+1)
	wantText, title := standaloneFix(t, dir, string(orig), posn, fixable.Message)
	if fix.Title != title {
		t.Errorf("quick fix titled %q, want the suggested fix's message %q", fix.Title, title)
	}
	if fixed != wantText+selfAssign {
		t.Errorf("the quick fix %q makes %s:\n%s\nwant what the same fix of toctou -json does:\n%s", fix.Title, file, fixed, wantText+selfAssign)
	}
}

// standaloneFix returns text with the first suggested fix of the
// standalone diagnostic at posn with message applied, and the fix's
// message.
func standaloneFix(t *testing.T, dir, text, posn, message string) (fixed, title string) {
	t.Helper()
	r := run(t, dir, "", toctou(t), "-json", "./...")
	var tree map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
			Edits   []struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				New   string `json:"new"`
			} `json:"edits"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("toctou -json: %v\n%s", err, r)
	}
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				if d.Posn != posn || d.Message != message || len(d.SuggestedFixes) == 0 {
					continue
				}
				edits := slices.Clone(d.SuggestedFixes[0].Edits)
				slices.SortFunc(edits, func(a, b struct {
					Start int    `json:"start"`
					End   int    `json:"end"`
					New   string `json:"new"`
				}) int {
					return b.Start - a.Start
				})
				for _, e := range edits { // last first
					text = text[:e.Start] + e.New + text[e.End:]
				}
				return text, d.SuggestedFixes[0].Message
			}
		}
	}
	t.Fatalf("toctou -json has no diagnostic with a fix at %s: %s", posn, message)
	return "", ""
}

func TestGoplsAnalysesSetting(t *testing.T) {
	t.Parallel()
	gopls := externalTool(t, goplsEnv, goplsHow)
	dir := demoCopy(t)
	const file = "lock/lock.go"
	path := filepath.Join(dir, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	uri := fileURI(path)
	c := startGopls(t, gopls, dir, map[string]any{"analyses": map[string]any{"pathrace": false}})
	c.initialize(dir)
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(orig) + selfAssign},
	})
	diags := c.awaitDiagnostics(uri, func(ds []lspDiagnostic) bool { return hasSource(ds, "assign") })
	if hasSource(diags, "pathrace") {
		t.Errorf(`with "analyses": {"pathrace": false}, gopls still reports pathrace: %+v`, diags)
	}
}

// findingsIn returns the standalone golden's diagnostics in file as
// "file:line:col: pass: message", sorted. The golden has no pass names:
// every finding in it is attributed to the pass whose name its JSON run
// reports, which for the demo module is checked by TestStandalone; here
// the pass is taken from the metadata of the one pass with findings in
// the file.
func findingsIn(t *testing.T, file string) []string {
	t.Helper()
	var out []string
	for _, r := range jsonDiags(t, run(t, demoCopy(t), "", toctou(t), "-json", "./...").stdout) {
		f, line, col := splitPosn(r.diag.Posn)
		if f == file {
			out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", f, line, col, r.analyzer, r.diag.Message))
		}
	}
	slices.Sort(out)
	return out
}

// applyLSPEdits applies non-overlapping LSP edits (UTF-16 positions; the
// demo files are ASCII) to text.
func applyLSPEdits(text string, edits []lspTextEdit) (string, error) {
	lineStarts := []int{0}
	for i, r := range text {
		if r == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	offset := func(p lspPosition) (int, error) {
		if p.Line >= len(lineStarts) {
			return 0, fmt.Errorf("edit at line %d past the end", p.Line+1)
		}
		return lineStarts[p.Line] + p.Character, nil
	}
	slices.SortFunc(edits, func(a, b lspTextEdit) int {
		if a.Range.Start.Line != b.Range.Start.Line {
			return b.Range.Start.Line - a.Range.Start.Line
		}
		return b.Range.Start.Character - a.Range.Start.Character
	})
	for _, e := range edits { // last first, so offsets stay valid
		start, err := offset(e.Range.Start)
		if err != nil {
			return "", err
		}
		end, err := offset(e.Range.End)
		if err != nil {
			return "", err
		}
		text = text[:start] + e.NewText + text[end:]
	}
	return text, nil
}

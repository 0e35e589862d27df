package nodeadline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/toctou/toctou/internal/relevance"
)

// NetFact records what a function of the analyzed code does with the
// network that its callers decide the bound of:
//
//	func Fetch(ctx context.Context, url string) (*http.Response, error) {
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//		...
//		return http.DefaultClient.Do(req) // only ctx can bound this
//	}
//
// has "sends a network request with the context from parameter 0": a
// caller that passes context.Background() is reported. One fact type
// carries every kind of summary, to keep the cost of facts low.
type NetFact struct {
	// CtxParams are parameters whose context is the only bound of a
	// network call the function makes.
	CtxParams []int
	// ConnectParams are parameters whose context is the only bound of a
	// plain TCP connect the function makes ((*net.Dialer).DialContext on
	// a dialer with no Timeout), and of nothing else: the kernel bounds
	// such a connect, so a caller's context that never ends is the opt-in
	// dial-connect category, not background-context.
	ConnectParams []int
	// ReqParams are *http.Request parameters the function sends through
	// a client with no Timeout: the request's context is the only bound.
	ReqParams []int
	// StreamParams are parameters whose context also bounds a response
	// the function reads as a stream (a watch, a long poll, a download
	// read in a loop), itself or through a callee: a caller that passes
	// a context that never ends means it to last as long as the stream,
	// and a deadline on it would cut the stream short.
	StreamParams []int
	// Results are results that carry no bound.
	Results []Result
	// Serve is what the function says of the servers it helps start:
	// listeners no stranger reaches, debug handlers (relevance.Summary).
	Serve relevance.Summary
	// DefaultMux, in a package fact, is what the package and its
	// imports register on http.DefaultServeMux.
	DefaultMux relevance.MuxUse
	// Flags, in a package fact, is what the package and its imports of
	// the same module do to command-line flags (relevance.FlagUse).
	Flags relevance.FlagUse
}

// Result describes one result of a function that carries no bound.
type Result struct {
	Index int
	Kind  ResultKind
	// For RequestResult: the parameter whose context the request
	// carries, or -1 when it carries one that never ends (Desc says which).
	CtxParam int
	Desc     string
}

// ResultKind is what a result of a function is.
type ResultKind uint8

const (
	// ObjectResult: an *http.Client, *http.Server, *http.Transport,
	// *net.Dialer or *tls.Dialer whose fields set no time limit.
	ObjectResult ResultKind = iota + 1
	// RequestResult: an *http.Request whose context has no deadline.
	RequestResult
)

func (*NetFact) AFact() {}

func (f *NetFact) String() string {
	var parts []string
	for _, p := range f.CtxParams {
		parts = append(parts, fmt.Sprintf("sends a network request with the context from parameter %d", p))
	}
	for _, p := range f.ConnectParams {
		parts = append(parts, fmt.Sprintf("connects with the context from parameter %d", p))
	}
	for _, p := range f.ReqParams {
		parts = append(parts, fmt.Sprintf("sends the request from parameter %d through a client with no Timeout", p))
	}
	for _, p := range f.StreamParams {
		parts = append(parts, fmt.Sprintf("reads a stream with the context from parameter %d", p))
	}
	for _, r := range f.Results {
		switch {
		case r.Kind == ObjectResult:
			parts = append(parts, fmt.Sprintf("returns %s with no time limit (result %d)", r.Desc, r.Index))
		case r.CtxParam >= 0:
			parts = append(parts, fmt.Sprintf("returns a request with the context from parameter %d (result %d)", r.CtxParam, r.Index))
		default:
			parts = append(parts, fmt.Sprintf("returns a request with %s (result %d)", r.Desc, r.Index))
		}
	}
	parts = append(parts, f.Serve.Strings()...)
	if f.DefaultMux != 0 {
		parts = append(parts, f.DefaultMux.String())
	}
	if !f.Flags.Empty() {
		parts = append(parts, f.Flags.String())
	}
	return strings.Join(parts, "; ")
}

func (f *NetFact) empty() bool {
	return f == nil || len(f.CtxParams) == 0 && len(f.ConnectParams) == 0 && len(f.ReqParams) == 0 && len(f.StreamParams) == 0 && len(f.Results) == 0 &&
		f.Serve.Empty() && f.DefaultMux == 0 && f.Flags.Empty()
}

// equal reports whether two facts say the same.
func (f *NetFact) equal(g *NetFact) bool {
	if f.empty() || g.empty() {
		return f.empty() == g.empty()
	}
	return slices.Equal(f.CtxParams, g.CtxParams) && slices.Equal(f.ConnectParams, g.ConnectParams) &&
		slices.Equal(f.ReqParams, g.ReqParams) && slices.Equal(f.StreamParams, g.StreamParams) &&
		slices.Equal(f.Results, g.Results) && f.Serve.Equal(&g.Serve) && f.DefaultMux == g.DefaultMux && f.Flags.Equal(g.Flags)
}

// result returns the summary of result i, if any.
func (f *NetFact) result(i int) *Result {
	if f == nil {
		return nil
	}
	for j := range f.Results {
		if f.Results[j].Index == i {
			return &f.Results[j]
		}
	}
	return nil
}

func addSorted(s []int, v int) []int {
	if slices.Contains(s, v) {
		return s
	}
	s = append(s, v)
	slices.Sort(s)
	return s
}

// Package streamed holds functions that open a long-lived stream and
// read it in a goroutine they start: the caller that passes a context
// that never ends means the stream to last: their fact says only that
// they read a stream with the context (no caller is reported). Beside
// them, goroutines that read the response once, which get the fact of a
// request.
package streamed

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"
)

func open(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// probe bounds itself.
func probe(ctx context.Context, url string) bool {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	return resp.Body.Close() == nil
}

// follow reads the acknowledgements of the stream in a goroutine that
// captures the response.
func follow(ctx context.Context, url string, acks chan<- string) (io.Closer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req) // no diagnostic: read as a stream by the goroutine below
	if err != nil {
		return nil, err
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			acks <- sc.Text()
		}
	}()
	return resp.Body, nil
}

// Follow probes with a deadline of its own, then opens the stream.
func Follow(ctx context.Context, url string, acks chan<- string) (io.Closer, error) { // want Follow:"reads a stream with the context from parameter 0"
	if !probe(ctx, url) {
		return nil, io.EOF
	}
	return follow(ctx, url, acks)
}

// Decode hands the body to a goroutine literal that decodes frames
// until the stream ends.
func Decode(ctx context.Context, url string, frames chan<- int64) error { // want Decode:"reads a stream with the context from parameter 0"
	resp, err := open(ctx, url) // no diagnostic: the body is decoded as a stream by the goroutine
	if err != nil {
		return err
	}
	go func(body io.ReadCloser) {
		defer body.Close()
		dec := json.NewDecoder(body)
		for {
			var n int64
			if dec.Decode(&n) != nil {
				return
			}
			frames <- n
		}
	}(resp.Body)
	return nil
}

// ---- read once in a goroutine: a fact, the caller decides

// FetchLater reads the whole response in a goroutine: one read, no
// stream.
func FetchLater(ctx context.Context, url string, out chan<- []byte) error { // want FetchLater:"sends a network request with the context from parameter 0"
	resp, err := open(ctx, url)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		out <- b
	}()
	return nil
}

// DrainLater loops in its goroutine, but reads the body once, after the
// loop.
func DrainLater(ctx context.Context, url string, ticks <-chan time.Time) error { // want DrainLater:"sends a network request with the context from parameter 0"
	resp, err := open(ctx, url)
	if err != nil {
		return err
	}
	go func() {
		for range ticks {
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return nil
}

// ---- a request and a stream under one context (ollama's ShowOrPull:
// show the model, else pull it with a progress stream)

// List sends one request: the caller decides its bound.
func List(ctx context.Context, url string) ([]byte, error) { // want List:"sends a network request with the context from parameter 0"
	resp, err := open(ctx, url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Pull reads its progress as a stream.
func Pull(ctx context.Context, url string, progress func(string)) error { // want Pull:"reads a stream with the context from parameter 0"
	resp, err := open(ctx, url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		progress(sc.Text())
	}
	return sc.Err()
}

// ShowOrPull lists, and pulls what is missing, under one context: a
// deadline from its caller would cut the pull short.
func ShowOrPull(ctx context.Context, url string) error { // want ShowOrPull:"sends a network request with the context from parameter 0; reads a stream with the context from parameter 0"
	if _, err := List(ctx, url); err == nil {
		return nil
	}
	return Pull(ctx, url, func(string) {})
}

// Ensure hands its context to ShowOrPull: the stream goes up too.
func Ensure(ctx context.Context, url string) error { // want Ensure:"reads a stream with the context from parameter 0"
	return ShowOrPull(ctx, url)
}

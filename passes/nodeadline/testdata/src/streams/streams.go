// Package streams holds clients that read their response as a stream or
// a long poll. A client with no Timeout and no context is still reported
// (a server that stops sending blocks it forever), but no client Timeout
// fix is offered: the Timeout covers reading the body and would cut the
// stream short.
package streams

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
)

var client = &http.Client{}

// followClient is follow's own: without the streaming guard, follow would
// get the fix that sets its Timeout.
var followClient = &http.Client{}

func events(url string) error {
	resp, err := client.Get(url) // want `\(\*http.Client\).Get sends a request with no context through client, which has no Timeout`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		println(sc.Text())
	}
	return sc.Err()
}

func watch(url string) error {
	resp, err := http.Get(url + "?watch=true") // want `http.Get sends a request with no context through http.DefaultClient`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for {
		var ev struct{ Type string }
		if err := dec.Decode(&ev); err != nil {
			return err
		}
	}
}

func follow(url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := followClient.Do(req) // want `\(\*http.Client\).Do sends req, which has no context, through followClient, which has no Timeout`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		println(n)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// shared is used for a stream and for a plain request: one race, and a
// Timeout on the client would cut the stream short, although the plain
// request, reported alone, would take it.
var shared = &http.Client{}

func status(url string) error {
	resp, err := shared.Get(url + "/status") // want `\(\*http.Client\).Get sends a request with no context through shared, which has no Timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func tail(url string) error {
	resp, err := shared.Get(url + "/log") // no diagnostic: the same client as status, related there
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		println(sc.Text())
	}
	return sc.Err()
}

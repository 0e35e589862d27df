// Package rpcsdk holds retries of gRPC writes of well-known clients and
// of an SDK's request wrapper whose method is a parameter.
package rpcsdk

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/google/uuid"
	clientv3 "go.etcd.io/etcd/client/v3"
)

// ---- gRPC writes of a well-known client

func putRetry(ctx context.Context, cli *clientv3.Client, key, val string) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = cli.Put(ctx, key, val); err == nil { // want `\(clientv3.KV\).Put writes a key again after an error; the failed attempt may have been applied \(a timeout is not a failure\), so the write can take effect twice \(make it conditional on a revision read once before the retries, or do not retry when the outcome is unknown\)`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func casRetry(ctx context.Context, kv clientv3.KV, key, old, val string) (bool, error) {
	for {
		txn := kv.Txn(ctx).If(clientv3.Compare(clientv3.Value(key), "=", old)).Then(clientv3.OpPut(key, val))
		resp, err := txn.Commit() // want `\(clientv3.Txn\).Commit commits a transaction again after an error`
		if err == nil {
			return resp.Succeeded, nil
		}
		time.Sleep(time.Second)
	}
}

func getRetry(ctx context.Context, kv clientv3.KV, key string) (*clientv3.GetResponse, error) {
	for {
		resp, err := kv.Get(ctx, key) // no diagnostic: a read
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
}

func putPeriodic(ctx context.Context, kv clientv3.KV, key, val string) {
	for ctx.Err() == nil {
		if _, err := kv.Put(ctx, key, val); err != nil { // no diagnostic: written again whether or not it succeeded: periodic work
			time.Sleep(time.Second)
			continue
		}
		time.Sleep(10 * time.Second)
	}
}

// ---- an SDK wrapper whose method is a parameter

type Client struct {
	hc   *http.Client
	base string
}

// do sends one request with the method its caller gives.
func (c *Client) do(ctx context.Context, method, path string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) CreateOrder(ctx context.Context, order []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.do(ctx, "POST", "/orders", order); err == nil { // want `\(\*rpcsdk.Client\).do sends an HTTP POST request again after an error`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (c *Client) GetOrder(ctx context.Context, id string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.do(ctx, http.MethodGet, "/orders/"+id, nil); err == nil { // no diagnostic: a GET
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// ---- a request carrying a client-made id, created before the loop

type event struct {
	ID      string `json:"id"`
	Payload string `json:"payload"`
}

func (c *Client) Publish(ctx context.Context, payload string) error {
	body, err := json.Marshal(event{ID: uuid.NewString(), Payload: payload})
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 3; attempt++ {
		if err = c.do(ctx, "POST", "/events", body); err == nil { // no diagnostic: the body carries an id made once, before the retries, that the server can deduplicate on
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// ---- at-least-once shipping: the failure is reported to no one

type shipper struct {
	hc  *http.Client
	url string
}

func (s *shipper) ship(batch []string) {
	body, err := json.Marshal(batch)
	if err != nil {
		return
	}
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := s.hc.Post(s.url, "application/json", bytes.NewReader(body)) // no diagnostic: best-effort delivery of logs, a duplicate is better than a loss
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(time.Second)
	}
}

func handler(w http.ResponseWriter, r *http.Request) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := http.Post("https://pay.example.com/charges", "application/json", r.Body) // want `http.Post sends an HTTP POST request again after an error`
		if err == nil {
			resp.Body.Close()
			return
		}
	}
	http.Error(w, "payment failed", http.StatusBadGateway)
}

package a

import (
	"bytes"
	"context"
	"log"
	"net/http"
	"time"
)

// registerLoop re-registers with a discovery service on every tick,
// whether or not the last registration succeeded: periodic work, not a
// blind retry of a failed POST.
func registerLoop(ctx context.Context, url string, body []byte) {
	ticker := time.NewTicker(30 * time.Second)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		resp, err := http.Post(url+"/register", "application/json", bytes.NewReader(body)) // no diagnostic: sent every tick, success or not
		if err != nil {
			log.Printf("register: %v", err)
			continue
		}
		resp.Body.Close()
	}
}

// heartbeat is the same shape over time.Tick and a client.
func heartbeat(c *http.Client, url string, body []byte) {
	for range time.Tick(10 * time.Second) {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			log.Print(err)
			continue
		}
		resp, err := c.Do(req) // no diagnostic: sent every tick, success or not
		if err != nil {
			log.Printf("heartbeat: %v", err)
			continue
		}
		resp.Body.Close()
	}
}

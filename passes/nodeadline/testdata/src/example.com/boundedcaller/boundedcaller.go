// Package boundedcaller passes contexts that never end to the functions
// of package bounded: reported only where the callee's network work is
// unbounded given that context.
package boundedcaller

import (
	"context"

	"example.com/bounded"
)

func fetches(url string) {
	bounded.Fetch(context.Background(), url)                // no diagnostic: Fetch derives its own deadline
	bounded.FetchDefaultDeadline(context.Background(), url) // no diagnostic: FetchDefaultDeadline bounds a context with no deadline
	bounded.FetchTimedClient(context.TODO(), url)           // no diagnostic: FetchTimedClient's client has a Timeout
	bounded.DialTimed(context.Background(), url)            // no diagnostic: DialTimed's dialer has a Timeout
	bounded.Watch(context.Background(), url, nil)           // no diagnostic: a stream its caller means to last
	bounded.Health(context.Background(), "8080")            // no diagnostic: Health asks the machine itself
}

func get(url string) {
	bounded.Get(context.Background(), url) // want `bounded.Get sends a network request with context.Background\(\), which never ends`
}

func connect(addr string) {
	bounded.Connect(context.Background(), addr) // want `bounded.Connect connects with context.Background\(\), which never ends; an address that does not answer blocks it until the operating system gives up`
}

func secure(addr string) {
	bounded.Secure(context.TODO(), addr) // want `bounded.Secure sends a network request with context.TODO\(\), which never ends`
}

func connectAndGet(addr, url string) {
	bounded.ConnectAndGet(context.Background(), addr, url) // want `bounded.ConnectAndGet sends a network request with context.Background\(\), which never ends`
}

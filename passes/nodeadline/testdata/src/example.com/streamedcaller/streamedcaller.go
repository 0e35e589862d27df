// Package streamedcaller passes contexts that never end to the functions
// of package streamed: reported only where the callee does not stream.
package streamedcaller

import (
	"context"

	"example.com/streamed"
)

func streams(url string) {
	streamed.Follow(context.Background(), url, nil) // no diagnostic: a stream read by the callee's goroutine, meant to last
	streamed.Decode(context.Background(), url, nil) // no diagnostic: the body is decoded as a stream by the callee's goroutine
}

func once(url string) {
	streamed.FetchLater(context.Background(), url, nil) // want `streamed.FetchLater sends a network request with context.Background\(\), which never ends`
}

func drained(url string) {
	streamed.DrainLater(context.Background(), url, nil) // want `streamed.DrainLater sends a network request with context.Background\(\), which never ends`
}

func mixed(url string) {
	streamed.List(context.Background(), url)       // want `streamed.List sends a network request with context.Background\(\), which never ends`
	streamed.ShowOrPull(context.Background(), url) // no diagnostic: the same context bounds the pull's stream, a deadline would cut it short
	streamed.Ensure(context.Background(), url)     // no diagnostic: the stream, through ShowOrPull
}

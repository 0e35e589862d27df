// Command speedtest is ordinary: a program its users run ("speed" is no
// kind of test and has vowels, so speedtest is no compound test word).
package main

import "net/http"

func main() {
	http.Get("https://speed.example.com/100MB") // want `http.Get sends a request with no context`
}

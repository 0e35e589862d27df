// Command proxy-test-server is a maintainer's test program: one of the
// words of its element is "test".
package main

import "net/http"

func main() {
	http.Get("https://upstream.example.com/") // no diagnostic: developer-code
}

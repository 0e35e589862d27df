// Command upgrade-tests is a maintainer's test program (an element
// ending in -tests).
package main

import "net/http"

func main() {
	http.Get("https://releases.example.com/latest") // no diagnostic: developer-code
}

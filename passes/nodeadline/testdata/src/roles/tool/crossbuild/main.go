// Command crossbuild is a developer tool: a main package under the
// singular "tool".
package main

import "net/http"

func main() {
	http.Get("https://go.dev/dl/?mode=json") // no diagnostic: developer-code
}

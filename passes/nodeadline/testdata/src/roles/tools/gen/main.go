// Command gen is a developer tool (a main package under tools/).
package main

import "net/http"

func main() {
	http.Get("https://proxy.golang.org/") // no diagnostic: developer-code
}

// Command seed is a developer tool: a main package under cmd/dev.
package main

import "net/http"

func main() {
	http.Get("http://service.example:8080/seed") // no diagnostic: developer-code
}

// Command connector-gen is a generator: a word of its element is "gen".
package main

import "net/http"

func main() {
	http.Get("https://schemas.example.com/connectors.json") // no diagnostic: developer-code
}

// Command webhooks is an example program: a main package under docs.
package main

import "net/http"

func main() {
	http.Get("https://hooks.example.com/") // no diagnostic: developer-code
}

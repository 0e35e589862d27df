// Command hooks is an example program: its only file is example.go.
package main

import "net/http"

func main() {
	http.Get("https://hooks.example.com/") // no diagnostic: developer-code
}

// Command sample_client is a sample program (the word sample).
package main

import "net/http"

func main() {
	http.Get("http://service.example:8080/") // no diagnostic: developer-code
}

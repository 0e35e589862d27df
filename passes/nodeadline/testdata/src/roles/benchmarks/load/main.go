// Command load is a benchmark program (benchmarks/).
package main

import "net/http"

func main() {
	http.Get("http://service.example:8080/") // no diagnostic: developer-code
}

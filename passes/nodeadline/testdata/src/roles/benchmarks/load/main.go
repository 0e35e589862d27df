// Command load is a benchmark program (benchmarks/).
package main

import "net/http"

func main() {
	http.Get("http://localhost:8080/") // no diagnostic: developer-code
}

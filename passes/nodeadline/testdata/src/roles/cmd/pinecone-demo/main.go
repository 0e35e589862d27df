// Command pinecone-demo is a demo program: a main package whose path
// element has the word demo.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil) // no diagnostic: developer-code
}

// Command webhooks is an example program: its only file is example.go.
package main // want `role: example`

import "net/http"

func main() {
	http.ListenAndServe(":8080", nil)
}

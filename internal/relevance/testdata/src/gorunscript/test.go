// /bin/true; exec /usr/bin/env go run "$0" "$@"

// Command gorunscript is a maintainer's script that a shell runs with
// go run from the checkout: a developer tool.
package main // want "role: developer tool"

import "net/http"

func main() {
	http.Post("https://stats.example.com/", "application/json", nil)
}

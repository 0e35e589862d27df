// Command server imports an ordinary package of its module whose name
// ends in "test": it stays ordinary.
package main

import (
	"fmt"
	"net/http"

	"agentmod/internal/latest"
)

func main() {
	fmt.Println(latest.Version)
	http.ListenAndServe(":8080", nil)
}

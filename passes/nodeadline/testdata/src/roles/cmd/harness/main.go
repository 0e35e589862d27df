// Command harness imports testing: a test harness (its path says
// nothing).
package main

import (
	"net/http"
	"testing"
)

func main() {
	testing.Init()
	http.Get("http://10.0.0.2:8080/health") // no diagnostic: developer-code
}

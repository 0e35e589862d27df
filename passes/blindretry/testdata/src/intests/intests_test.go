package intests

import (
	"net/http"
	"strings"
	"testing"
)

func TestRetryInTest(t *testing.T) {
	for i := 0; i < 3; i++ {
		if _, err := http.Post("http://127.0.0.1:1", "text/plain", strings.NewReader("x")); err == nil { // want `http.Post sends an HTTP POST request again after an error`
			return
		}
	}
}

package a

import (
	"net/http"
	"strings"
	"testing"
)

func TestRetryInTestFile(t *testing.T) {
	for i := 0; i < 3; i++ {
		if _, err := http.Post(chargeURL, "text/plain", strings.NewReader("x")); err == nil { // no diagnostic: test files are skipped unless -blindretry.tests
			return
		}
	}
}

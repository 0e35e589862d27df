package fiximports

import (
	"io"
	"net/http"
	"unicode"
)

func middle(url string) error {
	resp, err := http.Head(url) // want `http.Head sends a request`
	if err != nil {
		return err
	}
	_ = unicode.IsSpace(' ')
	_, err = io.ReadAll(resp.Body)
	return err
}

package fiximports

import "net/http"

func useThirdPartyOnly(url string) (*http.Response, error) {
	return thirdPartyOnly.Get(url) // want `thirdPartyOnly, which has no Timeout`
}

func useNoImports(url string) (*http.Response, error) {
	return noImports.Get(url) // want `noImports, which has no Timeout`
}

package fiximports

import (
	"example.com/netutil"
)

// Client is http.Client under another name: literals of it need no import.
type Client = netutil.HTTPClient

var thirdPartyOnly = &Client{}

// Command expvarserver serves expvar's /debug/vars on the DefaultServeMux.
package main

import (
	_ "expvar"
	"net/http"
)

func main() {
	http.ListenAndServe(":8081", nil) // no diagnostic: /debug/vars only
}

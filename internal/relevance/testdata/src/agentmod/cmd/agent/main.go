// Command agent runs in the test's virtual machines: it is built on the
// module's test harness (tstest/vnet).
package main // want "role: test utility"

import (
	"net/http"

	"agentmod/tstest/vnet"
)

func main() {
	_ = vnet.New()
	http.ListenAndServe(":8080", nil)
}

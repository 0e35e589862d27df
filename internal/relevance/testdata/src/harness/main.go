// Command harness imports testing: a test harness run by its developers.
package main // want `role: test utility`

import (
	"flag"
	"testing"
)

func main() {
	testing.Init()
	flag.Parse()
}

// Command benchprog runs testing.Benchmark: a benchmark harness.
package main // want `role: test utility`

import (
	"fmt"
	"testing"
)

func main() {
	fmt.Println(testing.Benchmark(func(b *testing.B) {}))
}

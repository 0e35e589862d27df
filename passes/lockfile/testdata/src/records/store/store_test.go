package store

import (
	"net"
	"os"
	"testing"
)

// A test's cleanup removes a record by its name: no release of the
// program's (the package built without tests has none), so Reserve stays
// a record.
func TestReserve(t *testing.T) {
	s := &Store{dataDir: t.TempDir()}
	ip := net.ParseIP("10.0.0.2")
	if _, err := s.Reserve("id", "eth0", ip, "0"); err != nil {
		t.Fatal(err)
	}
	os.Remove(escaped(s.dataDir, ip.String()))
}

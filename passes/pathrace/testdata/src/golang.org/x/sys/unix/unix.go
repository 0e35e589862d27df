// Package unix is a stub of golang.org/x/sys/unix with the signatures pathrace knows.
package unix

const (
	O_RDONLY   = 0x0
	O_WRONLY   = 0x1
	O_RDWR     = 0x2
	O_CREAT    = 0x40
	O_EXCL     = 0x80
	O_NOFOLLOW = 0x20000
	R_OK       = 0x4
	AT_FDCWD   = -0x64
)

type Stat_t struct{ Mode uint32 }

func Access(path string, mode uint32) error                          { return nil }
func Faccessat(dirfd int, path string, mode uint32, flags int) error { return nil }
func Stat(path string, st *Stat_t) error                             { return nil }
func Lstat(path string, st *Stat_t) error                            { return nil }
func Open(path string, mode int, perm uint32) (int, error)           { return 0, nil }
func Unlink(path string) error                                       { return nil }
func Mkdir(path string, mode uint32) error                           { return nil }

// Package remade holds uses of a path that the function makes anew
// after the check: the use acts on the file the function just made, and
// the check, which examined the file that was there before, decides
// nothing about it.
package remade

import (
	"errors"
	"net"
	"os"
)

var errNotSocket = errors.New("not a socket")

// removeStaleSocket refuses a path that holds anything but a socket, and
// removes a stale socket: the kind filter before a bind.
func removeStaleSocket(sock string) error {
	if fi, err := os.Lstat(sock); err == nil && fi.Mode()&os.ModeSocket == 0 {
		return errNotSocket
	}
	if err := os.Remove(sock); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// ListenPrivate binds a socket and restricts its mode.
func ListenPrivate(sock string) (*net.UnixListener, error) {
	if err := removeStaleSocket(sock); err != nil {
		return nil, err
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(sock, 0o600); err != nil { // no diagnostic: the socket ListenUnix made after the Lstat
		l.Close()
		return nil, err
	}
	return l, nil
}

// ListenInline does the same in one function, with net.Listen.
func ListenInline(sock string) (net.Listener, error) {
	if fi, err := os.Lstat(sock); err == nil {
		if fi.Mode()&os.ModeSocket == 0 {
			return nil, errNotSocket
		}
		os.Remove(sock) // want `os.Remove removes sock after os.Lstat found it present`
	}
	l, err := net.Listen("unix", sock)
	if err != nil {
		return nil, err
	}
	return l, os.Chmod(sock, 0o600) // no diagnostic: the socket Listen made after the Lstat
}

// ChmodChecked chmods the socket the Lstat examined: nothing made it
// anew in between.
func ChmodChecked(sock string) error {
	fi, err := os.Lstat(sock)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSocket == 0 {
		return errNotSocket
	}
	return os.Chmod(sock, 0o600) // want `os.Chmod changes sock by name after os.Lstat examined what kind of file it is`
}

// ListenSometimes binds the socket on one branch only: on the other, the
// chmod acts on the file the Lstat examined.
func ListenSometimes(sock string, bind bool) error {
	fi, err := os.Lstat(sock)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSocket == 0 {
		return errNotSocket
	}
	if bind {
		if _, err := net.Listen("unix", sock); err != nil {
			return err
		}
	}
	return os.Chmod(sock, 0o600) // want `os.Chmod changes sock by name after os.Lstat examined what kind of file it is`
}

// ListenOther binds another path.
func ListenOther(sock, other string) error {
	fi, err := os.Lstat(sock)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSocket == 0 {
		return errNotSocket
	}
	if _, err := net.Listen("unix", other); err != nil {
		return err
	}
	return os.Chmod(sock, 0o600) // want `os.Chmod changes sock by name after os.Lstat examined what kind of file it is`
}

// ListenTCP binds no file: the network is tcp.
func ListenTCP(sock string) error {
	fi, err := os.Lstat(sock)
	if err != nil {
		return err
	}
	if fi.Mode()&os.ModeSocket == 0 {
		return errNotSocket
	}
	if _, err := net.Listen("tcp", sock); err != nil {
		return err
	}
	return os.Chmod(sock, 0o600) // want `os.Chmod changes sock by name after os.Lstat examined what kind of file it is`
}

// Rewrite writes the file anew before changing its mode: the chmod acts
// on what WriteFile made (byname's question), not on what Stat found.
func Rewrite(p string, data []byte) error {
	if _, err := os.Stat(p); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		return err
	}
	return os.Chmod(p, 0o644) // no diagnostic: the file WriteFile wrote after the Stat
}

// TouchUp changes the mode of the file Stat found.
func TouchUp(p string) error {
	if _, err := os.Stat(p); err != nil {
		return err
	}
	return os.Chmod(p, 0o644) // want `os.Chmod changes p by name after os.Stat found it present`
}

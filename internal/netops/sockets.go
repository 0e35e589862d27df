package netops

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/toctou/toctou/internal/ssakit"
)

// BoundSocketPath returns the path of the Unix socket a call binds, or
// nil: net.Listen, net.ListenPacket and the ListenConfig methods with a
// constant unix, unixpacket or unixgram network, and net.ListenUnix and
// ListenUnixgram with a *net.UnixAddr made in the function whose Name is
// stored once. The bind makes a new file at the path, and fails when the
// name exists, as an O_CREATE|O_EXCL open does. (An abstract socket's
// name, @name on Linux, is no file; no file check examines one.)
func BoundSocketPath(call *ssa.CallCommon) ssa.Value {
	fn := ssakit.Callee(call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net" {
		return nil
	}
	args := call.Args
	network, addr := -1, -1
	switch key := ssakit.RecvName(fn) + "." + fn.Name(); key {
	case ".Listen", ".ListenPacket":
		network, addr = 0, 1
	case "ListenConfig.Listen", "ListenConfig.ListenPacket":
		network, addr = 2, 3 // receiver, ctx, network, address
	case ".ListenUnix", ".ListenUnixgram":
		if len(args) == 2 && unixNetwork(args[0]) {
			return unixAddrName(args[1])
		}
		return nil
	default:
		return nil
	}
	if addr >= len(args) || !unixNetwork(args[network]) {
		return nil
	}
	return args[addr]
}

func unixNetwork(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	return strings.HasPrefix(constant.StringVal(k.Value), "unix")
}

// unixAddrName returns the value stored once into the Name field of v, a
// *net.UnixAddr allocated in the function (&net.UnixAddr{Name: p}).
func unixAddrName(v ssa.Value) ssa.Value {
	alloc, ok := v.(*ssa.Alloc)
	if !ok || !IsType(alloc.Type(), "net", "UnixAddr") {
		return nil
	}
	var name ssa.Value
	for _, r := range *alloc.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || ssakit.FieldName(fa) != "Name" {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
				if name != nil {
					return nil
				}
				name = st.Val
			}
		}
	}
	return name
}

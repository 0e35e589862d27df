package netops_test

import (
	"go/importer"
	"go/types"
	"testing"

	"github.com/toctou/toctou/internal/netops"
)

func lookupFunc(t *testing.T, pkg *types.Package, recv, name string) *types.Func {
	t.Helper()
	if recv == "" {
		f, ok := pkg.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Fatalf("%s.%s is not a function", pkg.Path(), name)
		}
		return f
	}
	tn := pkg.Scope().Lookup(recv).(*types.TypeName)
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, name)
	f, ok := obj.(*types.Func)
	if !ok {
		t.Fatalf("(%s.%s).%s is not a method", pkg.Path(), recv, name)
	}
	return f
}

func TestTable(t *testing.T) {
	imp := importer.Default()
	load := func(path string) *types.Package {
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	http, net, tls, ctx := load("net/http"), load("net"), load("crypto/tls"), load("context")
	for _, c := range []struct {
		pkg       *types.Package
		recv, fn  string
		kind      netops.Kind
		ctx, netw int
	}{
		{http, "", "Get", netops.HTTPSendDefault, -1, -1},
		{http, "Client", "Do", netops.ClientDo, -1, -1},
		{http, "Client", "PostForm", netops.ClientSend, -1, -1},
		{http, "", "NewRequestWithContext", netops.NewRequestWithContext, 0, -1},
		{http, "Request", "WithContext", netops.RequestWithContext, 1, -1},
		{http, "Server", "ServeTLS", netops.ServerStart, -1, -1},
		{http, "", "ListenAndServe", netops.ServeFunc, -1, -1},
		{net, "", "Dial", netops.Dial, -1, 0},
		{net, "Dialer", "DialContext", netops.DialerDialContext, 1, 2},
		{tls, "", "Dial", netops.TLSDial, -1, 0},
		{tls, "Dialer", "DialContext", netops.TLSDialerDialContext, 1, 2},
		{http, "Transport", "RoundTrip", netops.RoundTrip, -1, -1},
	} {
		f := lookupFunc(t, c.pkg, c.recv, c.fn)
		e, ok := netops.Lookup(f)
		if !ok || e.Kind != c.kind || e.Ctx != c.ctx || e.Network != c.netw {
			t.Errorf("Lookup(%s) = %+v, %v; want kind %d, ctx %d, network %d", f.FullName(), e, ok, c.kind, c.ctx, c.netw)
		}
	}
	for _, name := range []string{"DialTimeout", "Listen", "LookupHost"} {
		if e, ok := netops.Lookup(lookupFunc(t, net, "", name)); ok {
			t.Errorf("net.%s is in the table: %+v", name, e)
		}
	}
	for name, want := range map[string]netops.Lifetime{
		"Background": netops.Forever, "WithoutCancel": netops.Forever, "WithValue": netops.Inherit,
		"WithCancel": netops.InheritCancel, "WithTimeoutCause": netops.Deadline, "Cause": netops.NotContext,
	} {
		if got := netops.ContextLifetime(lookupFunc(t, ctx, "", name)); got != want {
			t.Errorf("ContextLifetime(context.%s) = %d, want %d", name, got, want)
		}
	}
	// the interface's method: calls through an http.RoundTripper
	rt := http.Scope().Lookup("RoundTripper").Type().Underlying().(*types.Interface)
	if e, ok := netops.Lookup(rt.Method(0)); !ok || e.Kind != netops.RoundTrip || e.Req != 1 {
		t.Errorf("Lookup(http.RoundTripper.RoundTrip) = %+v, %v", e, ok)
	}
	if b := netops.TransportBounded(); b.Fields[0] != "ResponseHeaderTimeout" {
		t.Errorf("TransportBounded() = %+v", b)
	}
	client := http.Scope().Lookup("Client").Type()
	if b, ok := netops.BoundedType(types.NewPointer(client)); !ok || b.Fields[0] != "Timeout" || b.Delegates[0] != "Transport" {
		t.Errorf("BoundedType(*http.Client) = %+v, %v", b, ok)
	}
	if _, ok := netops.BoundedType(http.Scope().Lookup("Request").Type()); ok {
		t.Error("http.Request is not a bounded type")
	}
	if !netops.Defines(http) || netops.Defines(ctx) {
		t.Error("Defines: net/http defines the API, context does not")
	}
	if !netops.Imports(load("net/smtp")) || netops.Imports(ctx) {
		t.Error("Imports: net/smtp imports net, context imports none of the table")
	}
	if !netops.IsContext(ctx.Scope().Lookup("Context").Type()) {
		t.Error("IsContext(context.Context) = false")
	}
}

// Package nodeadline defines an Analyzer that reports network calls that
// can wait forever: HTTP requests, dials and servers with no time limit
// (CWE-1088 for clients, CWE-400 for servers).
//
// # Analyzer nodeadline
//
// nodeadline: report network calls and HTTP servers with no time limit
//
// A network peer can stop answering at any moment. A call with no time
// limit then blocks its goroutine, and holds its connection, forever:
//
//	resp, err := http.Get(url) // http.DefaultClient has no Timeout
//
// The call needs a bound, from the client or from the request's context:
//
//	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
//	defer cancel()
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	...
//	resp, err := http.DefaultClient.Do(req)
//
// nodeadline follows values through SSA, within a function, through the
// fields and variables of the package, and across packages through
// facts, and reports, by category:
//
//   - client-timeout: an HTTP request (http.Get, Head, Post, PostForm, or
//     the same methods and Do of an *http.Client) sent through a client
//     that has no Timeout, with no context, or sent by RoundTrip (of an
//     *http.Transport, or of an http.RoundTripper that is
//     http.DefaultTransport or a transport from a helper) with no
//     ResponseHeaderTimeout and no context. The client is followed to
//     where it is made: http.DefaultClient, a &http.Client{...} literal or
//     a zero http.Client, a client kept in an unexported field or
//     package-level variable, a parameter of an unexported function whose
//     calls are all static calls of the package, or a client returned by a
//     constructor of the analyzed code ("returns *http.Client with no time
//     limit"). A Timeout assigned after the literal, anywhere in the
//     package, counts; so does a transport whose DialContext (Dial,
//     DialTLSContext, DialTLS) is a function that calls SetDeadline or
//     SetReadDeadline on every connection it returns before returning it:
//     no read of a response outlasts that deadline; and a transport whose
//     dial function connects only to a Unix socket or a loopback address
//     (d.DialContext(ctx, "unix", "/var/run/docker.sock"), net.DialUnix),
//     whatever the request's URL names: its peer is a process of the
//     same machine, as for a dial of a Unix socket. Each constructor that fills an unexported field is
//     judged on its own: New storing http.DefaultClient is reported at
//     the send, with a related location at the store, even when
//     NewWithClient(c) stores its caller's client.
//   - context-dropped: the same, in a function that has a context.Context
//     parameter it does not pass on: the caller's deadline never reaches
//     the request.
//   - context-dropped-unseen-client: http.NewRequest in such a function,
//     when the request is sent there through a client or transport whose
//     limits the pass cannot see (a parameter, an exported field, an
//     interface's Do), and goes nowhere else: the fix builds it with
//     http.NewRequestWithContext(ctx, ...), with that context. Off by
//     default (-nodeadline.all shows it): such a client may well have a
//     Timeout, and then the race is lost cancellation, no wait without
//     end. Both such findings of the sixteenth fresh set were false
//     (KEDA's scalers send through clients a constructor of another
//     package always gives a Timeout).
//   - background-context: a context that never ends (context.Background(),
//     context.TODO(), context.WithoutCancel) is the only possible bound of
//     a request sent through a client with no Timeout, of a
//     (*tls.Dialer).DialContext whose dial has no Timeout, or of a
//     function of the analyzed code that passes a context parameter to
//     one (facts: "sends a network request with the context from
//     parameter i"). Such a function is not reported itself: its callers
//     decide, and the report goes to the caller that supplies the context
//     that never ends. A function that bounds its network work whatever
//     context it receives (it derives a deadline with context.WithTimeout
//     before it sends, or sends through a client or dialer with a Timeout
//     it sets itself) has no fact, and its callers are not reported. A
//     function that reads its response as a stream (a watch, a long
//     poll, a pull's progress), also when a goroutine or closure it starts
//     reads the stream (it captures the response, or is given the body as
//     an argument), has only the fact "reads a stream with the context
//     from parameter i": a caller passing a context that never ends means
//     it to last, and is not reported. So is a caller of a function that
//     sends a request and reads a stream under the same context (show a
//     model, else pull it): a deadline there would cut the stream short,
//     and the requests beside the stream need bounds of their own, inside
//     the callee. A goroutine that reads the response once (io.ReadAll,
//     one Copy) is no stream: the function has the fact of a request.
//     context.WithValue, and context.WithCancel whose cancel function is
//     only called or deferred by the function itself, keep their
//     parent's life.
//   - dial-timeout: a dial that shakes hands with no bound: tls.Dial,
//     tls.DialWithDialer and the Dial method of a tls.Dialer whose net
//     dialer has neither Timeout nor Deadline, and the Dial method of a
//     golang.org/x/net/proxy dialer that talks to a proxy
//     (proxy.FromURL, proxy.SOCKS5, proxy.FromEnvironment) through
//     proxy.Direct or a net.Dialer with no Timeout. A peer that accepts
//     the connection and stays silent holds the handshake forever.
//   - dial-connect: a plain TCP connect with no time limit: net.Dial and
//     net.DialTCP to a TCP network (a constant, or a variable one of
//     whose values is "tcp"), the Dial method of a net.Dialer with
//     neither Timeout nor Deadline, its DialContext with a context that
//     never ends (also through a function of the analyzed code, facts:
//     "connects with the context from parameter i"), and proxy.Direct's
//     Dial. Off by default (-nodeadline.all shows it): the kernel bounds a
//     connect to an address that does not answer (on Linux,
//     tcp_syn_retries: about two minutes), so the call does not wait
//     forever; what hangs forever is a handshake or a read or write with
//     no deadline after the connect, which the categories above report.
//   - server-timeouts: an *http.Server started (ListenAndServe,
//     ListenAndServeTLS, Serve, ServeTLS) with neither ReadHeaderTimeout nor
//     ReadTimeout, following the server from where it is made to where it
//     starts: a client that sends its headers a byte at a time holds a
//     connection and a goroutine for as long as it likes (Slowloris).
//   - serve-function: http.ListenAndServe, ListenAndServeTLS, Serve and
//     ServeTLS, whose server cannot have timeouts at all.
//   - developer-code: any of the above in code no stranger talks to:
//     an example or demo, a benchmark program, a test utility or a
//     developer tool (the program role of the relevance model in
//     docs/design.md). Off by default; -nodeadline.all reports these
//     findings, and -nodeadline.tools reports them under their own
//     categories instead.
//
// Several sends through one client, starts of one server or dials of one
// dialer that lack the same limit are one finding, at the first call, with
// the other calls as related locations; the fix sets the limit once. A
// client kept in an unexported field is one client when every value
// stored there comes from one place: one literal, or one store of
// http.DefaultClient or of another package's client (the related
// location "chosen here" points at it), so four methods sending through
// c.hc are one finding. A //toctou:ignore directive on any call of the
// finding suppresses it: the finding is reported at the first call a
// directive names.
//
// A function that takes a context and passes it on is left alone; the
// caller that supplies a context that never ends is reported, in any
// package:
//
//	// package fetch
//	func Get(ctx context.Context, url string) (*http.Response, error) {
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//		...
//		return http.DefaultClient.Do(req) // quiet: the callers decide
//	}
//
//	// package main
//	resp, err := fetch.Get(context.Background(), url) // reported: background-context
//
// Suggested fixes write the time limit of the flag -nodeadline.timeout
// (30s by default) and add the time import when the file lacks it:
// &http.Client{...} and &net.Dialer{...} literals gain a Timeout,
// &http.Server{...} literals a ReadHeaderTimeout; http.Get(url) becomes
// (&http.Client{Timeout: 30 * time.Second}).Get(url); net.Dial becomes
// net.DialTimeout and tls.Dial becomes tls.DialWithDialer with a
// net.Dialer that has a Timeout; http.ListenAndServe(addr, h) becomes
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: ...}).ListenAndServe();
// a context.Background() passed to a request becomes a context from
// context.WithTimeout, with its deferred cancel, declared just before the
// statement under a name no other variable uses (ctx, or timeoutCtx when
// ctx is taken). In a function that has a context, a context-dropped
// http.Get(url) becomes a request built with
// http.NewRequestWithContext(ctx, ...), and http.NewRequest(...) becomes
// http.NewRequestWithContext(ctx, ...). The context fix is offered only
// when the deferred cancel cannot cut a response short: the request is
// sent in the same function, outside loops, and the response does not
// leave it. When the function has a context parameter, a
// context.Background() or context.TODO() is replaced by a timeout derived
// from that parameter, so that the caller's cancellation still reaches
// the call. No client Timeout fix is offered when the response body is
// read as a stream (its Body, or a scanner, reader or decoder over it,
// read in a loop, also by a goroutine the function hands it to): the
// Timeout covers reading the body and would cut a
// stream, a watch or a long poll short. The finding is still reported.
//
// What this finds that noctx and gosec do not. noctx reports calls of APIs that take no context (http.Get,
// http.NewRequest, (*http.Client).Get, net.Dial, tls.Dial) whatever bounds
// them, and is satisfied by any context: it reports
//
//	c := &http.Client{Timeout: 10 * time.Second}
//	resp, err := c.Get(url) // bounded by the Timeout: nodeadline is quiet
//
// and accepts
//
//	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
//	resp, err := http.DefaultClient.Do(req) // never ends: nodeadline reports
//
// nodeadline asks whether anything bounds the call: a client Timeout, a
// context deadline, a dialer Timeout. It also finds what noctx cannot see
// in one function: a context.Background() handed to a wrapper in another
// package that sends a request with it, a client with no Timeout kept in
// a struct field and used in a method, a constructor that returns one.
//
// gosec G112 reports an http.Server composite literal that names neither
// ReadHeaderTimeout nor ReadTimeout, by syntax: it reports
//
//	srv := &http.Server{Addr: ":8080", Handler: h}
//	srv.ReadHeaderTimeout = 5 * time.Second // set after the literal
//	srv.ListenAndServe()
//
// and servers that are never started, and misses servers made without a
// literal (var srv http.Server, new(http.Server)) or kept in a field and
// started elsewhere. nodeadline follows the server's value to where it
// starts. gosec G114 reports http.ListenAndServe, ListenAndServeTLS, Serve
// and ServeTLS, as serve-function does; nodeadline adds a fix. Neither
// gosec rule looks at clients or dials.
//
// Not reported, because something bounds the call or the pass cannot
// tell: clients with a Timeout (a constant, a configuration value, a flag that
// sets it: any non-zero value), a transport with a ResponseHeaderTimeout,
// or a RoundTripper of the code's own (it may bound its requests);
// requests whose context has a deadline, or comes from a source the pass
// cannot judge (an incoming request's r.Context(), a field, a
// signal.NotifyContext, a context whose cancel function is handed to a
// timer or a goroutine, a deadline on one path only); functions that pass
// their caller's context on; clients, dialers and servers that come from
// parameters of exported functions or methods, or of functions also used
// as values, from exported fields or variables (any package may set
// their limits), or that are handed to code that may configure them; a
// field that holds the caller's client or, when the caller passes nil, a
// default (the caller chooses); a field one of whose constructors chooses
// a client with a Timeout; an http.NewRequest whose request is returned,
// handed to another function, or given a context by WithContext or Clone;
// the RoundTrip of a RoundTripper of the code's own, whose request and
// context are its caller's;
// net.Listen and other calls that accept rather than reach a peer; dials
// of Unix sockets (also with TLS over them), whose peer is a process of
// the same machine and whose connect succeeds or fails at once (a full
// backlog fails with EAGAIN on the non-blocking sockets Go uses), dials
// of a loopback literal address ("127.0.0.1:6379", "localhost:" + port,
// net.JoinHostPort("::1", port)), whose peer is no stranger, UDP and IP
// dials, which wait for no one, and dials whose network is not a
// constant and cannot be "tcp"; proxy dialers given by the caller or with
// a forward net.Dialer that has a Timeout; requests to a loopback literal
// URL ("http://127.0.0.1:" + port + "/health",
// fmt.Sprintf("http://localhost:%d/ready", port), "http://[::1]:8080/",
// or fmt.Sprintf with the host as its first argument right after "://",
// a loopback literal ("http://%s:%d/", "localhost", port) or a loopback
// address ("http://%s/stats", net.JoinHostPort("localhost", p));
// the host must end within the constant, so "http://localhost" + suffix
// and "http://localhost:80@" + host are reported, as are
// ("http://%s%s/", "localhost", suffix) and ("http://%s@example.com/",
// "localhost")), whose peer is a
// process of the same machine (relevance.LocalURL,
// relevance.LocalPeer), also through an unexported field of a struct
// type of the package that the package's non-test code sets only to
// loopback literals, as a constructor's composite literal does (an
// exported field, a field a parameter or a flag can
// set, or whose address is passed anywhere, is reported); and a URL
// fmt.Sprintf makes of a scheme and a host read from a flag by name
// (cobra's cmd.Flags().GetString("http-address")), or through the
// pointer or variable a string flag binds (*ip of ip := flag.String("ip",
// "127.0.0.1", ...)), also when a function of the package that only
// its own code calls is given that host by every call, and a URL that
// is one of several such on a branch, that the package defines with a
// loopback default ("localhost", "127.0.0.1"):
// fmt.Sprintf("http://%v:%v/startup", host, port), the verb the whole
// host (a CLI talking to its own daemon, on this machine unless the
// operator says otherwise), or a URL read from such a string flag whose
// default is a loopback URL, perhaps with a path concatenated to it
// (*endpoint + "ct/v1/add-chain" of endpoint := flag.String("endpoint",
// "http://localhost:5951/", ...); the default's host must end within it
// when a suffix follows); requests to the cloud platform's metadata
// service ("http://169.254.169.254/...") stay reported: in a container
// behind an IMDS hop limit of 1 the response never arrives;
// servers no stranger can reach or that serve only debugging
// (internal/relevance, the relevance model of docs/design.md): an address
// that is a loopback literal ("127.0.0.1:...", "localhost:...",
// "[::1]:..."), or is read from a string flag (flag.String,
// flag.StringVar, a FlagSet's, pflag's, or pflag's GetString of the
// flag's name) whose default is one and that nothing else sets (no
// store through flag.String's pointer, as *addr = ":" + os.Getenv("PORT")
// is, and the pointer handed to no call; the flag not set by name, as
// flag.Set("addr", v) or Lookup("addr").Value.Set(v) does, nor any flag by
// a name that is not a constant or through the Value of a flag found
// otherwise, as flag.VisitAll(func(f *flag.Flag) { f.Value.Set(env) })
// does, except where the Set method of a wrapper Value passes the string
// it is given on to the Value it wraps (v.Value.Set(s)), nor in a
// deferred call, through flag.Set kept as a value, or through an
// interface or type parameter with a FlagSet's Set(name, value string)
// error; os.Args not rewritten and no constant argument for the flag
// written by the program ("-addr=0.0.0.0:8080" prepended to what it
// parses); no package of the same module that the
// program imports setting it (a package fact: an internal/platform
// package's flag.Set("addr", ":"+port), an envflag helper's VisitAll;
// a library of another module that fills flags from the environment or
// a file, such as ff, passes on what the operator says, as the command
// line does); for GetString, no store into what the definition binds;
// the variable not exported, which another package may set, and not
// emptied after its declaration, addr = "" being every interface), also
// a field of an unexported struct variable the
// flag binds (fs.StringVar(&args.listen, ...)) that is only loaded
// elsewhere (the program listens on loopback unless its operator says
// otherwise; a default of ":8080", "0.0.0.0:80" or "" is reported, and
// so is a listener systemd passes by socket activation, whose address
// is the socket unit's, with no default the program can show local); a
// listener on a Unix socket or a loopback address or flag default, or
// an address a helper of the analyzed code joins from a loopback host
// (JoinHostPort("localhost", port) of its own JoinHostPort), or that
// joins a port to a host flag whose default is a loopback host and that
// nothing else sets (net.JoinHostPort(*host, *port) or *host + ":" +
// *port with host := flag.String("h", "127.0.0.1", ...)); an
// http.Server's Addr and Handler are read from where the function
// stores them only while nothing but the server's own methods is given
// the server (configure(srv) may set them), the server is kept in no
// variable of the package or field (current = srv) and no closure that
// captures it sets a field (override := func(a string) { srv.Addr = a
// }); a listener variable counts only while its address is handed to no
// call and no closure sets it (also
// wrapped by tls.NewListener or x/net/netutil's LimitListener, or in a
// struct whose Accept returns only what it accepted from one field of
// it (it hands no other field to a call, receives from no channel, the
// type is not generic, and the field is set only where a value of the
// type is made, never through a method or a whole-value store),
// as an idle-timeout listener type does; chosen on branches that all
// make one, or none; returned by a helper of the analyzed code, also
// when it returns one only on some paths and nil on the others, as a
// helper that opens a second listener on localhost beside the public
// one does; or kept in an unexported
// field of a type of the package every store into which, anywhere in the
// package, is such a listener; wrapper types and join helpers of other
// packages of the analyzed code are followed through facts: "accepts
// from field N of its receiver" on an Accept method, "returns an address
// whose host is parameter N" on a join helper); a tailnet listener of tailscale.com/tsnet
// (Listen, ListenTLS: only the devices the tailnet's owner admitted
// connect; ListenFunnel, open to the internet, is reported); an
// in-memory listener: grpc's bufconn, fasthttputil's InmemoryListener, a
// pipe listener, a listener type of the analyzed code whose Accept hands
// out only connections received from a channel or made by net.Pipe, in a
// package whose non-test code accepts from no network listener (a
// package that does, as a connection multiplexer does, may be relaying
// network connections through the channel, and is reported; a test that
// accepts and hands its connections over is not part of the program;
// so is an Accept that receives from a channel field on which an
// exported function, or an exported method of an exported type, sends a
// connection its caller gives (also in a select case, from a goroutine,
// or in a struct made around it), as a protocol sniffer's Push(c
// net.Conn) does: another package may feed it from the network; also
// when an unexported helper such a method gives the connection makes
// the send; a send through an unexported type's method reached by an
// interface is not followed),
// or a function of the analyzed
// code that returns such a listener (an in-process "memnet"; fact:
// "returns a listener no stranger reaches"); an address or listener the
// program names for metrics, monitoring, prometheus, pprof, profiling or
// debug, by a field on the way to it (cfg.Monitoring.Port,
// opts.PprofAddr), a package-level variable, a flag's name
// ("metrics-addr", also looked up with GetString) or a function that
// makes it and wraps nothing of its kind (createMetricsListener(u), not
// withMetricsListener(l)): the operator's port, whatever its handler
// serves (relevance.MonitoringNamed); a handler that is
// promhttp's, expvar's, net/http/pprof's, docker/go-metrics' or
// OpenTelemetry's z-pages tracez handler, or a debug helper's
// ("returns a handler that serves only debugging"); a ServeMux, or a
// gorilla/mux Router (Handle, HandleFunc, Path or PathPrefix with one
// Handler or HandlerFunc, narrowed by Methods and the like, no
// Subrouter), that receives only debug registrations (a route under
// /debug/ or /metrics, the index /debug,
// "/debug/"+name included, a health probe's exact route, /healthz,
// /readyz, /livez, /startupz (and their subtrees), /health, /healthcheck,
// /ready, /readiness, /live, /liveness, /startup or two of them
// (/health/ready; not a subtree such as /live/ or /health/records/): the
// orchestrator's and the monitoring system's endpoints, which serve no
// data; never a pattern with a method other than GET or HEAD, such as a
// pushgateway's POST /metrics/{job}, also when computed ("PUT
// /metrics/"+job) or narrowed by gorilla's Methods("POST"); or a debug
// handler at any route),
// directly or
// through debug helpers of the analyzed code (fact: "registers only debug
// handlers on parameter i", also through an unexported field of the
// helper's type, as a Debugger's Handle method uses it, and a helper
// that first looks its page up with the mux's Handler method, which
// registers nothing, or only serves the mux it is given), with beside
// them at most pages of constant text
// (a handler that captures nothing and writes only constants: an index
// linking to /debug/, an "ok" health check; a mux with such pages alone
// is reported; on the DefaultServeMux, "/" only redirected to a debug
// route, as http.Redirect(w, r, "/debug", code) or
// http.RedirectHandler("/debug/", code) does; statsviz.Register given
// the mux adds only its graphs), also one made outside a goroutine's closure and served
// inside it, directly or as the Handler of an http.Server made outside
// the closure that only calls the server's methods (a mux handed to any
// other function, or as an interface other than http.Handler, such as a
// generated router's ServeMux interface with HandleFunc, may receive the
// API's routes, and is reported); and the
// DefaultServeMux (a nil handler, or an http.Server whose Handler is
// never set) when what the package and every package it imports register
// on it (a package fact, "registers debug handlers on
// http.DefaultServeMux") is the side effect of importing net/http/pprof
// or expvar, a debug handler, or a debug route, with at least one of the
// first three; a DefaultServeMux that also gets another route, is
// handed to a function that is no debug helper, or is kept in a
// variable, a field or a closure's capture (var router =
// http.DefaultServeMux), anywhere in that import closure, is reported.
// Not reported either (a known gap: a library that imports
// net/http/pprof and serves the DefaultServeMux on which its importer
// registers the API is not reported, as the library cannot see the
// importer's routes): a server of the
// DefaultServeMux in a library whose import closure registers no route
// on it. Such a library serves what the
// program's main package puts there, most often the profiles of
// net/http/pprof ("serve the DefaultServeMux when the profiling address
// is set"), and cannot say it is a network server; a main package that
// registers nothing is judged as any server. Nor a server whose address,
// listener or handler is a parameter of a function that only the
// package's own code calls (unexported, or in package main, its value
// never escaping) when, at every call site, what the caller passes makes
// it one of the above (a helper that starts the health server on the mux
// and the address it is given). Nor what an exported
// function or method F of a library does when its package, or its
// receiver type, also offers FContext taking a context first, the
// convention of net.Dial and DialContext: F is the convenience form, and
// a caller that needs a bound calls FContext. DNS lookups, which the resolver
// bounds; the network packages of the
// standard library themselves (net/http's Get is the API, not a use of
// it); requests to an httptest.Server the
// code started itself and its Client(); calls through interfaces and
// method values; http.DefaultClient when the package assigns it or its
// Timeout. Findings in generated files are never reported, and findings
// in _test.go files only with -nodeadline.tests: tests talk to servers
// they start, and the test binary has its own timeout. Findings in
// examples, benchmark programs, test utilities and developer tools are the
// developer-code category, off by default, as internal/relevance decides
// the program's role from what the code says (docs/design.md): the words
// of its path elements (split at -, _ and .): example(s) in any package
// (pkg/foo_example), benchmark(s) under which it lies; in a main package
// also demo, sample, test(s), e2e, fake, mock, tool(s), dev, hack,
// script(s) or gen (cmd/proxy-test-server, tool/x, cmd/connector-gen) or
// a compound test word (unittest, tstest; not latest or speedtest), or
// doc(s)/ above it; a library with a test word (or endtoend) as a whole
// element or in a directory above it (pkg/test, integration-tests/x,
// vttablet/endtoend/x; not pkg/ab-test), or
// in a demo's directory (cmd/app-demo-x/conn); a package under
// t/ (the Git project's test directory; a library under tools/ or
// internal/tools/ is ordinary); a main package that imports testing,
// a package of its module that is a test utility by a test word of its
// path (tstest/natlab/vnet; not fake or mock), or starts an httptest server, whose files are all named example*.go, that
// lies in or under a directory named release, that names a Go source file
// in a call and starts no network server (not "_test.go" or "*.go", nor
// an argument of strings or filepath.Match: a test of a name) or whose
// func main calls cobra/doc's documentation generators (cmd/gendocs),
// or whose file starts with the line that runs it as a script with go
// run (// /bin/true; exec /usr/bin/env go run "$0" "$@");
// a package
// whose non-test code names a type of testing (T, B, TB; in one file of a
// production package, that file), one named xtest
// that imports a package named x (httptest and net/http), or one named
// testutil(s), testhelper(s) or testing; a file built only with the ignore,
// tools, integration
// or e2e tag (that file alone, unless all are). No stranger talks to them. Streaming code
// that must not have a deadline (a long poll, a watch, a server-sent
// event stream) says so with a suppression and its reason.
//
// The standard library is known through a table of its functions
// (internal/netops), never through facts, so results are the same under
// every driver; so is golang.org/x/net/proxy.
//
// New in this version: servers on in-memory listeners of the analyzed
// code, on muxes of its debug helpers (also ones that look their page
// up first, beside constant pages), on flag-bound fields of struct
// variables with a loopback default, on listeners kept in unexported
// fields that hold only local ones, on a DefaultServeMux whose debug
// registrations are in other packages, on loopback flag defaults, and
// on a DefaultServeMux a library serves with no route registered in its
// import closure are not reported, nor the convenience form F of an API
// that offers FContext; dial-connect, an opt-in category of its own for
// plain TCP connects (formerly dial-timeout and, with a context that
// never ends, background-context); dials and requests to the machine
// itself left alone; callees that bound themselves or stream left alone;
// one finding per client kept in a field and chosen with no literal; a
// client chosen by one constructor among several
// (New storing http.DefaultClient beside NewWithClient(c)), a client
// passed to an unexported helper by every one of its calls, sends through
// RoundTrip, http.NewRequest in a function that has a context, dials
// through golang.org/x/net/proxy, and net.Dial with a network variable
// that can be "tcp".
package nodeadline

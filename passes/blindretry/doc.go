// Package blindretry defines an Analyzer that reports retries of
// operations that must happen only once: an HTTP POST, a SQL INSERT, a
// charge, repeated after an attempt whose outcome is unknown.
//
// # Analyzer blindretry
//
// blindretry: report retries that can repeat a non-idempotent operation
//
// A failed call is not a call that did nothing. When a request times out,
// or the connection drops while the answer is on its way, the server may
// well have done the work: a timeout is not a failure, it is an unknown
// outcome. Retrying an idempotent operation (GET, PUT, DELETE, an upsert)
// after an unknown outcome is harmless; retrying one that is not repeats
// its effect. The classic case is the double charge:
//
//	for i := 0; i < 3; i++ {
//		resp, err := http.Post(chargeURL, "application/json", bytes.NewReader(body))
//		if err == nil { // the first attempt may have charged the card,
//			resp.Body.Close() // then timed out before the answer came back:
//			return nil // the second attempt charges it again
//		}
//		time.Sleep(time.Second)
//	}
//
// The remedy is an idempotency key: a value made once for the operation,
// before the first attempt, and sent with every attempt, so that the
// server can recognise a repeated attempt and answer it without acting
// twice:
//
//	key := uuid.NewString() // once per charge, not once per attempt
//	for i := 0; i < 3; i++ {
//		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, chargeURL, bytes.NewReader(body))
//		req.Header.Set("Idempotency-Key", key)
//		...
//	}
//
// When the server offers no such key, the other remedy is not to retry
// when the outcome is unknown: retry only errors that prove the request
// was not acted upon (a refused connection, a 429 or 503 answer), and
// report the rest to the caller.
//
// What is a retry. blindretry decides on the SSA control-flow graph, not on the syntax,
// whether a call is retried:
//
//   - a loop (a three-clause or condition-only for loop, an infinite for
//     {}, or a range over an integer) in which the call's error leads
//     back to the loop header (by continue, by falling through, after a
//     sleep or a backoff) while a success leaves the loop (return or
//     break on err == nil, or a loop condition on the error). A loop over
//     items is not a retry: ranges over slices, maps, channels, strings
//     and iterators, counted loops whose call uses the loop index or an
//     item received in the loop, and loops whose success goes on looping;
//   - a callback handed to a retry helper of a known library, when a
//     failure of the call makes the callback ask for another attempt:
//     github.com/cenkalti/backoff (v1 to v4: Retry, RetryNotify,
//     RetryNotifyWithTimer, RetryWithData, RetryNotifyWithData,
//     RetryNotifyWithTimerAndData; v5: Retry), which retries every error
//     but backoff.Permanent ones; github.com/avast/retry-go (and v4: Do,
//     DoWithData), which retries every error but retry.Unrecoverable ones;
//     github.com/sethvargo/go-retry (Do), which retries only errors wrapped
//     by retry.RetryableError; and k8s.io/apimachinery/pkg/util/wait
//     (ExponentialBackoff, ExponentialBackoffWithContext, Poll,
//     PollImmediate, PollInfinite, PollImmediateInfinite, PollWithContext,
//     PollImmediateWithContext, PollInfiniteWithContext,
//     PollImmediateInfiniteWithContext, PollUntil, PollImmediateUntil,
//     PollUntilWithContext, PollImmediateUntilWithContext,
//     PollUntilContextTimeout, PollUntilContextCancel), whose condition
//     asks again by returning false and a nil error;
//   - a function of the analyzed code that calls one of its function
//     parameters again after an error, in such a loop or through such a
//     helper (found in any package through analysis facts: "retries its
//     callback param N");
//   - github.com/hashicorp/go-retryablehttp: its clients (Client.Do,
//     Client.Post, Client.PostForm, the package's Post and PostForm, and
//     the *http.Client that Client.StandardClient returns) resend every
//     method after connection errors and 5xx answers by default.
//
// The tests on the error decide which failures are retried. An error
// compared with nil is any error. A test that picks out some errors
// (errors.Is(err, errConflict), a status code, a retryable predicate of
// the code's own) makes the retry selective: a generic error is assumed
// not to match it, so "if isPermanent(err) { return err }" still retries
// the rest, while "if isRetryable(err) { continue }" is not reported, as
// its predicate may well be limited to failures the server rejected. A
// timeout test (errors.Is(err, context.DeadlineExceeded), os.IsTimeout,
// the Timeout method of net.Error, by type assertion or errors.As, and
// gRPC's codes.DeadlineExceeded) is known: a call retried after a timeout
// is reported as retried "after a timeout", and a retry loop that stops
// on a timeout but retries other errors is left alone, since its author
// has already set the unknown outcome apart.
//
// Retry helpers that take a predicate or an option we cannot read are
// not reported: retry-go's RetryIf, client-go's retry.OnError, and
// retry.RetryOnConflict (k8s.io/client-go/util/retry), which retries only
// conflicts, that is requests the server rejected, by design. Nor are
// helpers whose options turn retries off: retry.Attempts(1),
// backoff.WithMaxTries(1), backoff.WithMaxRetries(b, 0) and
// &backoff.StopBackOff{}.
//
// What is not idempotent:
//
//   - HTTP POST and PATCH requests: http.Post and http.PostForm, the
//     Post and PostForm methods of *http.Client, and Client.Do (or
//     Transport.RoundTrip) of a request built in the same function by
//     http.NewRequest, http.NewRequestWithContext or an &http.Request{}
//     literal with the method http.MethodPost, http.MethodPatch, "POST" or
//     "PATCH" (also after WithContext or Clone). A request that carries an
//     idempotency-key header (Idempotency-Key, X-Idempotency-Key, and the
//     names given to -blindretry.keys) whose value is made before the
//     retry, or derived from such a value, is safe. A key made anew on
//     every attempt (uuid.New, time.Now, math/rand inside the loop or the
//     callback) is reported in its own category, key-per-attempt: the
//     server cannot tell the attempts apart. A request built in another
//     function, or handed to a function that could set its headers, is
//     not judged;
//   - SQL statements run by the Exec and ExecContext methods of
//     database/sql's DB, Tx and Conn, when the statement is a constant we
//     can read: an INSERT without ON CONFLICT, ON DUPLICATE KEY, INSERT
//     IGNORE, INSERT OR ... or a NOT EXISTS guard, and an UPDATE whose SET
//     clause adds to a column from itself (SET balance = balance + ?);
//   - functions of the analyzed code that perform one of these, without
//     retrying it themselves, and return an error when it fails (found in
//     any package through analysis facts: "performs a non-idempotent
//     operation"), and SDK-style wrappers that send a request whose method
//     is one of their string parameters (c.do(ctx, method, path, body):
//     "sends an HTTP request with the method from param N"), when a call
//     passes POST or PATCH there;
//   - a request whose method its caller chose, resent whatever that
//     method is (retried-any-method): retry middleware, an http.RoundTripper
//     whose RoundTrip loops on Base.RoundTrip(req) with its caller's
//     request, and a client library's loop around a request it builds from
//     its caller's method (r.Method, a method parameter). Such loops are
//     usually gated only by retryable-error and retryable-status
//     predicates, which match timeouts and reset connections: they are
//     reported whatever the predicate, unless the function looks at the
//     method (req.Method, a test of the method value), looks up an
//     idempotency-key header, or hands the request, or the object its
//     method is read from, to other code (r.isIdempotent(), the fix such
//     libraries adopt);
//   - the writes of well-known RPC clients, through a table: etcd's KV Put
//     and a Txn's Commit (go.etcd.io/etcd/client/v3), whose retried
//     compare-and-swap can find its own first write (retried-rpc-write).
//
// database/sql drivers (badconn-after-send). database/sql answers
// driver.ErrBadConn by running the statement again on another
// connection, so a driver may return it only when the statement cannot
// have reached the server. In the Exec, ExecContext, Query and
// QueryContext methods of a type that implements driver.Conn, Stmt,
// Execer(Context) or Queryer(Context), a return of driver.ErrBadConn that
// can run after a write to the connection (a Write on a net.Conn, a
// *tls.Conn, a bufio.Writer, or a function of the package that makes
// one) or after a wrapped driver ran the statement is reported, with a
// related location at the write. A method that compares an error with
// driver.ErrBadConn passes on the wrapped driver's own verdict and is
// // left alone, as is ErrBadConn returned before the first write. The
// functions of the package those methods call are checked the same way
// (a writeCommand helper that answers a failed write with
// driver.ErrBadConn); helpers in other packages are not followed.
//
// So a loop that retries a user function that posts,
//
//	for {
//		if err := payments.Charge(ctx, card, amount); err == nil {
//			return nil
//		}
//	}
//
// is reported at the payments.Charge call. A function that sends an
// idempotency key it takes from its caller is not such a function; one
// that makes a new key on every call is, in category key-per-attempt.
//
// GET, HEAD, PUT, DELETE and OPTIONS requests, queries, DELETE and plain
// SET statements, upserts, and requests with a stable key are never
// reported. Nor are: a loop that sends again whether or not the last call
// succeeded (periodic work, a keep-alive, not a retry); a POST whose
// arguments or body carry an identifier (a UUID, a ULID, an xid) made
// before the loop, such as a message id in an event, which the server can
// deduplicate attempts on; and a POST retried by a function that tells
// no one of its failure (no error result, neither main nor an HTTP
// handler): at-least-once shipping of logs and metrics, whose author
// prefers a duplicate to a loss.
//
// Each report carries a category: retried-http-write (a POST or PATCH
// retried without an idempotency key), retried-sql-write (an INSERT or an
// incrementing UPDATE retried), key-per-attempt (a retried request whose
// idempotency key changes on every attempt), retryablehttp-write (a POST
// or PATCH sent through a go-retryablehttp client, which retries it by
// default; not reported in a package that sets the client's CheckRetry,
// or RetryMax to 0), retried-any-method (the caller's request resent
// whatever its method), retried-rpc-write (an etcd Put or Txn retried),
// badconn-after-send (a driver's ErrBadConn after a write) and
// retry-on-timeout.
//
// retry-on-timeout reports a call whose idempotency is unknown (a method
// of an interface, a function of another module, a request whose method
// is not a constant) that is retried specifically after a timeout: the
// code knows the call timed out, and a timeout is exactly the unknown
// outcome. It is off by default and enabled by -blindretry.timeouts,
// because most calls retried on a timeout in real code are reads, polls
// and connection attempts that are safe to repeat, and the pass cannot
// tell them from writes without knowing what the callee does.
//
// The report is at the call inside the retry, with a related location at
// the loop or at the retry helper's call. It names the operation, says
// why repeating it is unsafe, and gives the remedy: an idempotency key
// created once before the retries and sent on every attempt, or no retry
// when the outcome is unknown.
//
// blindretry suggests no fixes. The fix is a key, and a key has to come
// from the caller's domain: the order, the payment or the message the
// operation stands for, created where that object is created and stored
// with it, and the server must support it. A key the tool made up in front
// of the loop would silence the report without making the retry safe when
// the whole function is retried by its own caller.
//
// Known limits. A key carried in the request body is seen only when it
// is made in the function by a known identifier source before the loop;
// one that comes from the caller's object is not, so such a retry is
// reported although the server collapses the attempts: say so with a
// //nolint comment. A request built in another function, with a method
// from a variable that is not the caller's, or sent through an interface
// other than http.RoundTripper, is not judged,
// nor is a go-retryablehttp client whose retry policy is set in another
// package; a retry whose error goes through a callback or a predicate of
// the code's own is not recognised. A POST that is an RPC carrier for a
// read or an idempotent update (etcd's lease renewal and member promotion
// over HTTP) is reported, since only the server's handler says what it
// does: on the corpus of docs/precision.md every finding was of that kind,
// which is why the pass is off by default (select it with -blindretry).
//
// Findings in generated files are never reported, and findings in _test.go
// files only with the flag -blindretry.tests: tests retry against servers
// they start themselves.
//
// New in this version: retried-any-method (retry middleware and client
// libraries that resend the caller's method), retried-rpc-write (etcd's
// Put and Txn), badconn-after-send (database/sql drivers), SDK wrappers
// whose method is a parameter; and, left alone, periodic loops, bodies
// that carry an identifier made before the loop, and best-effort
// shippers. The pass stays off by default until it is measured on code
// it has not seen.
package blindretry

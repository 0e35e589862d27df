package blindretry

import "fmt"

// PerformsFact marks a function of the analyzed code that performs an
// operation that must happen once (an HTTP POST without a stable
// idempotency key, a SQL INSERT) and reports that operation's failure
// through its error result, like
//
//	func Charge(ctx context.Context, c Card) error {
//		_, err := http.Post(chargeURL, "application/json", body(c))
//		return err
//	}
//
// A retry of a call to it repeats the operation.
type PerformsFact struct {
	Category string // the category a retry of the function is reported under
	What     string // what it does, as messages say it: "sends an HTTP POST request"
	Err      int    // index of the error result
	// MethodParam, when positive, is the parameter (receiver first)
	// holding the HTTP method of the request the function sends: a
	// call is a write when it passes POST or PATCH there.
	MethodParam int
}

// AFact marks PerformsFact as an analysis fact.
func (*PerformsFact) AFact() {}

// String is how analysistest expectations and -json output show the fact.
func (f *PerformsFact) String() string {
	if f.MethodParam > 0 {
		return fmt.Sprintf("sends an HTTP request with the method from param %d", f.MethodParam)
	}
	return "performs a non-idempotent operation: " + f.What
}

// RetriesFact marks a function of the analyzed code that calls one of its
// function parameters again when it returns an error, like
//
//	func WithRetry(attempts int, op func() error) (err error) {
//		for range attempts {
//			if err = op(); err == nil {
//				return nil
//			}
//		}
//		return err
//	}
//
// The operation a caller passes there is retried.
type RetriesFact struct {
	Param     int  // index of the callback parameter (receiver first, for methods)
	OnTimeout bool // only an error that is a timeout leads to another call
}

// AFact marks RetriesFact as an analysis fact.
func (*RetriesFact) AFact() {}

// String is how analysistest expectations and -json output show the fact.
func (f *RetriesFact) String() string {
	if f.OnTimeout {
		return fmt.Sprintf("retries its callback param %d after a timeout", f.Param)
	}
	return fmt.Sprintf("retries its callback param %d after an error", f.Param)
}

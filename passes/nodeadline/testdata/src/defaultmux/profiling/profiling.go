// want package:"registers debug handlers on http.DefaultServeMux"

// Package profiling turns on the profiles (net/http/pprof registers them
// on the DefaultServeMux).
package profiling

import _ "net/http/pprof"

// Enabled says the profiles are served.
const Enabled = true

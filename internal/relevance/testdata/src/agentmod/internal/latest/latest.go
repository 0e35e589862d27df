// Package latest tells the latest release: an ordinary word ending in
// "test".
package latest

// Version is the latest release.
const Version = "1.0"

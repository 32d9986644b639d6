// Package jspromise waits for JavaScript promises from Go in the browser (GOOS=js); it is
// empty elsewhere.
package jspromise

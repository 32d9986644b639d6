// Package assets holds the digits asset (digits.gz, written by `go generate` in
// models/imagedata) for the desktop program, which embeds it. The browser fetches it on
// demand instead; the wasm binary does not import this package.
package assets

import "embed"

// FS holds digits.gz.
//
//go:embed digits.gz
var FS embed.FS

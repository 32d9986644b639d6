// Package pretrained holds the image demos' pretrained weights (DEMO.safetensors, written
// by train.sh) for the desktop program, which embeds them. The browser fetches the same
// files on demand instead (package demos/assets); the wasm binary does not import this
// package.
package pretrained

import "embed"

// FS holds every DEMO.safetensors file.
//
//go:embed *.safetensors
var FS embed.FS

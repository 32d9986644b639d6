// Package assets names the files that the image demos load on demand, as the page fetches
// them (relative to the page) and as `make dist` lays them out:
//
//	assets/digits.gz                      the MNIST digits (models/imagedata/assets/digits.gz)
//	assets/weights/DEMO.safetensors       pretrained weights (models/pretrained/DEMO.safetensors)
//
// They stay out of the wasm binary, so the 2-D scenes start without them. Layout serves a
// checkout's files under these names; Overlay adds them to the page's static files. The
// package is small on purpose: the dev server imports it.
package assets

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Dir is the folder of the assets next to the page.
const Dir = "assets"

// Digits is the served name of the digits asset.
const Digits = Dir + "/digits.gz"

// Weights returns the served name of a demo's pretrained weights ("dcgan", "cyclegan", ...).
func Weights(demo string) string { return Dir + "/weights/" + demo + ".safetensors" }

// Paths from the repository root of what Layout serves.
const (
	RepoDigits  = "models/imagedata/assets/digits.gz"
	RepoWeights = "models/pretrained"
)

// FS serves the assets under their served names: Digits from DigitsFS ("digits.gz") and
// each weight file from WeightsFS ("DEMO.safetensors"). Only these names exist in it.
type FS struct {
	DigitsFS, WeightsFS fs.FS
}

// Open opens a served name.
func (a FS) Open(name string) (fs.File, error) {
	switch {
	case name == Digits && a.DigitsFS != nil:
		return a.DigitsFS.Open("digits.gz")
	case strings.HasPrefix(name, Dir+"/weights/") && a.WeightsFS != nil:
		base := strings.TrimPrefix(name, Dir+"/weights/")
		if path.Ext(base) == ".safetensors" && !strings.Contains(base, "/") && fs.ValidPath(base) {
			return a.WeightsFS.Open(base)
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Layout returns the assets of the checkout at root under their served names.
func Layout(root string) FS {
	return FS{DigitsFS: os.DirFS(filepath.Join(root, filepath.Dir(RepoDigits))), WeightsFS: os.DirFS(filepath.Join(root, RepoWeights))}
}

// Overlay returns base with the names under Dir taken from a instead.
func Overlay(base, a fs.FS) fs.FS { return overlay{base, a} }

type overlay struct{ base, a fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, Dir+"/") {
		return o.a.Open(name)
	}
	return o.base.Open(name)
}

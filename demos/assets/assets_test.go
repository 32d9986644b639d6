package assets

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestLayout checks that the checkout's assets are served under the names the page
// fetches and that nothing else is.
func TestLayout(t *testing.T) {
	root := filepath.Join("..", "..")
	a := Layout(root)
	for served, repo := range map[string]string{
		Digits:              RepoDigits,
		Weights("dcgan"):    filepath.Join(RepoWeights, "dcgan.safetensors"),
		Weights("cyclegan"): filepath.Join(RepoWeights, "cyclegan.safetensors"),
	} {
		got, err := fs.ReadFile(a, served)
		if err != nil {
			t.Fatalf("%s: %v", served, err)
		}
		want, err := os.ReadFile(filepath.Join(root, repo))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s is not %s", served, repo)
		}
	}
	for _, bad := range []string{"assets", "assets/weights", "assets/weights/train.sh", "assets/weights/../digits.gz",
		"assets/weights/x/../dcgan.safetensors", "assets/other.gz", "go.mod"} {
		if f, err := a.Open(bad); !errors.Is(err, fs.ErrNotExist) {
			if f != nil {
				f.Close()
			}
			t.Errorf("Open(%q): %v; want not found", bad, err)
		}
	}
}

// TestOverlay checks that names under assets/ come from the assets and the rest from base.
func TestOverlay(t *testing.T) {
	base := fstest.MapFS{"index.html": {Data: []byte("page")}, "assets/digits.gz": {Data: []byte("shadowed")}}
	a := FS{DigitsFS: fstest.MapFS{"digits.gz": {Data: []byte("digits")}}}
	o := Overlay(base, a)
	for name, want := range map[string]string{"index.html": "page", Digits: "digits"} {
		f, err := o.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := io.ReadAll(f)
		f.Close()
		if string(b) != want {
			t.Errorf("%s = %q; want %q", name, b, want)
		}
	}
	if _, err := o.Open(Weights("dcgan")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a weight file without WeightsFS: %v", err)
	}
}

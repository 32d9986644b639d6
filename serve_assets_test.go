package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"testing/fstest"

	"github.com/ganplay/ganplay/demos/assets"
)

// TestServeAssets checks that the dev server serves the image demos' assets from the
// checkout under the names the page fetches, byte for byte, and 404s an unknown one.
func TestServeAssets(t *testing.T) {
	static := fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}
	srv := httptest.NewServer(newHandler(assets.Overlay(static, assets.Layout("."))))
	defer srv.Close()
	for served, repo := range map[string]string{assets.Digits: assets.RepoDigits, assets.Weights("pix2pix-sketch"): assets.RepoWeights + "/pix2pix-sketch.safetensors"} {
		want, err := os.ReadFile(repo)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.Get(srv.URL + "/" + served)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(want)) {
			t.Errorf("GET /%s: %s, %d bytes; want 200, %d", served, resp.Status, resp.ContentLength, len(want))
		}
	}
	for _, p := range []string{"/" + assets.Weights("nope"), "/assets/weights/", "/assets/train.sh"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s; want 404", p, resp.Status)
		}
	}
}

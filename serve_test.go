package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestMain lets a test run the real main in a child process (see TestPortInUse).
func TestMain(m *testing.M) {
	if os.Getenv("GANPLAY_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

var big = strings.Repeat("ganplay trains GANs in the browser. ", 200) // > minGzipSize

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>ganplay</title>" + big)},
		"app.js":           {Data: []byte(big)},
		"small.js":         {Data: []byte("let x = 1;")},
		"ganplay.wasm":     {Data: []byte("\x00asm" + big)},
		"style.css":        {Data: []byte(big)},
		"data.json":        {Data: []byte(`{"a":"` + big + `"}`)},
		"img.png":          {Data: []byte("\x89PNG" + big)},
		"blob.bin":         {Data: []byte(big)},
		"sub/index.html":   {Data: []byte("sub index")},
		"empty/readme.txt": {Data: []byte("no index here")},
	}
}

func get(t *testing.T, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestMIMETypes(t *testing.T) {
	h := newHandler(testFS())
	for path, want := range map[string]string{
		"/":             "text/html; charset=utf-8",
		"/index.html":   "text/html; charset=utf-8",
		"/app.js":       "text/javascript; charset=utf-8",
		"/ganplay.wasm": "application/wasm",
		"/style.css":    "text/css; charset=utf-8",
		"/data.json":    "application/json",
		"/img.png":      "image/png",
		"/blob.bin":     "application/octet-stream",
	} {
		w := get(t, h, path)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d", path, w.Code)
		}
		if got := w.Header().Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", path, got)
		}
		if w.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: compressed although the client did not ask", path)
		}
	}
}

func TestGzip(t *testing.T) {
	fsys := testFS()
	h := newHandler(fsys)
	for _, path := range []string{"/ganplay.wasm", "/app.js", "/index.html", "/style.css", "/data.json"} {
		for i := 0; i < 2; i++ { // the second round is served from the cache
			w := get(t, h, path, "Accept-Encoding", "gzip, deflate, br")
			if w.Header().Get("Content-Encoding") != "gzip" {
				t.Fatalf("%s: not gzipped: %v", path, w.Header())
			}
			if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
				t.Errorf("%s: no Vary: Accept-Encoding", path)
			}
			if cl := w.Header().Get("Content-Length"); cl != strconv.Itoa(w.Body.Len()) {
				t.Errorf("%s: Content-Length %s, body %d bytes", path, cl, w.Body.Len())
			}
			want := fsys[strings.TrimPrefix(path, "/")].Data
			if dl := w.Header().Get("X-Decoded-Length"); dl != strconv.Itoa(len(want)) {
				t.Errorf("%s: X-Decoded-Length %s, want %d", path, dl, len(want))
			}
			zr, err := gzip.NewReader(w.Body)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: decompressed body differs", path)
			}
		}
	}
	// Not compressed: images, tiny files, and clients that refuse gzip.
	for _, tc := range []struct{ path, accept string }{
		{"/img.png", "gzip"},
		{"/small.js", "gzip"},
		{"/app.js", "gzip;q=0, br"},
		{"/app.js", "identity"},
		{"/app.js", "*;q=0"},
	} {
		w := get(t, h, tc.path, "Accept-Encoding", tc.accept)
		if w.Code != http.StatusOK || w.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s with %q: status %d, Content-Encoding %q", tc.path, tc.accept, w.Code, w.Header().Get("Content-Encoding"))
		}
	}
}

func TestGzipCacheFollowsChanges(t *testing.T) {
	fsys := testFS()
	h := newHandler(fsys)
	get(t, h, "/app.js", "Accept-Encoding", "gzip")
	fsys["app.js"] = &fstest.MapFile{Data: []byte(big + "changed"), ModTime: time.Now()}
	w := get(t, h, "/app.js", "Accept-Encoding", "gzip")
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if !strings.HasSuffix(string(got), "changed") {
		t.Error("served a stale compressed body after the file changed")
	}
}

func TestConditionalRequests(t *testing.T) {
	h := newHandler(testFS())
	for _, accept := range []string{"gzip", ""} {
		w := get(t, h, "/app.js", "Accept-Encoding", accept)
		etag := w.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("accept %q: no ETag", accept)
		}
		w = get(t, h, "/app.js", "Accept-Encoding", accept, "If-None-Match", etag)
		if w.Code != http.StatusNotModified {
			t.Errorf("accept %q: If-None-Match gave %d, want 304", accept, w.Code)
		}
	}
	a := get(t, h, "/app.js", "Accept-Encoding", "gzip").Header().Get("ETag")
	b := get(t, h, "/app.js").Header().Get("ETag")
	if a == b {
		t.Error("gzip and identity responses share an ETag")
	}
}

func TestNotFound(t *testing.T) {
	h := newHandler(testFS())
	for _, path := range []string{"/missing.js", "/sub/missing", "/empty/", "/favicon.ico"} {
		if w := get(t, h, path); w.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, w.Code)
		}
	}
	if w := get(t, h, "/sub/"); w.Code != http.StatusOK || w.Body.String() != "sub index" {
		t.Errorf("/sub/: %d %q", w.Code, w.Body.String())
	}
	if w := get(t, h, "/sub"); w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/sub/" {
		t.Errorf("/sub: %d Location %q", w.Code, w.Header().Get("Location"))
	}
	r := httptest.NewRequest(http.MethodPost, "/index.html", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", w.Code)
	}
}

// TestTraversal serves static/ of a temporary tree whose root holds a secret go.mod, over
// a real connection with raw request lines, so that no client cleans the paths first.
func TestTraversal(t *testing.T) {
	root := t.TempDir()
	const secret = "module github.com/ganplay/ganplay // secret"
	mustWrite(t, filepath.Join(root, "go.mod"), secret)
	mustWrite(t, filepath.Join(root, "static", "index.html"), "<title>ganplay</title>")
	srv := httptest.NewServer(newHandler(os.DirFS(filepath.Join(root, "static"))))
	defer srv.Close()

	for _, target := range []string{
		"/../go.mod",
		"/%2e%2e/go.mod",
		"/%2E%2E/go.mod",
		"/..%2fgo.mod",
		"/%2e%2e%2fgo.mod",
		"/sub/../../go.mod",
		"/sub/%2e%2e/%2e%2e/go.mod",
		"/..\\go.mod",
		"/%2e%2e%5cgo.mod",
		"/%00/go.mod",
		"/%252e%252e/go.mod",
		"//../go.mod",
		"/static/../../go.mod",
	} {
		status, body := rawGet(t, srv.Listener.Addr().String(), target)
		t.Logf("GET %s: %d", target, status)
		if status == http.StatusOK || strings.Contains(body, "secret") {
			t.Errorf("GET %s: status %d, body %q", target, status, body)
		}
	}
	for _, p := range []string{"/../go.mod", "/x/../index.html", "/.."} {
		if _, ok := fsName(p); ok {
			t.Errorf("fsName(%q) accepted", p)
		}
	}
	if status, _ := rawGet(t, srv.Listener.Addr().String(), "/index.html"); status != http.StatusOK {
		t.Errorf("GET /index.html: status %d", status)
	}
}

func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestAcceptsGzip(t *testing.T) {
	for v, want := range map[string]bool{
		"":                    false,
		"gzip":                true,
		"GZIP":                true,
		"deflate, gzip;q=0.5": true,
		"gzip;q=0":            false,
		"gzip; q=0.0, br":     false,
		"br":                  false,
		"*":                   true,
		"*;q=0":               false,
		"gzip;q=0, *":         false,
		"identity, *;q=0.1":   true,
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		if v != "" {
			r.Header.Set("Accept-Encoding", v)
		}
		if got := acceptsGzip(r); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestNeedsBuild(t *testing.T) {
	root := t.TempDir()
	wasm := filepath.Join(root, "static", "ganplay.wasm")
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{"go.mod", "go.sum", "wasm/main.go", "engine/kernels.wgsl", "README.md",
		"e2e/node_modules/x/y.go", ".git/z.go", "static/app.js"} {
		mustWrite(t, filepath.Join(root, f), "x")
		touch(t, filepath.Join(root, f), old)
	}
	if stale, why, err := needsBuild(root, wasm); err != nil || !stale || !strings.Contains(why, "missing") {
		t.Fatalf("missing wasm: %v %q %v", stale, why, err)
	}
	mustWrite(t, wasm, "\x00asm")
	if stale, why, err := needsBuild(root, wasm); err != nil || stale {
		t.Fatalf("fresh wasm: %v %q %v", stale, why, err)
	}
	// Files that do not go into the build never make it stale.
	for _, f := range []string{"README.md", "e2e/node_modules/x/y.go", ".git/z.go", "static/app.js"} {
		touch(t, filepath.Join(root, f), time.Now().Add(time.Hour))
	}
	if stale, why, err := needsBuild(root, wasm); err != nil || stale {
		t.Fatalf("unrelated changes: %v %q %v", stale, why, err)
	}
	for _, f := range []string{"wasm/main.go", "engine/kernels.wgsl", "go.mod", "go.sum"} {
		touch(t, filepath.Join(root, f), time.Now().Add(time.Hour))
		stale, why, err := needsBuild(root, wasm)
		if err != nil || !stale || why != f+" changed" {
			t.Errorf("after touching %s: %v %q %v", f, stale, why, err)
		}
		touch(t, filepath.Join(root, f), old)
	}
}

func TestCopyIfChanged(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.js"), filepath.Join(dir, "dst.js")
	mustWrite(t, src, "one")
	for i, want := range []bool{true, false} {
		if copied, err := copyIfChanged(src, dst); err != nil || copied != want {
			t.Errorf("round %d: copied %v, err %v", i, copied, err)
		}
	}
	mustWrite(t, src, "two")
	if copied, _ := copyIfChanged(src, dst); !copied {
		t.Error("outdated copy not replaced")
	}
	if b, _ := os.ReadFile(dst); string(b) != "two" {
		t.Errorf("dst = %q", b)
	}
}

func TestModuleRoot(t *testing.T) {
	want, _ := os.Getwd()
	t.Chdir(filepath.Join(want, "static"))
	if got, err := moduleRoot(); err != nil || got != want {
		t.Errorf("moduleRoot() = %q, %v; want %q", got, err, want)
	}
	t.Chdir(t.TempDir())
	if _, err := moduleRoot(); err == nil {
		t.Error("moduleRoot() outside the repository: no error")
	}
}

// TestPortInUse runs main in a child process against a busy port: it must exit 1 with a
// clear message and no panic, before building anything.
func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	cmd := exec.Command(os.Args[0], "-port", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "GANPLAY_TEST_RUN_MAIN=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("want exit code 1, got %v; output:\n%s", err, out)
	}
	want := "port " + strconv.Itoa(port) + " is in use; try -port " + strconv.Itoa(port+1) + " or -port 0"
	if !strings.Contains(string(out), want) || strings.Contains(string(out), "panic") {
		t.Errorf("output %q does not say %q", out, want)
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func touch(t *testing.T, path string, when time.Time) {
	t.Helper()
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// mimeTypes fixes the types that matter instead of relying on the system's mime tables
// (a missing application/wasm breaks WebAssembly.instantiateStreaming).
var mimeTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/plain; charset=utf-8",
	".wgsl": "text/plain; charset=utf-8",
}

// minGzipSize is the smallest body worth compressing.
const minGzipSize = 512

// handler serves the files of an fs.FS for development: fixed MIME types, gzip for
// compressible files when the client accepts it, Cache-Control: no-cache, and no way out
// of the file system (".." segments are refused; fs.FS itself cannot leave its root).
type handler struct {
	fsys fs.FS

	mu sync.Mutex
	gz map[string]gzEntry // compressed bodies, by file name
}

type gzEntry struct {
	mod  time.Time
	size int64
	data []byte
}

func newHandler(fsys fs.FS) http.Handler {
	return &handler{fsys: fsys, gz: map[string]gzEntry{}}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fsName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	f, fi, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if fi.IsDir() {
		f.Close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		if f, fi, err = h.open(name); err != nil || fi.IsDir() {
			if err == nil {
				f.Close()
			}
			http.NotFound(w, r)
			return
		}
	}
	defer f.Close()

	ext := path.Ext(name)
	ctype, ok := mimeTypes[ext]
	if !ok {
		ctype = "application/octet-stream"
	}
	hdr := w.Header()
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	tag := fmt.Sprintf("%x-%x", fi.ModTime().UnixNano(), fi.Size())

	if compressible(ctype) && fi.Size() >= minGzipSize {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body, err := h.gzipped(name, f, fi)
			if err != nil {
				http.Error(w, "read error", http.StatusInternalServerError)
				return
			}
			etag := `"` + tag + `-gz"`
			hdr.Set("ETag", etag)
			if noneMatch(r, etag) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			hdr.Set("Content-Encoding", "gzip")
			hdr.Set("Content-Length", strconv.Itoa(len(body)))
			// The page's progress bar reads this: Content-Length counts compressed bytes
			// while fetch's reader yields decompressed ones.
			hdr.Set("X-Decoded-Length", strconv.FormatInt(fi.Size(), 10))
			if r.Method != http.MethodHead {
				w.Write(body)
			}
			return
		}
	}
	hdr.Set("ETag", `"`+tag+`"`)
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "read error", http.StatusInternalServerError)
			return
		}
		rs = bytes.NewReader(b)
	}
	http.ServeContent(w, r, name, fi.ModTime(), rs)
}

func (h *handler) open(name string) (fs.File, fs.FileInfo, error) {
	f, err := h.fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// gzipped returns the gzip-compressed content of f, compressing it once per version.
func (h *handler) gzipped(name string, f io.Reader, fi fs.FileInfo) ([]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e, ok := h.gz[name]; ok && e.mod.Equal(fi.ModTime()) && e.size == fi.Size() {
		return e.data, nil
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := io.Copy(zw, f); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	h.gz[name] = gzEntry{mod: fi.ModTime(), size: fi.Size(), data: buf.Bytes()}
	return buf.Bytes(), nil
}

// fsName turns a URL path into an fs.FS name. It refuses paths with ".." segments
// (also when they arrived percent-encoded: r.URL.Path is already decoded), backslashes
// and NUL bytes, rather than silently cleaning them.
func fsName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	return name, fs.ValidPath(name)
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "application/wasm") ||
		strings.HasPrefix(ctype, "application/json") || strings.HasPrefix(ctype, "image/svg+xml")
}

// acceptsGzip reports whether Accept-Encoding allows gzip: listed (or "*") with q > 0.
func acceptsGzip(r *http.Request) bool {
	gzipQ, starQ := -1.0, -1.0
	for _, v := range r.Header.Values("Accept-Encoding") {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			q := 1.0
			if k, val, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
					q = f
				}
			}
			switch coding = strings.TrimSpace(coding); {
			case strings.EqualFold(coding, "gzip"), strings.EqualFold(coding, "x-gzip"):
				gzipQ = q
			case coding == "*":
				starQ = q
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

func noneMatch(r *http.Request, etag string) bool {
	for _, v := range r.Header.Values("If-None-Match") {
		for _, t := range strings.Split(v, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
	}
	return false
}

//go:build js && wasm

package main

import (
	"fmt"
	"strconv"
	"syscall/js"

	"github.com/ganplay/ganplay/internal/jspromise"
)

// httpFetcher fetches the image demos' assets relative to the page with the browser's
// fetch, reading the body in chunks to report progress. It is called from a scene's
// loader goroutine, never from a JS callback, so waiting on promises is allowed there.
type httpFetcher struct{}

// Fetch gets name ("assets/digits.gz", ...). An HTTP error status is an error that names
// the status; the caller names the asset.
func (httpFetcher) Fetch(name string, progress func(got, total int64)) ([]byte, error) {
	resp, err := jspromise.Await(js.Global().Call("fetch", name))
	if err != nil {
		return nil, err
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("HTTP %d %s", resp.Get("status").Int(), resp.Get("statusText").String())
	}
	h := resp.Get("headers")
	total := headerInt(h, "X-Decoded-Length")
	if total == 0 && h.Call("get", "Content-Encoding").IsNull() {
		total = headerInt(h, "Content-Length")
	}
	body := resp.Get("body")
	if body.IsNull() || body.IsUndefined() {
		buf, err := jspromise.Await(resp.Call("arrayBuffer"))
		if err != nil {
			return nil, err
		}
		return bytesOf(js.Global().Get("Uint8Array").New(buf)), nil
	}
	reader := body.Call("getReader")
	var out []byte
	for {
		chunk, err := jspromise.Await(reader.Call("read"))
		if err != nil {
			return nil, err
		}
		if chunk.Get("done").Bool() {
			break
		}
		out = append(out, bytesOf(chunk.Get("value"))...)
		if progress != nil {
			t := total
			if int64(len(out)) > t {
				t = 0
			}
			progress(int64(len(out)), t)
		}
	}
	if progress != nil {
		progress(int64(len(out)), int64(len(out)))
	}
	return out, nil
}

func headerInt(h js.Value, name string) int64 {
	v := h.Call("get", name)
	if v.Type() != js.TypeString {
		return 0
	}
	n, _ := strconv.ParseInt(v.String(), 10, 64)
	return n
}

func bytesOf(u8 js.Value) []byte {
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b
}

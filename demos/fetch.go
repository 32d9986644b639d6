package demos

import (
	"fmt"
	"io"
	"io/fs"
	"sync"
)

// Fetcher gets an asset by its served name (see package demos/assets), reporting progress
// as (bytes received, total bytes or 0 when unknown). It blocks: the image scenes call it
// from a goroutine of their own, never from Update. The browser fetches over HTTP
// (wasm/fetch.go); the desktop program and the tests read files.
type Fetcher interface {
	Fetch(name string, progress func(got, total int64)) ([]byte, error)
}

// FSFetcher reads assets from a file system laid out as the page serves them.
type FSFetcher struct{ FS fs.FS }

// Fetch reads the file name.
func (f FSFetcher) Fetch(name string, progress func(got, total int64)) ([]byte, error) {
	if f.FS == nil {
		return nil, fmt.Errorf("%s: no asset source", name)
	}
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var total int64
	if fi, err := file.Stat(); err == nil {
		total = fi.Size()
	}
	b, err := io.ReadAll(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if progress != nil {
		progress(int64(len(b)), total)
	}
	return b, nil
}

// cache keeps what a Fetcher returned, so that a reset or a return to a scene does not
// fetch again; failures are not kept, so that a retry fetches.
type cache struct {
	f  Fetcher
	mu sync.Mutex
	m  map[string][]byte
}

// NewCache returns f with every successful fetch kept in memory.
func NewCache(f Fetcher) Fetcher { return &cache{f: f, m: map[string][]byte{}} }

func (c *cache) Fetch(name string, progress func(got, total int64)) ([]byte, error) {
	c.mu.Lock()
	b, ok := c.m[name]
	c.mu.Unlock()
	if ok {
		if progress != nil {
			progress(int64(len(b)), int64(len(b)))
		}
		return b, nil
	}
	b, err := c.f.Fetch(name, progress)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.m[name] = b
	c.mu.Unlock()
	return b, nil
}

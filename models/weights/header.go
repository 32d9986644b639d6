package weights

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// MaxHeaderLen is the largest header Read and Load accept (100 MB, as the reference
// implementation); a longer one means a corrupt length prefix.
const MaxHeaderLen = 100 << 20

// metadataKey is the header entry that holds string metadata instead of a tensor.
const metadataKey = "__metadata__"

// entry is one tensor of a parsed file: its header fields and the bytes of its elements.
type entry struct {
	name  string
	dtype DType
	shape []int
	begin int64
	end   int64
	data  []byte
}

// headerEntry is a tensor's entry in the JSON header.
type headerEntry struct {
	DType       DType    `json:"dtype"`
	Shape       *[]int   `json:"shape"`
	DataOffsets *[]int64 `json:"data_offsets"`
}

// file is a parsed and fully validated safetensors file.
type file struct {
	entries []entry // in header order
	meta    map[string]string
}

// readFile reads all of r and parses it (see parse).
func readFile(r io.Reader) (*file, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("weights: read: %w", err)
	}
	return parse(b)
}

// parse checks every rule of the layout in the package doc and returns the tensors.
func parse(b []byte) (*file, error) {
	if len(b) < 8 {
		return nil, formatErr("truncated header: %d bytes, the length prefix alone needs 8", len(b))
	}
	n := binary.LittleEndian.Uint64(b)
	if n > MaxHeaderLen {
		return nil, formatErr("header length %d is absurd (the limit is %d)", n, MaxHeaderLen)
	}
	if n > uint64(len(b)-8) {
		return nil, formatErr("truncated header: length %d but only %d bytes follow the prefix", n, len(b)-8)
	}
	f, err := parseHeader(b[8 : 8+n])
	if err != nil {
		return nil, err
	}
	if err := f.attach(b[8+n:]); err != nil {
		return nil, err
	}
	return f, nil
}

// parseHeader decodes the JSON header, rejecting duplicate names and malformed entries.
func parseHeader(h []byte) (*file, error) {
	dec := json.NewDecoder(bytes.NewReader(h))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, formatErr("bad JSON header: want an object")
	}
	f := &file{}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, formatErr("bad JSON header: %v", err)
		}
		name := tok.(string) // object keys are always strings
		if seen[name] {
			return nil, formatErr("bad JSON header: %q appears twice", name)
		}
		seen[name] = true
		if name == metadataKey {
			if err := dec.Decode(&f.meta); err != nil {
				return nil, formatErr("bad JSON header: %s must map strings to strings: %v", metadataKey, err)
			}
			continue
		}
		var he headerEntry
		if err := dec.Decode(&he); err != nil {
			return nil, tensorErr(name, "bad JSON header entry: %v", err)
		}
		e, err := he.check(name)
		if err != nil {
			return nil, err
		}
		f.entries = append(f.entries, e)
	}
	if _, err := dec.Token(); err != nil {
		return nil, formatErr("bad JSON header: %v", err)
	}
	// Only the spaces that pad the header to 8-byte alignment may follow the object.
	if len(bytes.TrimRight(h[dec.InputOffset():], " \t\r\n")) > 0 {
		return nil, formatErr("bad JSON header: data after the object")
	}
	return f, nil
}

// check validates one header entry on its own: dtype, shape, offsets and their size.
func (he headerEntry) check(name string) (entry, error) {
	e := entry{name: name, dtype: he.DType}
	size := he.DType.Size()
	if size == 0 {
		return e, tensorErr(name, "unknown dtype %q", he.DType)
	}
	if he.Shape == nil {
		return e, tensorErr(name, "no shape")
	}
	if he.DataOffsets == nil || len(*he.DataOffsets) != 2 {
		return e, tensorErr(name, "data_offsets must be [begin, end]")
	}
	e.shape = slices.Clone(*he.Shape)
	e.begin, e.end = (*he.DataOffsets)[0], (*he.DataOffsets)[1]
	if e.begin < 0 || e.end < e.begin {
		return e, tensorErr(name, "data_offsets [%d, %d] out of range", e.begin, e.end)
	}
	want := int64(size)
	for _, s := range e.shape {
		if s < 0 {
			return e, tensorErr(name, "negative dimension in shape %v", e.shape)
		}
		want *= int64(s)
		if want > 1<<50 {
			return e, tensorErr(name, "shape %v is absurdly large", e.shape)
		}
	}
	if got := e.end - e.begin; got != want {
		return e, tensorErr(name, "data_offsets [%d, %d] hold %d bytes but shape %v of %s needs %d",
			e.begin, e.end, got, e.shape, e.dtype, want)
	}
	return e, nil
}

// attach checks that the byte ranges tile the data section and points each entry at its
// bytes.
func (f *file) attach(data []byte) error {
	byOffset := slices.Clone(f.entries)
	slices.SortStableFunc(byOffset, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.begin, b.begin), cmp.Compare(a.end, b.end))
	})
	var at int64
	prev := ""
	for _, e := range byOffset {
		switch {
		case e.end > int64(len(data)):
			return tensorErr(e.name, "data truncated: bytes [%d, %d) but the data section has %d", e.begin, e.end, len(data))
		case e.begin < at:
			return tensorErr(e.name, "bytes [%d, %d) overlap tensor %q, which ends at %d", e.begin, e.end, prev, at)
		case e.begin > at && prev == "":
			return tensorErr(e.name, "bytes [%d, %d) leave a gap at the start of the data section", e.begin, e.end)
		case e.begin > at:
			return tensorErr(e.name, "bytes [%d, %d) leave a gap after tensor %q, which ends at %d", e.begin, e.end, prev, at)
		}
		prev, at = e.name, e.end // e.begin == at here
	}
	if at != int64(len(data)) {
		return formatErr("%d bytes after the last tensor's data", int64(len(data))-at)
	}
	for i := range f.entries {
		e := &f.entries[i]
		e.data = data[e.begin:e.end]
	}
	return nil
}

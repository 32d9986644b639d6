package toy2d

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxInputBytes caps the size of the input read by ReadCSV and ReadJSON.
const MaxInputBytes = 32 << 20

// ReadCSV reads a user point set from CSV text: one point per line as two comma-separated
// numbers x,y. Surrounding spaces and Windows line ends are ignored, as are blank lines and
// lines starting with '#'. The first non-blank line may be a header (neither field a number),
// which is skipped. Errors name the 1-based line: a field that is not a number, NaN or Inf
// (including values that overflow float64), a wrong column count; and the set must hold
// between MinPoints and MaxPoints points.
func ReadCSV(r io.Reader) (*Points, error) {
	lr := &io.LimitedReader{R: r, N: MaxInputBytes + 1}
	tooLarge := fmt.Errorf("toy2d: csv input larger than %d bytes", MaxInputBytes)
	sc := bufio.NewScanner(lr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var pts [][2]float64
	line := 0
	first := true
	for sc.Scan() {
		line++
		if lr.N == 0 {
			return nil, tooLarge
		}
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, ",")
		if len(fields) != 2 {
			return nil, fmt.Errorf("toy2d: line %d: want 2 columns (x,y), got %d", line, len(fields))
		}
		var p [2]float64
		numeric := 0
		var errs [2]error
		for c, f := range fields {
			f = strings.TrimSpace(f)
			v, err := strconv.ParseFloat(f, 64)
			switch {
			case err == nil || errors.Is(err, strconv.ErrRange):
				numeric++
				p[c] = v
				if err := checkFinite(v); err != nil {
					errs[c] = fmt.Errorf("toy2d: line %d: %s %w: %q", line, axisName(c), err, f)
				}
			default:
				errs[c] = fmt.Errorf("toy2d: line %d: %s is not a number: %q", line, axisName(c), f)
			}
		}
		if first && numeric == 0 {
			first = false // header line
			continue
		}
		first = false
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
		if len(pts) == MaxPoints {
			return nil, checkCount(MaxPoints + 1)
		}
		pts = append(pts, p)
	}
	if lr.N == 0 {
		return nil, tooLarge
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("toy2d: line %d: line too long", line+1)
		}
		return nil, fmt.Errorf("toy2d: reading csv: %w", err)
	}
	if err := checkCount(len(pts)); err != nil {
		return nil, err
	}
	return &Points{pts: pts}, nil
}

// ReadJSON reads a user point set from JSON: either an array of [x, y] pairs,
// [[x, y], ...], or an object with such an array in its "points" field,
// {"points": [[x, y], ...]} (other fields are ignored). Errors name the 0-based index of the
// point: an element that is not a two-number array, a coordinate that is not a number, a
// number that overflows float64 or a string such as "NaN"; and the set must hold between
// MinPoints and MaxPoints points.
func ReadJSON(r io.Reader) (*Points, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("toy2d: reading json: %w", err)
	}
	if len(data) > MaxInputBytes {
		return nil, fmt.Errorf("toy2d: json input larger than %d bytes", MaxInputBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, fmt.Errorf("toy2d: invalid json: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("toy2d: invalid json: unexpected data after the top-level value")
	}
	var list []any
	switch v := top.(type) {
	case []any:
		list = v
	case map[string]any:
		p, ok := v["points"]
		if !ok {
			return nil, errors.New(`toy2d: json object has no "points" field`)
		}
		if list, ok = p.([]any); !ok {
			return nil, fmt.Errorf(`toy2d: json "points" field is %s, want an array of [x, y] pairs`, jsonKind(p))
		}
	default:
		return nil, fmt.Errorf(`toy2d: json top level is %s, want an array of [x, y] pairs or an object with a "points" field`, jsonKind(top))
	}
	if len(list) > MaxPoints {
		return nil, checkCount(len(list))
	}
	pts := make([][2]float64, len(list))
	for i, e := range list {
		pair, ok := e.([]any)
		if !ok {
			return nil, fmt.Errorf("toy2d: point at index %d: got %s, want an array [x, y]", i, jsonKind(e))
		}
		if len(pair) != 2 {
			return nil, fmt.Errorf("toy2d: point at index %d: want 2 coordinates [x, y], got %d", i, len(pair))
		}
		for c, x := range pair {
			v, err := jsonCoord(x)
			if err != nil {
				return nil, fmt.Errorf("toy2d: point at index %d: %s %w", i, axisName(c), err)
			}
			pts[i][c] = v
		}
	}
	if err := checkCount(len(pts)); err != nil {
		return nil, err
	}
	return &Points{pts: pts}, nil
}

// jsonCoord converts one decoded JSON coordinate to a finite float64.
func jsonCoord(x any) (float64, error) {
	switch v := x.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("is not a number: %q", string(v))
		}
		if err := checkFinite(f); err != nil {
			return 0, fmt.Errorf("%w: %s", err, string(v))
		}
		return f, nil
	case string:
		if f, err := strconv.ParseFloat(v, 64); err == nil && checkFinite(f) != nil {
			return 0, checkFinite(f)
		}
		return 0, fmt.Errorf("is not a number: string %q", v)
	}
	return 0, fmt.Errorf("is not a number: %s", jsonKind(x))
}

// jsonKind names the JSON type of a decoded value for error messages.
func jsonKind(x any) string {
	switch x.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", x)
}

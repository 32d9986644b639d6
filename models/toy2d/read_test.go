package toy2d

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// rows returns n CSV lines "i,-i".
func rows(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%d,%d\n", i, -i)
	}
	return b.String()
}

func TestReadCSV(t *testing.T) {
	cases := map[string]string{
		"plain":    rows(8),
		"header":   "x,y\n" + rows(8),
		"spaces":   " x , y \r\n\n# comment\n" + strings.ReplaceAll(rows(8), ",", " , "),
		"crlf":     strings.ReplaceAll(rows(8), "\n", "\r\n"),
		"no final": strings.TrimSuffix(rows(8), "\n"),
	}
	for name, in := range cases {
		p, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		d := p.Data()
		if len(d) != 8 || d[7] != [2]float64{7, -7} {
			t.Errorf("%s: got %v", name, d)
		}
	}
	p, err := ReadCSV(strings.NewReader("1.5e-3,-2.25\n" + rows(7)))
	if err != nil || p.Data()[0] != [2]float64{1.5e-3, -2.25} {
		t.Errorf("floats: %v %v", p, err)
	}
}

func TestReadCSVErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"not a number", rows(3) + "1,abc\n" + rows(5), `toy2d: line 4: y is not a number: "abc"`},
		{"half header", "x,1\n" + rows(8), `toy2d: line 1: x is not a number: "x"`},
		{"second header", rows(2) + "x,y\n" + rows(8), `toy2d: line 3: x is not a number: "x"`},
		{"nan", rows(8) + "NaN,1\n", "toy2d: line 9: x is NaN (NaN and Inf are not allowed)"},
		{"inf", "1,-Inf\n" + rows(8), "toy2d: line 1: y is -Inf (NaN and Inf are not allowed)"},
		{"overflow", "1e400,1\n" + rows(8), "toy2d: line 1: x is +Inf (NaN and Inf are not allowed)"},
		{"three columns", rows(8) + "1,2,3\n", "toy2d: line 9: want 2 columns (x,y), got 3"},
		{"one column", "5\n" + rows(8), "toy2d: line 1: want 2 columns (x,y), got 1"},
		{"too few", rows(3), "toy2d: at least 8 points needed, got 3"},
		{"header only", "x,y\n", "toy2d: at least 8 points needed, got 0"},
		{"empty", "", "toy2d: at least 8 points needed, got 0"},
		{"too many", rows(MaxPoints + 1), fmt.Sprintf("toy2d: too many points: more than %d", MaxPoints)},
		{"long line", strings.Repeat("1", 2<<20) + ",1\n", "toy2d: line 1: line too long"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := ReadCSV(strings.NewReader(rows(MaxPoints))); err != nil {
		t.Errorf("MaxPoints rows rejected: %v", err)
	}
}

// pairs returns n JSON pairs "[i,-i]" joined by commas.
func pairs(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("[%d,%d]", i, -i)
	}
	return strings.Join(s, ",")
}

func TestReadJSON(t *testing.T) {
	for name, in := range map[string]string{
		"array":  "[" + pairs(8) + "]",
		"object": `{"name": "mine", "points": [` + pairs(8) + "]}",
		"spaces": "\n [ " + strings.ReplaceAll(pairs(8), ",", " , ") + " ] \n",
	} {
		p, err := ReadJSON(strings.NewReader(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d := p.Data(); len(d) != 8 || d[7] != [2]float64{7, -7} {
			t.Errorf("%s: got %v", name, d)
		}
	}
	p, err := ReadJSON(strings.NewReader("[[1.5e-3, -2.25]," + pairs(7) + "]"))
	if err != nil || p.Data()[0] != [2]float64{1.5e-3, -2.25} {
		t.Errorf("floats: %v %v", p, err)
	}
}

func TestReadJSONErrors(t *testing.T) {
	many := "[" + pairs(MaxPoints+1) + "]"
	cases := []struct{ name, in, want string }{
		{"syntax", "[[1,2],", "toy2d: invalid json"},
		{"bare nan", "[[NaN,1]]", "toy2d: invalid json"},
		{"trailing", "[" + pairs(8) + "] []", "toy2d: invalid json: unexpected data after the top-level value"},
		{"top number", "3", "toy2d: json top level is a number"},
		{"no points", `{"pts": []}`, `toy2d: json object has no "points" field`},
		{"points not array", `{"points": {}}`, `toy2d: json "points" field is an object`},
		{"element", "[" + pairs(2) + `,{"x":1}]`, "toy2d: point at index 2: got an object, want an array [x, y]"},
		{"three coords", "[" + pairs(3) + ",[1,2,3]]", "toy2d: point at index 3: want 2 coordinates [x, y], got 3"},
		{"one coord", "[[1]," + pairs(8) + "]", "toy2d: point at index 0: want 2 coordinates [x, y], got 1"},
		{"string", "[" + pairs(8) + `,[1,"abc"]]`, `toy2d: point at index 8: y is not a number: string "abc"`},
		{"null", "[" + pairs(1) + `,[null,1]]`, "toy2d: point at index 1: x is not a number: null"},
		{"nan string", "[" + pairs(4) + `,["NaN",1]]`, "toy2d: point at index 4: x is NaN"},
		{"overflow", "[[1,-1e400]," + pairs(8) + "]", "toy2d: point at index 0: y is -Inf (NaN and Inf are not allowed): -1e400"},
		{"too few", "[" + pairs(3) + "]", "toy2d: at least 8 points needed, got 3"},
		{"too few object", `{"points": []}`, "toy2d: at least 8 points needed, got 0"},
		{"too many", many, fmt.Sprintf("toy2d: too many points: more than %d", MaxPoints)},
	}
	for _, c := range cases {
		_, err := ReadJSON(strings.NewReader(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestNewPointsErrors(t *testing.T) {
	if _, err := NewPoints(make([][2]float64, 3)); err == nil || err.Error() != "toy2d: at least 8 points needed, got 3" {
		t.Errorf("too few: %v", err)
	}
	bad := make([][2]float64, 8)
	bad[5][1] = math.Inf(1)
	if _, err := NewPoints(bad); err == nil || !strings.HasPrefix(err.Error(), "toy2d: point at index 5: y is +Inf") {
		t.Errorf("inf: %v", err)
	}
	if _, err := NewPoints(make([][2]float64, MaxPoints+1)); err == nil || !strings.HasPrefix(err.Error(), "toy2d: too many points") {
		t.Errorf("too many: %v", err)
	}
}

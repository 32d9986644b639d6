package demos

import (
	"math"
	"net/url"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
)

const squareCSV = "x,y\n# a square of 8 points\n-1,-1\n0,-1\n1,-1\n1,0\n1,1\n0,1\n-1,1\n-1,0\n"

// TestParsePoints checks the CSV reader of the page: a header and comments, a clear
// message naming the line of a malformed row, and points fitted into the plot.
func TestParsePoints(t *testing.T) {
	t.Parallel()
	pts, err := ParsePoints(squareCSV)
	if err != nil || len(pts) != 8 || pts[0] != [2]float64{-1, -1} {
		t.Fatalf("ParsePoints(square) = %v, %v", pts, err)
	}
	for _, tc := range []struct{ csv, want string }{
		{"x,y\n1,2\n3,oops\n", `points CSV: line 3: y is not a number: "oops"`},
		{"1,2,3\n", "points CSV: line 1: want 2 columns (x,y), got 3"},
		{"1,2\n3,4\n", "points CSV: at least 8 points needed, got 2"},
		{"1,NaN\n", "NaN"},
	} {
		if _, err := ParsePoints(tc.csv); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParsePoints(%q) error %v; want %q", tc.csv, err, tc.want)
		}
	}
	// Points in metres, say, are fitted into [-FitExtent, FitExtent]² with their shape.
	big := FitPoints([][2]float64{{100, 50}, {300, 50}, {200, 100}})
	want := [][2]float64{{-FitExtent, -FitExtent / 4}, {FitExtent, -FitExtent / 4}, {0, FitExtent / 4}}
	for i := range want {
		if math.Abs(big[i][0]-want[i][0]) > 1e-12 || math.Abs(big[i][1]-want[i][1]) > 1e-12 {
			t.Errorf("FitPoints: point %d = %v; want %v", i, big[i], want[i])
		}
	}
}

// TestAppLoadCSV loads points as the page does: they become the target (data=points) and
// survive a restart; a malformed CSV shows its message and changes nothing.
func TestAppLoadCSV(t *testing.T) {
	t.Parallel()
	s, _ := Parse("width=16&batch=16&autoplay=0&scene=divergence")
	a, err := NewApp(cpu.New(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got Snapshot
	a.Send(Command{Kind: CmdPoints, Text: squareCSV, Done: func(s Snapshot) { got = s }})
	a.Update()
	m, ok := a.Scene().(*Mixture)
	if !ok || got.Values.Get("data") != "points" || got.Values.Get("scene") != "mixture" || len(got.Errors) != 0 {
		t.Fatalf("after a CSV: scene %T, state %s, errors %v", a.Scene(), got.Query, got.Errors)
	}
	if got.Metrics["points"] != 8 || len(m.UserPoints()) != 8 {
		t.Errorf("metrics %v, %d user points; want 8", got.Metrics, len(m.UserPoints()))
	}
	for _, p := range m.View().Real {
		if math.Abs(p[0]) != 1 && p[0] != 0 {
			t.Fatalf("a real sample %v is not one of the square's points", p)
		}
	}
	a.SetParams(map[string][]string{"seed": {"3"}}) // a restart keeps the points
	if n := len(a.Scene().(*Mixture).UserPoints()); n != 8 {
		t.Errorf("after a restart: %d user points; want 8", n)
	}
	a.Send(Command{Kind: CmdPoints, Text: "x,y\n1,2\n3,oops\n", Done: func(s Snapshot) { got = s }})
	a.Update()
	if len(got.Errors) != 1 || !strings.Contains(got.Errors[0], "line 3") || got.Metrics["points"] != 8 {
		t.Errorf("a malformed CSV: errors %v, metrics %v; want the line-3 message and the old points", got.Errors, got.Metrics)
	}
	// Compare mode trains both runs on the loaded points.
	a.SetParams(map[string][]string{"compare": {"wgan-gp"}})
	if c, ok := a.Scene().(*Compare); !ok || len(c.B.UserPoints()) != 8 {
		t.Errorf("compare mode after a CSV: %T", a.Scene())
	}
}

// TestPointsParam checks points=: loaded and clicked points go into the URL, a link with
// them reproduces the run, and a bad set names the parameter and keeps the default.
func TestPointsParam(t *testing.T) {
	t.Parallel()
	s, _ := Parse("width=16&batch=16&autoplay=0")
	a, err := NewApp(cpu.New(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Settings().Values().Get("points") != "" {
		t.Errorf("points= of the default set: %q; want empty", a.Settings().Values().Get("points"))
	}
	a.Send(Command{Kind: CmdPoints, Text: squareCSV})
	a.Update()
	q := a.Settings().Encode()
	if got := a.Settings().Values().Get("points"); got != "-1,-1 0,-1 1,-1 1,0 1,1 0,1 -1,1 -1,0" {
		t.Errorf("points= after the square: %q", got)
	}
	// A click adds a point, rounded to PointStep, and the URL follows.
	m := a.Scene().(*Mixture)
	x, y := m.frame().ToPx(0.51234, 0.25)
	a.Send(Command{Kind: CmdClick, X: x, Y: y})
	a.Update()
	pts := a.Settings().Points
	if len(pts) != 9 || math.Abs(pts[8][0]-0.512) > 0.01 || pts[8][0] != roundPoint(pts[8][0]) {
		t.Errorf("after a click: settings points %v", pts)
	}
	if !strings.HasSuffix(a.Settings().Values().Get("points"), " "+encodePoints(pts[8:])) {
		t.Errorf("the URL lacks the clicked point: %q", a.Settings().Values().Get("points"))
	}
	// The link of the square reproduces its run.
	s2, bad := Parse(q)
	if len(bad) != 0 {
		t.Fatal(bad)
	}
	b, _ := NewApp(cpu.New(), s2, nil)
	if got := b.Scene().(*Mixture).UserPoints(); len(got) != 8 || got[1] != [2]float64{0, -1} {
		t.Errorf("the link's points: %v", got)
	}
	// A link typed by hand: '+' between points.
	if s, bad := Parse("data=points&points=0,0+1,0+2,0+3,0+0,1+1,1+2,1+3,1.5"); len(bad) != 0 || len(s.Points) != 8 || s.Points[7] != [2]float64{3, 1.5} {
		t.Errorf("a hand-typed points=: %v, %v", s.Points, bad)
	}
	for _, tc := range []struct{ v, want string }{
		{"1,2;3,4", "at least 8 points needed, got 2"},
		{"1,2;3", `point 2 "3": want x,y`},
		{"1,x;1,1;1,1;1,1;1,1;1,1;1,1;1,1", `"x" is not a finite number`},
		{"1,NaN;1,1;1,1;1,1;1,1;1,1;1,1;1,1", "not a finite number"},
	} {
		s, bad := Parse("points=" + url.QueryEscape(tc.v))
		if len(bad) != 1 || bad[0].Param != "points" || !strings.Contains(bad[0].Error(), tc.want) ||
			!strings.Contains(bad[0].Error(), "using the default (empty)") || s.Points != nil {
			t.Errorf("points=%s: %v; want %q", tc.v, bad, tc.want)
		}
	}
	if _, err := ParsePoints(strings.Repeat("1,1\n", MaxURLPoints+1)); err == nil || !strings.Contains(err.Error(), "at most 2000") {
		t.Errorf("a CSV of %d points: %v", MaxURLPoints+1, err)
	}
}

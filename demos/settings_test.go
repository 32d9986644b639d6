package demos

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseDefaults(t *testing.T) {
	t.Parallel()
	s, bad := Parse("")
	if len(bad) != 0 {
		t.Fatalf("Parse(\"\") errors: %v", bad)
	}
	if got, want := s.Encode(), DefaultSettings().Encode(); got != want {
		t.Errorf("Parse(\"\").Encode() = %q; want %q", got, want)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	q := "scene=transport&model=wgan-gp&data=grid&lr-d=0.001&lr-g=auto&k=3&batch=32&width=48&depth=3&noise=4&seed=42&speed=0.5&eps=0.2&theta=-1.25&iters=50&hide=losses,arrows&autoplay=0"
	s, bad := Parse(q)
	if len(bad) != 0 {
		t.Fatalf("Parse(%q) errors: %v", q, bad)
	}
	if s.Scene != SceneTransport || s.Model != ModelWGANGP || s.Data != DataGrid || s.LRD != 0.001 || s.LRG != 0 ||
		s.K != 3 || s.Batch != 32 || s.Width != 48 || s.Depth != 3 || s.Noise != 4 || s.Seed != 42 ||
		s.Speed != 0.5 || s.Eps != 0.2 || s.Theta != -1.25 || s.Iters != 50 || s.Autoplay ||
		!s.Hidden("losses") || !s.Hidden("arrows") || s.Hidden("real") {
		t.Fatalf("Parse(%q) = %+v", q, s)
	}
	s2, bad := Parse(s.Encode())
	if len(bad) != 0 || s2.Encode() != s.Encode() {
		t.Errorf("Parse(Encode()) = %q, %v; want %q", s2.Encode(), bad, s.Encode())
	}
	want, _ := url.ParseQuery(q)
	got := s.Values()
	for k := range want {
		if k == "hide" {
			continue // sorted
		}
		if got.Get(k) != want.Get(k) {
			t.Errorf("Values()[%q] = %q; want %q", k, got.Get(k), want.Get(k))
		}
	}
	if got.Get("hide") != "arrows,losses" {
		t.Errorf("Values()[hide] = %q; want arrows,losses", got.Get("hide"))
	}
}

func TestBadParams(t *testing.T) {
	t.Parallel()
	def := DefaultSettings()
	for _, tc := range []struct {
		query, param, want string
	}{
		{"lr-d=abc", "lr-d", "not a number"},
		{"lr-g=5", "lr-g", "out of range"},
		{"batch=0", "batch", "out of range"},
		{"batch=1.5", "batch", "not an integer"},
		{"model=bogus", "model", "want one of gan, gan-minimax"},
		{"scene=3d", "scene", "want one of mixture"},
		{"seed=-1", "seed", "not a non-negative integer"},
		{"speed=NaN", "speed", "out of range"},
		{"theta=9", "theta", "out of range"},
		{"hide=real,nope", "hide", `unknown panel "nope"`},
		{"autoplay=maybe", "autoplay", "want 1 or 0"},
		{"frobnicate=1", "frobnicate", "unknown URL parameter"},
	} {
		s, bad := Parse(tc.query)
		if len(bad) != 1 {
			t.Errorf("Parse(%q) errors = %v; want one", tc.query, bad)
			continue
		}
		msg := bad[0].Error()
		if bad[0].Param != tc.param || !strings.Contains(msg, tc.param) || !strings.Contains(msg, tc.want) {
			t.Errorf("Parse(%q) error = %q (param %q); want it to name %q and say %q", tc.query, msg, bad[0].Param, tc.param, tc.want)
		}
		if s.Encode() != def.Encode() {
			t.Errorf("Parse(%q) = %q; want the defaults %q", tc.query, s.Encode(), def.Encode())
		}
		if tc.param != "frobnicate" && !strings.Contains(msg, "using the default") {
			t.Errorf("Parse(%q) error = %q; want it to give the default", tc.query, msg)
		}
	}
	// A bad parameter does not stop the good ones.
	s, bad := Parse("batch=x&seed=7")
	if len(bad) != 1 || s.Seed != 7 || s.Batch != def.Batch {
		t.Errorf("Parse(batch=x&seed=7) = seed %d batch %d, %v", s.Seed, s.Batch, bad)
	}
}

// TestTrainParams checks the URL parameters of settings_train.go: they round-trip, and a
// bad value names the parameter and keeps the default.
func TestTrainParams(t *testing.T) {
	t.Parallel()
	q := "opt-d=sgd&opt-g=rmsprop&k-g=3&noise-shape=uniform&compare=wgan-gp"
	s, bad := Parse(q)
	if len(bad) != 0 || s.OptD != OptSGD || s.OptG != OptRMSProp || s.KG != 3 || s.NoiseShape.String() != "uniform" || s.Compare != ModelWGANGP {
		t.Fatalf("Parse(%q) = %+v, %v", q, s, bad)
	}
	want, _ := url.ParseQuery(q)
	for k := range want {
		if got := s.Values().Get(k); got != want.Get(k) {
			t.Errorf("Values()[%q] = %q; want %q", k, got, want.Get(k))
		}
	}
	if s2, _ := Parse(s.Encode()); s2.Encode() != s.Encode() {
		t.Errorf("Parse(Encode()) = %q; want %q", s2.Encode(), s.Encode())
	}
	def := DefaultSettings().Values()
	for _, tc := range []struct{ query, param, want string }{
		{"opt-d=lbfgs", "opt-d", "want one of auto, adam, sgd, rmsprop"},
		{"opt-g=", "opt-g", "want one of"},
		{"k-g=0", "k-g", "out of range"},
		{"k-g=two", "k-g", "not an integer"},
		{"noise-shape=cube", "noise-shape", "want one of gaussian, uniform"},
		{"compare=vae", "compare", "want one of none, gan,"},
	} {
		s, bad := Parse(tc.query)
		if len(bad) != 1 || bad[0].Param != tc.param || !strings.Contains(bad[0].Error(), tc.want) ||
			!strings.Contains(bad[0].Error(), "using the default "+def.Get(tc.param)) {
			t.Errorf("Parse(%q) errors %v; want one naming %s: %s", tc.query, bad, tc.param, tc.want)
		}
		if s.Values().Get(tc.param) != def.Get(tc.param) {
			t.Errorf("Parse(%q): %s = %q; want the default %q", tc.query, tc.param, s.Values().Get(tc.param), def.Get(tc.param))
		}
	}
}

// Package demos holds ganplay's scenes: Mixture (a 2-D GAN training live), Divergence (JS,
// KL, TV, W_1 and the Sinkhorn divergence against θ) and Transport (a Sinkhorn plan between
// two point clouds). What a scene shows is computed as plain data and drawn into an RGBA
// Canvas in plain Go, so that tests read it without a display; the files that import Ebiten
// (game.go) only copy the canvas to the screen and forward input.
package demos

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ganplay/ganplay/models"
)

// SceneKind selects a scene.
type SceneKind int

// The scenes, in the order of the keyboard shortcuts 1 to 8. The image scenes are named
// as models.ImageDemo names their demos.
const (
	SceneMixture SceneKind = iota
	SceneDivergence
	SceneTransport
	SceneDCGAN         // DCGAN sample grid on digits
	SceneCGAN          // conditional GAN, one row per digit class
	ScenePix2pixEdges  // Pix2pix edges → digit, drawn by the user
	ScenePix2pixSketch // Pix2pix sketch → shaded object, drawn by the user
	SceneCycleGAN      // CycleGAN horse ↔ zebra shapes
)

var sceneNames = []string{"mixture", "divergence", "transport", "dcgan", "cgan", "pix2pix-edges", "pix2pix-sketch", "cyclegan"}

// String returns the scene's URL name.
func (k SceneKind) String() string {
	if k >= 0 && int(k) < len(sceneNames) {
		return sceneNames[k]
	}
	return fmt.Sprintf("SceneKind(%d)", int(k))
}

// ModelKind selects the 2-D GAN of the Mixture scene.
type ModelKind int

// The models and losses of THEORY.md sections 1 and 3.
const (
	ModelGAN        ModelKind = iota // non-saturating GAN
	ModelGANMinimax                  // the original minimax GAN
	ModelLSGAN
	ModelWGAN   // weight clipping
	ModelWGANGP // gradient penalty
)

var modelNames = []string{"gan", "gan-minimax", "lsgan", "wgan", "wgan-gp"}

// String returns the model's URL name.
func (k ModelKind) String() string {
	if k >= 0 && int(k) < len(modelNames) {
		return modelNames[k]
	}
	return fmt.Sprintf("ModelKind(%d)", int(k))
}

// DataKind selects the Mixture scene's target distribution.
type DataKind int

// The targets of THEORY.md section 7, plus the user's own points.
const (
	DataBimodal DataKind = iota
	DataRing
	DataGrid
	DataSwissRoll
	DataPoints
)

var dataNames = []string{"bimodal", "ring", "grid", "swissroll", "points"}

// String returns the dataset's URL name.
func (k DataKind) String() string {
	if k >= 0 && int(k) < len(dataNames) {
		return dataNames[k]
	}
	return fmt.Sprintf("DataKind(%d)", int(k))
}

// WeightsKind says where an image scene's model starts.
type WeightsKind int

// Where an image scene starts and whether it trains while playing: the pretrained weights
// (fetched with the page's assets) shown as they are, the pretrained weights trained on
// live, or fresh random weights trained live. The step buttons train in every case.
const (
	WeightsPretrained WeightsKind = iota
	WeightsFinetune
	WeightsRandom
)

var weightsNames = []string{"pretrained", "finetune", "random"}

// String returns the URL name.
func (k WeightsKind) String() string {
	if k >= 0 && int(k) < len(weightsNames) {
		return weightsNames[k]
	}
	return fmt.Sprintf("WeightsKind(%d)", int(k))
}

// Panels are the names that hide= accepts: layers and charts that can be hidden one by one.
var Panels = []string{"real", "fake", "heatmap", "manifold", "arrows", "losses", "metrics", "controls", "backend", "fps"}

// Settings is everything a demo shows, as the URL encodes it. LRD and LRG are 0 for the
// model's own default (the paper's value, models.DefaultX); the URL spells that "auto".
type Settings struct {
	Scene    SceneKind
	Model    ModelKind
	Data     DataKind
	LRD, LRG float64 // learning rates of D (critic) and G; 0: the model's default
	K        int     // D steps per G step; 0: the model's default (1, or n_critic = 5)
	Batch    int
	Width    int
	Depth    int
	Noise    int     // noise dimension
	Seed     uint64  // the same seed gives the same run
	Speed    float64 // training steps per frame; below 1 is slow motion
	Eps      float64 // ε of Sinkhorn (Divergence and Transport)
	Theta    float64 // θ of the Divergence scene
	Iters    int     // Sinkhorn iteration cap of the Transport scene
	Hide     []string
	Autoplay bool
	Weights  WeightsKind // where the image scenes start
	Backend  BackendKind // the engine backend asked for (see BackendKind)

	// The training controls of settings_train.go: the optimizers of D and G, k_G, the
	// noise's shape and the second run of compare mode.
	OptD, OptG OptKind
	KG         int // G steps per iteration (k_G); K is k_D
	NoiseShape models.NoiseShape
	Compare    ModelKind // the model of a second run beside the first; CompareOff: none
	// Points is the user's point set of data=points (nil: DefaultUserPoints), drawn with
	// clicks or loaded from a CSV file; the URL holds it as points=x,y+x,y+...
	Points [][2]float64
}

// DefaultSettings returns the settings of a URL without parameters.
func DefaultSettings() Settings {
	return Settings{Scene: SceneMixture, Model: ModelGAN, Data: DataRing, Batch: 64, Width: 64,
		Depth: 2, Noise: 2, KG: 1, Compare: CompareOff, Seed: 1, Speed: 4, Eps: 0.05, Theta: 0.5, Iters: 200, Autoplay: true}
}

// ParamError is a bad URL parameter; the setting keeps its default.
type ParamError struct {
	Param, Value string
	Reason       string
	Default      string // "" for an unknown parameter
}

func (e ParamError) Error() string {
	if e.Default == "" && e.Reason == "unknown parameter" {
		return fmt.Sprintf("unknown URL parameter %q (ignored)", e.Param)
	}
	def := e.Default
	if def == "" {
		def = "(empty)"
	}
	return fmt.Sprintf("bad URL parameter %s=%q: %s; using the default %s", e.Param, e.Value, e.Reason, def)
}

// param describes one URL parameter: how to read it into s and write it from s.
type param struct {
	name   string
	decode func(s *Settings, v string) error
	encode func(s Settings) string
}

func enumParam(name string, names []string, get func(Settings) int, set func(*Settings, int)) param {
	return param{name: name,
		decode: func(s *Settings, v string) error {
			i := slices.Index(names, strings.ToLower(strings.TrimSpace(v)))
			if i < 0 {
				return fmt.Errorf("want one of %s", strings.Join(names, ", "))
			}
			set(s, i)
			return nil
		},
		encode: func(s Settings) string { return names[get(s)] }}
}

func intParam(name string, lo, hi int, p func(*Settings) *int) param {
	return param{name: name,
		decode: func(s *Settings, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("not an integer")
			}
			if n < lo || n > hi {
				return fmt.Errorf("out of range [%d, %d]", lo, hi)
			}
			*p(s) = n
			return nil
		},
		encode: func(s Settings) string { return strconv.Itoa(*p(&s)) }}
}

func floatParam(name string, lo, hi float64, auto bool, p func(*Settings) *float64) param {
	return param{name: name,
		decode: func(s *Settings, v string) error {
			v = strings.TrimSpace(v)
			if auto && v == "auto" {
				*p(s) = 0
				return nil
			}
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return fmt.Errorf("not a number")
			}
			if !(f >= lo && f <= hi) {
				return fmt.Errorf("out of range [%g, %g]", lo, hi)
			}
			*p(s) = f
			return nil
		},
		encode: func(s Settings) string {
			f := *p(&s)
			if auto && f == 0 {
				return "auto"
			}
			return strconv.FormatFloat(f, 'g', -1, 64)
		}}
}

var params = []param{
	enumParam("scene", sceneNames, func(s Settings) int { return int(s.Scene) }, func(s *Settings, i int) { s.Scene = SceneKind(i) }),
	enumParam("model", modelNames, func(s Settings) int { return int(s.Model) }, func(s *Settings, i int) { s.Model = ModelKind(i) }),
	enumParam("data", dataNames, func(s Settings) int { return int(s.Data) }, func(s *Settings, i int) { s.Data = DataKind(i) }),
	floatParam("lr-d", 1e-7, 1, true, func(s *Settings) *float64 { return &s.LRD }),
	floatParam("lr-g", 1e-7, 1, true, func(s *Settings) *float64 { return &s.LRG }),
	intParam("k", 0, 20, func(s *Settings) *int { return &s.K }),
	intParam("batch", 1, 1024, func(s *Settings) *int { return &s.Batch }),
	intParam("width", 1, 512, func(s *Settings) *int { return &s.Width }),
	intParam("depth", 1, 6, func(s *Settings) *int { return &s.Depth }),
	intParam("noise", 1, 16, func(s *Settings) *int { return &s.Noise }),
	{name: "seed",
		decode: func(s *Settings, v string) error {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return fmt.Errorf("not a non-negative integer")
			}
			s.Seed = n
			return nil
		},
		encode: func(s Settings) string { return strconv.FormatUint(s.Seed, 10) }},
	floatParam("speed", 0.01, 200, false, func(s *Settings) *float64 { return &s.Speed }),
	floatParam("eps", 1e-3, 10, false, func(s *Settings) *float64 { return &s.Eps }),
	floatParam("theta", -2, 2, false, func(s *Settings) *float64 { return &s.Theta }),
	intParam("iters", 1, 10000, func(s *Settings) *int { return &s.Iters }),
	enumParam("weights", weightsNames, func(s Settings) int { return int(s.Weights) }, func(s *Settings, i int) { s.Weights = WeightsKind(i) }),
	{name: "hide",
		decode: func(s *Settings, v string) error {
			var hide []string
			for _, p := range strings.Split(v, ",") {
				p = strings.ToLower(strings.TrimSpace(p))
				if p == "" {
					continue
				}
				if !Hideable(p) {
					return fmt.Errorf("unknown panel %q (want a comma-separated list of %s, or of the page's controls)", p, strings.Join(Panels, ", "))
				}
				if !slices.Contains(hide, p) {
					hide = append(hide, p)
				}
			}
			sort.Strings(hide)
			s.Hide = hide
			return nil
		},
		encode: func(s Settings) string { return strings.Join(s.Hide, ",") }},
	{name: "autoplay",
		decode: func(s *Settings, v string) error {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "1", "true", "yes", "on", "":
				s.Autoplay = true
			case "0", "false", "no", "off":
				s.Autoplay = false
			default:
				return fmt.Errorf("want 1 or 0")
			}
			return nil
		},
		encode: func(s Settings) string {
			if s.Autoplay {
				return "1"
			}
			return "0"
		}},
	enumParam("backend", backendNames, func(s Settings) int { return int(s.Backend) }, func(s *Settings, i int) { s.Backend = BackendKind(i) }),
}

// ParamNames returns the URL parameters in their canonical order.
func ParamNames() []string {
	names := make([]string, len(params))
	for i, p := range params {
		names[i] = p.name
	}
	return names
}

// Apply sets the parameters in q on s. Each bad value (unknown name, garbage, out of
// range) leaves its setting unchanged and is reported; the others still apply.
func (s *Settings) Apply(q url.Values) []ParamError {
	var errs []ParamError
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i := slices.IndexFunc(params, func(p param) bool { return p.name == k })
		if i < 0 {
			errs = append(errs, ParamError{Param: k, Value: q.Get(k), Reason: "unknown parameter"})
			continue
		}
		p := params[i]
		vals := q[k]
		v := vals[len(vals)-1]
		if err := p.decode(s, v); err != nil {
			errs = append(errs, ParamError{Param: k, Value: v, Reason: err.Error(), Default: p.encode(*s)})
		}
	}
	return errs
}

// Parse returns the settings of a URL query (with or without the leading "?"), starting
// from DefaultSettings, and the bad parameters it ignored.
func Parse(query string) (Settings, []ParamError) {
	s := DefaultSettings()
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return s, []ParamError{{Param: "query", Value: query, Reason: err.Error(), Default: "(none)"}}
	}
	return s, s.Apply(q)
}

// Values returns every setting as its URL parameter.
func (s Settings) Values() url.Values {
	q := url.Values{}
	for _, p := range params {
		q.Set(p.name, p.encode(s))
	}
	return q
}

// Encode returns the query string of s in the canonical order of ParamNames.
func (s Settings) Encode() string {
	q := s.Values()
	parts := make([]string, 0, len(params))
	for _, p := range params {
		parts = append(parts, url.QueryEscape(p.name)+"="+url.QueryEscape(q.Get(p.name)))
	}
	return strings.Join(parts, "&")
}

// Hidden reports whether the panel is hidden.
func (s Settings) Hidden(panel string) bool { return slices.Contains(s.Hide, panel) }

// sameExcept reports whether a and b differ at most in the named URL parameters.
func sameExcept(a, b Settings, names ...string) bool {
	va, vb := a.Values(), b.Values()
	for _, n := range names {
		va.Del(n)
		vb.Del(n)
	}
	return va.Encode() == vb.Encode()
}

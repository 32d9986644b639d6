package demos

import (
	"fmt"
	"slices"

	"github.com/ganplay/ganplay/models"
)

// OptKind selects the optimizer of D or G.
type OptKind int

// The optimizers. OptAuto is the model's own: Adam for GAN, LSGAN and WGAN-GP, RMSProp for
// WGAN (THEORY.md section 3).
const (
	OptAuto OptKind = iota
	OptAdam
	OptSGD
	OptRMSProp
)

var optNames = []string{"auto", "adam", "sgd", "rmsprop"}

// String returns the optimizer's URL name.
func (k OptKind) String() string {
	if k >= 0 && int(k) < len(optNames) {
		return optNames[k]
	}
	return fmt.Sprintf("OptKind(%d)", int(k))
}

// CompareOff is Settings.Compare when compare mode is off.
const CompareOff ModelKind = -1

var noiseShapeNames = []string{models.Gaussian.String(), models.Uniform.String()}

// compareNames are the values of compare=: "none", then the models.
var compareNames = append([]string{"none"}, modelNames...)

// The URL parameters of the training controls, after those of settings.go:
//
//	opt-d, opt-g  auto | adam | sgd | rmsprop   optimizer of D (critic) and of G
//	k-g           1..20                         G updates per iteration (k is k_D)
//	noise-shape   gaussian | uniform            z ~ N(0, I) or U(-1, 1)^noise
//	compare       none | gan | ... | wgan-gp    a second run, same data and seed, beside the first
//	points        x,y+x,y+...                   the user's points of data=points ("" = the default heart)
//
// points is last: a long set does not hide the other parameters of a link.
func init() {
	paramNames = ParamNames
	params = append(params,
		enumParam("opt-d", optNames, func(s Settings) int { return int(s.OptD) }, func(s *Settings, i int) { s.OptD = OptKind(i) }),
		enumParam("opt-g", optNames, func(s Settings) int { return int(s.OptG) }, func(s *Settings, i int) { s.OptG = OptKind(i) }),
		intParam("k-g", 1, 20, func(s *Settings) *int { return &s.KG }),
		enumParam("noise-shape", noiseShapeNames, func(s Settings) int { return int(s.NoiseShape) },
			func(s *Settings, i int) { s.NoiseShape = models.NoiseShape(i) }),
		enumParam("compare", compareNames, func(s Settings) int { return int(s.Compare) + 1 },
			func(s *Settings, i int) { s.Compare = ModelKind(i - 1) }),
		param{name: "points",
			decode: func(s *Settings, v string) error {
				pts, err := decodePoints(v)
				if err != nil {
					return err
				}
				s.Points = pts
				return nil
			},
			encode: func(s Settings) string { return encodePoints(s.Points) }},
	)
}

// Buttons are the page's buttons that hide= can hide one by one, besides its settings'
// inputs (named by their URL parameter) and the Panels.
var Buttons = []string{"play", "step", "step-d", "step-g", "step10", "slow", "reset", "csv"}

// Hideable reports whether hide= accepts name: a panel, a button or a setting's input
// (its URL parameter's name), so that a slide shows just the controls it needs.
func Hideable(name string) bool {
	return slices.Contains(Panels, name) || slices.Contains(Buttons, name) ||
		(name != "hide" && paramNames != nil && slices.Contains(paramNames(), name))
}

// paramNames is ParamNames, set by init: params' decoders call Hideable, so a direct
// reference would be an initialization cycle.
var paramNames func() []string

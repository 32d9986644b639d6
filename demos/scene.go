package demos

import (
	"github.com/ganplay/ganplay/engine"
)

// Scene is one demo. Update runs once per tick (60 per second); Render draws what the scene
// shows into the canvas and holds no logic.
type Scene interface {
	Kind() SceneKind
	// Update advances the scene by one tick; playing says whether training (or a sweep) runs.
	Update(playing bool) error
	// Step runs n steps now (for the step buttons and window.ganplay.step), whatever the
	// time budget.
	Step(n int) error
	Render(c *Canvas)
	// Metrics returns the numbers on screen.
	Metrics() map[string]float64
	// Click handles a click (or touch) at canvas pixel (x, y): the Mixture scene adds a
	// user point there, the Transport scene moves the nearest point there.
	Click(x, y float64)
}

// Retuner is a scene that can take new settings without restarting, for the settings that
// do not change what it computes from scratch (layers shown, speed, θ, ε of a plan).
// Retune reports false when s needs a new scene.
type Retuner interface {
	Retune(s Settings) bool
}

// Canvas size of every scene, in pixels.
const (
	Width  = 960
	Height = 560
)

// NewScene builds the scene chosen by s on the backend be, without an asset source (the
// image scenes then report that they cannot load).
func NewScene(be engine.Backend, s Settings) (Scene, error) { return NewSceneWith(be, s, nil) }

// NewSceneWith builds the scene chosen by s on the backend be; the image scenes fetch
// their data and weights from f in the background.
func NewSceneWith(be engine.Backend, s Settings, f Fetcher) (Scene, error) {
	switch s.Scene {
	case SceneDCGAN, SceneCGAN:
		return NewDigits(be, s, f), nil
	case ScenePix2pixEdges, ScenePix2pixSketch:
		return NewPix2pix(be, s, f), nil
	case SceneCycleGAN:
		return NewCycleGAN(be, s, f), nil
	case SceneDivergence:
		return NewDivergence(s), nil
	case SceneTransport:
		return NewTransport(s), nil
	default:
		if s.Compare != CompareOff {
			return NewCompare(be, s)
		}
		return NewMixture(be, s)
	}
}

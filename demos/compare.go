package demos

import (
	"image"
	"time"

	"github.com/ganplay/ganplay/engine"
)

// ComparePrefix starts the names of the second run's metrics in compare mode: "b.step",
// "b.loss_D", "b.w1", ...
const ComparePrefix = "b."

// Compare is the Mixture scene in compare mode (compare=MODEL): two runs side by side on
// the same data and the same seed, A with the URL's model on the left, B with the model
// compare names on the right, every other setting shared. Each trains within half the
// frame's time budget, so the two advance together: a step, a step D or a step G moves
// both.
type Compare struct {
	A, B *Mixture
}

// NewCompare builds the two runs of s (s.Compare is B's model).
func NewCompare(be engine.Backend, s Settings) (*Compare, error) {
	a, err := newMixture(be, s, halfLayout(0, "A: "), 6*time.Millisecond)
	if err != nil {
		return nil, err
	}
	sb := s
	sb.Model = s.Compare
	b, err := newMixture(be, sb, halfLayout(Width/2, "B: "), 6*time.Millisecond)
	if err != nil {
		return nil, err
	}
	return &Compare{A: a, B: b}, nil
}

// Kind returns SceneMixture: compare mode is a way of showing that scene.
func (c *Compare) Kind() SceneKind { return SceneMixture }

// Update advances both runs by one tick.
func (c *Compare) Update(playing bool) error {
	if err := c.A.Update(playing); err != nil {
		return err
	}
	return c.B.Update(playing)
}

// Step runs n iterations of both runs. A run that diverged stops; the other goes on.
func (c *Compare) Step(n int) error { return c.StepPhase(PhaseBoth, n) }

// StepPhase runs n steps of phase p in both runs.
func (c *Compare) StepPhase(p Phase, n int) error {
	errA := c.A.StepPhase(p, n)
	errB := c.B.StepPhase(p, n)
	if errA != nil && errB != nil {
		return errA
	}
	return nil
}

// Render draws A on the left half, B on the right, a line between them.
func (c *Compare) Render(cv *Canvas) {
	cv.Clear(colBG)
	c.A.draw(cv)
	c.B.draw(cv)
	cv.FillRect(image.Rect(Width/2-1, 0, Width/2+1, Height), colGrid)
}

// Metrics returns A's metrics under their own names and B's with ComparePrefix.
func (c *Compare) Metrics() map[string]float64 {
	out := c.A.Metrics()
	for k, v := range c.B.Metrics() {
		out[ComparePrefix+k] = v
	}
	return out
}

// Click adds a user point (data=points) to both runs, which share their data, from a
// click in either plot.
func (c *Compare) Click(px, py float64) {
	for _, m := range []*Mixture{c.A, c.B} {
		if m.s.Data == DataPoints && (image.Point{int(px), int(py)}.In(m.lay.Plot)) {
			x, y := m.frame().FromPx(px, py)
			c.A.AddPoint(x, y)
			c.B.AddPoint(x, y)
			return
		}
	}
}

// UserPoints returns the user's point set (the same in both runs).
func (c *Compare) UserPoints() [][2]float64 { return c.A.UserPoints() }

// Retune takes new layers, speed or autoplay in both runs without restarting them.
func (c *Compare) Retune(s Settings) bool {
	if !sameExcept(c.A.s, s, "hide", "speed", "autoplay", "theta", "eps", "iters") {
		return false
	}
	sb := s
	sb.Model = s.Compare
	c.A.Retune(s)
	c.B.Retune(sb)
	return true
}

// Err returns the error that stopped A or, failing that, B.
func (c *Compare) Err() error {
	if c.A.Err() != nil {
		return c.A.Err()
	}
	return c.B.Err()
}

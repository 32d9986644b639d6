package demos

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

// Sizes of what the Mixture scene shows.
const (
	HeatN      = 28  // the heat map is HeatN×HeatN values of D
	ManifoldN  = 13  // G's manifold is the image of a ManifoldN×ManifoldN grid of noise
	ShowN      = 256 // real and fake points shown
	MeasureN   = 128 // samples of the exact W_1 (an O(n³) assignment)
	ModeN      = 500 // samples of the mode metrics
	RecordEach = 10  // G steps between records of the losses and metrics
	historyMax = 300 // records kept for the charts
	plotExtent = 2.0 // the plot shows [-2, 2]²
)

// MixtureView is what the Mixture scene shows, computed once per frame from the model.
type MixtureView struct {
	Real, Fake [][2]float64
	// Heat holds D's value on a HeatN×HeatN grid over [-2, 2]², row 0 at the bottom, mapped
	// to [0, 1]: D(x) = σ(logit) for the GAN objectives, the clamped output for LSGAN, and
	// the critic's f(x) rescaled from [HeatLo, HeatHi] for the Wasserstein objectives.
	Heat           []float64
	HeatLo, HeatHi float64
	// Manifold[i][j] = G(z_ij) for the noise grid z_ij ∈ [-2, 2]² (first two noise dims).
	Manifold [][][2]float64
	// Arrows[i] is ∇_x D(x) at Fake[i]: the direction in which G's loss pushes that fake.
	Arrows [][2]float64
	Step   int
}

// gameNets is what the models expose of their networks.
type gameNets interface {
	Generator() *nn.Sequential
	Discriminator() *nn.Sequential
	Objective() models.Objective
}

// Mixture is the 2-D GAN scene: a model from models trains on a toy target or user points.
type Mixture struct {
	s       Settings
	be      engine.Backend
	dev     *engine.Device
	model   models.Model
	nets    gameNets
	tr      *models.Trainer
	sched   *schedule // the Trainer's model: k_D D updates, k_G G updates
	lay     mixLayout
	ds      toy2d.Dataset
	user    [][2]float64
	budget  Budget
	view    MixtureView
	stale   bool
	trained bool // trained since the last frame
	err     error
	metrics map[string]float64
}

// DefaultUserPoints is the user point set before the user draws: a heart of 24 points.
func DefaultUserPoints() [][2]float64 {
	pts := make([][2]float64, 24)
	for i := range pts {
		t := 2 * math.Pi * float64(i) / 24
		x := 16 * math.Pow(math.Sin(t), 3)
		y := 13*math.Cos(t) - 5*math.Cos(2*t) - 2*math.Cos(3*t) - math.Cos(4*t)
		pts[i] = [2]float64{x / 12, y / 12}
	}
	return pts
}

// NewMixture builds the scene: its model, data and trainer, seeded by s.Seed.
func NewMixture(be engine.Backend, s Settings) (*Mixture, error) {
	return newMixture(be, s, singleLayout, 12*time.Millisecond)
}

// newMixture builds the scene drawn with layout lay, training within limit per frame.
func newMixture(be engine.Backend, s Settings, lay mixLayout, limit time.Duration) (*Mixture, error) {
	user := append([][2]float64(nil), s.Points...) // its own copy: AddPoint appends
	if s.Points == nil {
		user = DefaultUserPoints()
	}
	m := &Mixture{s: s, be: be, user: user, lay: lay, budget: Budget{Limit: limit}}
	return m, m.reset()
}

// Kind returns SceneMixture.
func (m *Mixture) Kind() SceneKind { return SceneMixture }

// Dataset returns the target.
func (m *Mixture) Dataset() toy2d.Dataset { return m.ds }

// Model returns the model being trained.
func (m *Mixture) Model() models.Model { return m.model }

func (m *Mixture) dataset() (toy2d.Dataset, error) {
	switch m.s.Data {
	case DataBimodal:
		return toy2d.Bimodal{}, nil
	case DataGrid:
		return toy2d.Grid25{}, nil
	case DataSwissRoll:
		return toy2d.SwissRoll{}, nil
	case DataPoints:
		return toy2d.NewPoints(m.user)
	default:
		return toy2d.Ring8{}, nil
	}
}

// NewModel builds the model that s selects, with the paper's defaults for what s leaves 0,
// then gives D and G the optimizers that s names (withOptimizers).
func NewModel(dev *engine.Device, rng *rand.Rand, s Settings) (models.Model, error) {
	m, err := newModel(dev, rng, s)
	if err != nil {
		return nil, err
	}
	return m, withOptimizers(m, s)
}

func newModel(dev *engine.Device, rng *rand.Rand, s Settings) (models.Model, error) {
	net := models.Net{NoiseDim: s.Noise, Width: s.Width, Depth: s.Depth, DataDim: 2, Noise: s.NoiseShape}
	lr := func(v float64, def float32) float32 {
		if v > 0 {
			return float32(v)
		}
		return def
	}
	k := func(def int) int {
		if s.K > 0 {
			return s.K
		}
		return def
	}
	switch s.Model {
	case ModelLSGAN:
		c := models.DefaultLSGAN()
		c.Net, c.Batch, c.K, c.LRD, c.LRG = net, s.Batch, k(c.K), lr(s.LRD, c.LRD), lr(s.LRG, c.LRG)
		return models.NewLSGAN(dev, rng, c)
	case ModelWGAN:
		c := models.DefaultWGAN()
		c.Net, c.Batch, c.NCritic, c.LRD, c.LRG = net, s.Batch, k(c.NCritic), lr(s.LRD, c.LRD), lr(s.LRG, c.LRG)
		return models.NewWGAN(dev, rng, c)
	case ModelWGANGP:
		c := models.DefaultWGANGP()
		c.Net, c.Batch, c.NCritic, c.LRD, c.LRG = net, s.Batch, k(c.NCritic), lr(s.LRD, c.LRD), lr(s.LRG, c.LRG)
		return models.NewWGANGP(dev, rng, c)
	default:
		c := models.DefaultGAN()
		if s.Model == ModelGANMinimax {
			c.Objective = models.Minimax
		}
		c.Net, c.Batch, c.K, c.LRD, c.LRG = net, s.Batch, k(c.K), lr(s.LRD, c.LRD), lr(s.LRG, c.LRG)
		return models.NewGAN(dev, rng, c)
	}
}

// reset rebuilds the model and data from the settings: the same seed gives the same run.
func (m *Mixture) reset() error {
	ds, err := m.dataset()
	if err != nil {
		return fmt.Errorf("mixture: data: %w", err)
	}
	m.ds = ds
	m.dev = engine.NewDevice(m.be)
	modelRNG, dataRNG, measureRNG := models.Streams(m.s.Seed)
	model, err := NewModel(m.dev, modelRNG, m.s)
	if err != nil {
		return fmt.Errorf("mixture: %w", err)
	}
	m.model = model
	m.nets = model.(gameNets)
	ph, ok := model.(models.Phased)
	if !ok {
		return fmt.Errorf("mixture: %s cannot step D and G one at a time", model.Name())
	}
	m.sched = &schedule{Phased: ph, kG: m.s.KG}
	measure := models.NewToySource(m.dev, measureRNG, ds)
	meters := []models.Meter{models.DistanceMeter{Data: measure, N: MeasureN}}
	if modes := ds.Modes(); len(modes) > 0 {
		meters = append(meters, models.ModeMeter{Modes: modes, N: ModeN})
	}
	m.tr = &models.Trainer{Model: m.sched, Data: models.NewToySource(m.dev, dataRNG, ds), Every: RecordEach, Meters: meters}
	m.err = nil
	// The real points shown come from their own stream, so showing them changes nothing.
	m.view = MixtureView{Real: ds.Sample(rand.New(rand.NewPCG(m.s.Seed, 0x73686f77)), ShowN)}
	m.metrics = map[string]float64{}
	m.stale = true
	m.refresh()
	return nil
}

// Retune takes new layers, speed or autoplay without restarting the run.
func (m *Mixture) Retune(s Settings) bool {
	if !sameExcept(m.s, s, "hide", "speed", "autoplay", "theta", "eps", "iters") {
		return false
	}
	m.s = s
	return true
}

// Err returns the error that stopped training (a diverged loss), or nil.
func (m *Mixture) Err() error { return m.err }

// Update trains for up to Speed steps within the frame's time budget when playing, then
// reads back what is shown (once per frame, only when it changed).
func (m *Mixture) Update(playing bool) error {
	// The time budget is per drawn frame: Ebiten may run several ticks per frame when
	// frames are slow, and training in each would slow them further.
	if playing && m.err == nil && !m.trained {
		m.trained = true
		if _, err := m.budget.Run(m.s.Speed, m.tr.Step); err != nil {
			m.err = err
		}
		m.stale = true
	}
	return nil
}

// Step runs n training steps now.
func (m *Mixture) Step(n int) error {
	for range n {
		if m.err != nil {
			break
		}
		if err := m.tr.Step(); err != nil {
			m.err = err
		}
	}
	m.stale = true
	m.refresh()
	return m.err
}

// View returns what the scene shows.
func (m *Mixture) View() *MixtureView { return &m.view }

// Steps returns the number of training steps done.
func (m *Mixture) Steps() int { return m.tr.Steps() }

// History returns the trainer's records (losses and metrics every RecordEach steps).
func (m *Mixture) History() []models.Record { return m.tr.History }

func (m *Mixture) refresh() {
	if !m.stale {
		return
	}
	m.stale = false
	if h := m.tr.History; len(h) > historyMax {
		m.tr.History = append(h[:0:0], h[len(h)-historyMax:]...)
	}
	v := &m.view
	v.Step = m.tr.Steps()
	v.Fake = models.Points2(m.model.Sample(ShowN))
	G, D := m.nets.Generator(), m.nets.Discriminator()
	obj := m.nets.Objective()

	// The heat map: D on the grid, one forward pass.
	grid := make([]float32, 0, 2*HeatN*HeatN)
	for i := range HeatN {
		for j := range HeatN {
			x := -plotExtent + (float64(j)+0.5)*2*plotExtent/HeatN
			y := -plotExtent + (float64(i)+0.5)*2*plotExtent/HeatN
			grid = append(grid, float32(x), float32(y))
		}
	}
	var raw []float32
	m.dev.NoGrad(func() { raw = D.Forward(m.dev.FromSlice(grid, HeatN*HeatN, 2)).Data() })
	v.Heat = make([]float64, len(raw))
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range raw {
		lo, hi = min(lo, float64(r)), max(hi, float64(r))
	}
	v.HeatLo, v.HeatHi = lo, hi
	for i, r := range raw {
		switch {
		case obj.IsWasserstein():
			v.Heat[i] = 0.5
			if hi > lo {
				v.Heat[i] = (float64(r) - lo) / (hi - lo)
			}
		case obj == models.LeastSquares:
			v.Heat[i] = min(max(float64(r), 0), 1)
		default:
			v.Heat[i] = 1 / (1 + math.Exp(-float64(r)))
		}
	}

	// G's manifold: the image of a noise grid (the first two noise dimensions, others 0)
	// over [-2, 2]² for Gaussian noise, [-1, 1]² for uniform noise (its whole support).
	nz, zr := m.s.Noise, 2.0
	if m.s.NoiseShape == models.Uniform {
		zr = 1
	}
	zs := make([]float32, ManifoldN*ManifoldN*nz)
	for i := range ManifoldN {
		for j := range ManifoldN {
			k := (i*ManifoldN + j) * nz
			zs[k] = float32(-zr + 2*zr*float64(j)/(ManifoldN-1))
			if nz > 1 {
				zs[k+1] = float32(-zr + 2*zr*float64(i)/(ManifoldN-1))
			}
		}
	}
	var gz []float32
	m.dev.NoGrad(func() { gz = G.Forward(m.dev.FromSlice(zs, ManifoldN*ManifoldN, nz)).Data() })
	v.Manifold = make([][][2]float64, ManifoldN)
	for i := range v.Manifold {
		v.Manifold[i] = make([][2]float64, ManifoldN)
		for j := range v.Manifold[i] {
			k := 2 * (i*ManifoldN + j)
			v.Manifold[i][j] = [2]float64{float64(gz[k]), float64(gz[k+1])}
		}
	}

	// Gradient arrows: ∇_x D(x) at the fakes shown.
	x := m.dev.FromSlice(toy2d.Flatten32(v.Fake), len(v.Fake), 2).RequiresGrad()
	g := engine.Grad([]*engine.Tensor{D.Forward(x)}, []*engine.Tensor{x}, engine.GradOptions{})[0].Data()
	v.Arrows = make([][2]float64, len(v.Fake))
	for i := range v.Arrows {
		v.Arrows[i] = [2]float64{float64(g[2*i]), float64(g[2*i+1])}
	}
	m.updateMetrics()
}

func (m *Mixture) updateMetrics() {
	mt := m.metrics
	mt["step"] = float64(m.tr.Steps())
	mt["steps_D"], mt["steps_G"] = float64(m.sched.dSteps), float64(m.sched.gSteps)
	if m.sched.lastD != nil {
		mt["last_D"] = float64(m.sched.lastD.Item())
	}
	if m.sched.lastG != nil {
		mt["last_G"] = float64(m.sched.lastG.Item())
	}
	if m.s.Data == DataPoints {
		mt["points"] = float64(len(m.user))
	}
	if h := m.tr.History; len(h) > 0 {
		r := h[len(h)-1]
		for _, l := range r.Losses {
			mt["loss_"+l.Name] = l.V
		}
		for _, v := range r.Metrics {
			mt[v.Name] = v.V
		}
	}
	if m.err != nil {
		mt["diverged"] = 1
	}
}

// Metrics returns the numbers on screen (as of the last frame): step (iterations),
// steps_D and steps_G (updates of each network), last_D and last_G (the loss of the last
// update of each), loss_D, loss_G (and loss_GP: means over the last RecordEach
// iterations), w1, js_est or w_est, on a target with modes modes, hq and rkl, and with
// data=points the number of points.
func (m *Mixture) Metrics() map[string]float64 {
	out := make(map[string]float64, len(m.metrics))
	for k, v := range m.metrics {
		out[k] = v
	}
	return out
}

package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models/nets"
)

// DCGANConfig configures the digits GAN (Radford et al. 2016) and, with Net.NumClasses > 0,
// the class-conditional GAN G(z | y), D(x | y) (Mirza & Osindero 2014) on 28×28 images.
type DCGANConfig struct {
	Net          nets.DCGANConfig
	Objective    Objective // Minimax, NonSaturating or LeastSquares
	Batch        int       // images per batch
	LRD, LRG     float32   // Adam learning rates of D and G
	Beta1, Beta2 float32   // Adam's β1, β2 for both
	InitStd      float64   // weights ~ N(0, InitStd²), the paper's 0.02
	GridCols     int       // columns of the sample grid (noise vectors fixed at construction)
}

// DefaultDCGAN returns DCGAN's settings: the non-saturating loss, batch 128, Adam lr 2e-4,
// β = (0.5, 0.999), weights ~ N(0, 0.02²), on nets.DefaultDCGAN, with an 8×8 sample grid.
func DefaultDCGAN() DCGANConfig {
	return DCGANConfig{Net: nets.DefaultDCGAN(), Objective: NonSaturating, Batch: 128,
		LRD: 2e-4, LRG: 2e-4, Beta1: 0.5, Beta2: 0.999, InitStd: 0.02, GridCols: 8}
}

// DefaultDigitCGAN returns DefaultDCGAN conditioned on the 10 digit classes, with a grid
// of one row per class and 10 columns.
func DefaultDigitCGAN() DCGANConfig {
	c := DefaultDCGAN()
	c.Net.NumClasses = 10
	c.GridCols = 10
	return c
}

// Validate reports every problem of c in one error.
func (c DCGANConfig) Validate() error {
	var ck checks
	if err := c.Net.Validate(); err != nil {
		ck.addf("%v", err)
	}
	ck.objective(c.Objective, Minimax, NonSaturating, LeastSquares)
	ck.atLeast("batch", c.Batch, 1)
	ck.positive("learning rate of D", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	ck.positive("initial weight std", float32(c.InitStd))
	ck.atLeast("grid columns", c.GridCols, 1)
	return ck.err(dcganName(c.Net.NumClasses))
}

// dcganName is "dcgan", or "cgan-digits" for the conditional model.
func dcganName(classes int) string {
	if classes > 0 {
		return "cgan-digits"
	}
	return "dcgan"
}

// DCGAN is the digits GAN: G and D are nets.DCGANGenerator and DCGANDiscriminator, which
// take the one-hot label when the model is conditional. Real batches are [n, 1, 28, 28]
// (with labels for the conditional model, as DigitSource gives).
type DCGAN struct {
	G      *nets.DCGANGenerator
	D      *nets.DCGANDiscriminator
	Config DCGANConfig

	name       string
	dev        *engine.Device
	rng        *rand.Rand // training draws: noise, labels of G's fakes
	sampleRNG  *rand.Rand // draws of Sample
	optG, optD optim.Optimizer
	gridZ      *engine.Tensor // the grid's fixed noise
	state      stepState
}

// NewDCGAN validates cfg and builds the model on dev; every random draw comes from rng.
func NewDCGAN(dev *engine.Device, rng *rand.Rand, cfg DCGANConfig) (*DCGAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := &DCGAN{Config: cfg, name: dcganName(cfg.Net.NumClasses), dev: dev, rng: rng}
	var err error
	if m.G, err = nets.NewDCGANGenerator(dev, rng, cfg.Net); err != nil {
		return nil, err
	}
	if m.D, err = nets.NewDCGANDiscriminator(dev, rng, cfg.Net); err != nil {
		return nil, err
	}
	initGAN(rng, cfg.InitStd, m.G, m.D)
	if m.optD, err = newAdam(m.name, "D", cfg.LRD, cfg.Beta1, cfg.Beta2, m.D); err != nil {
		return nil, err
	}
	if m.optG, err = newAdam(m.name, "G", cfg.LRG, cfg.Beta1, cfg.Beta2, m.G); err != nil {
		return nil, err
	}
	m.sampleRNG = rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
	nGrid := cfg.GridCols // one noise vector per column, shared by the class rows
	if cfg.Net.NumClasses == 0 {
		nGrid *= cfg.GridCols
	}
	m.gridZ = dev.Randn(rng, 0, 1, nGrid, cfg.Net.NZ)
	return m, nil
}

// Name returns "dcgan" or "cgan-digits".
func (m *DCGAN) Name() string { return m.name }

// Conditional reports whether G and D take a label.
func (m *DCGAN) Conditional() bool { return m.Config.Net.NumClasses > 0 }

// State returns G's and D's tensors, prefixed "G." and "D.".
func (m *DCGAN) State() []nn.Param { return stateOf(named{"G", m.G}, named{"D", m.D}) }

// Step runs one D step on a real batch from src and one G step. D minimises
// obj.DLoss(D(x | y), D(G(z | y) | y)) with the real batch's labels y; G minimises
// obj.GLoss(D(G(z | y') | y')) with uniform labels y'. The losses are "D" and "G"; their
// tensors are overwritten by the next Step. The step runs inside Device.Scope, so its
// storage is reused by the next one.
func (m *DCGAN) Step(src Source) ([]Loss, error) {
	return m.state.scoped(m.dev, func() ([]Loss, error) { return m.step(src) })
}

func (m *DCGAN) step(src Source) ([]Loss, error) {
	if src == nil {
		return nil, fmt.Errorf("%s: no data source", m.name)
	}
	b := src.Next(m.Config.Batch)
	if err := m.checkBatch(b); err != nil {
		return nil, err
	}
	n := b.X.Dim(0)
	labels := b.Labels
	if !m.Conditional() {
		labels = nil
	}
	var fake *engine.Tensor
	m.dev.NoGrad(func() { fake = m.G.Generate(m.noise(m.rng, n), labels) })
	lossD := m.Config.Objective.DLoss(m.D.Judge(b.X, labels), m.D.Judge(fake, labels))
	Update(m.optD, lossD, params(m.D))

	gl := m.randomLabels(m.rng, m.Config.Batch)
	lossG := m.Config.Objective.GLoss(m.D.Judge(m.G.Generate(m.noise(m.rng, m.Config.Batch), gl), gl))
	Update(m.optG, lossG, params(m.G))
	return []Loss{{Name: "D", T: lossD}, {Name: "G", T: lossG}}, nil
}

// checkBatch rejects a batch that the model cannot train on.
func (m *DCGAN) checkBatch(b Batch) error {
	if err := checkImages(m.name, b.X, m.Config.Net.NC, nets.DCGANSize, nets.DCGANSize); err != nil {
		return err
	}
	if !m.Conditional() {
		return nil
	}
	if len(b.Labels) != b.X.Dim(0) {
		return fmt.Errorf("%s: real batch of %d images has %d labels; a conditional model needs one per image", m.name, b.X.Dim(0), len(b.Labels))
	}
	for i, l := range b.Labels {
		if l < 0 || l >= m.Config.Net.NumClasses {
			return fmt.Errorf("%s: label %d of image %d is outside [0, %d)", m.name, l, i, m.Config.Net.NumClasses)
		}
	}
	return nil
}

// noise draws [n, NZ] noise z ~ N(0, I) from rng.
func (m *DCGAN) noise(rng *rand.Rand, n int) *engine.Tensor {
	return m.dev.Randn(rng, 0, 1, n, m.Config.Net.NZ)
}

// randomLabels draws n uniform labels, or nil for the unconditional model.
func (m *DCGAN) randomLabels(rng *rand.Rand, n int) []int {
	if !m.Conditional() {
		return nil
	}
	ls := make([]int, n)
	for i := range ls {
		ls[i] = rng.IntN(m.Config.Net.NumClasses)
	}
	return ls
}

// generate returns G(z | labels) with no history, with G's BatchNorm layers in evaluation
// mode (running statistics), so that an image does not depend on the rest of its batch.
func (m *DCGAN) generate(z *engine.Tensor, labels []int) *engine.Tensor {
	var x *engine.Tensor
	m.G.SetTraining(false)
	m.dev.NoGrad(func() { x = m.G.Generate(z, labels) })
	m.G.SetTraining(true)
	return x
}

// Sample returns n images [n, 1, 28, 28] from the sampling stream (uniform labels for the
// conditional model).
func (m *DCGAN) Sample(n int) *engine.Tensor {
	return m.generate(m.noise(m.sampleRNG, n), m.randomLabels(m.sampleRNG, n))
}

// SampleClass returns n images of class y, with no history (conditional model only).
func (m *DCGAN) SampleClass(n, y int) *engine.Tensor {
	if !m.Conditional() || y < 0 || y >= m.Config.Net.NumClasses {
		panic(fmt.Sprintf("%s: SampleClass(%d) of a model with %d classes", m.name, y, m.Config.Net.NumClasses))
	}
	labels := make([]int, n)
	for i := range labels {
		labels[i] = y
	}
	return m.generate(m.noise(m.sampleRNG, n), labels)
}

// Grid returns the sample grid, rows × GridCols images [rows·cols, 1, 28, 28] row by row,
// made from noise fixed at construction so that successive grids show training progress.
// The conditional model has one row per class (row y shows class y, column j noise j); the
// unconditional one is GridCols × GridCols images of distinct fixed noise.
func (m *DCGAN) Grid() (x *engine.Tensor, rows, cols int) {
	cols = m.Config.GridCols
	if m.Conditional() {
		rows = m.Config.Net.NumClasses
		zs := make([]*engine.Tensor, rows)
		labels := make([]int, rows*cols)
		for r := range zs {
			zs[r] = m.gridZ
			for c := 0; c < cols; c++ {
				labels[r*cols+c] = r
			}
		}
		return m.generate(engine.Concat(0, zs...), labels), rows, cols
	}
	return m.generate(m.gridZ, nil), cols, cols
}

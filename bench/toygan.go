package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models/toy2d"
)

// ToyGAN is the engine issue's reference 2-D GAN: G: z(2) → 128 → 128 → 2 and
// D: 2 → 128 → 128 → 1 with ReLU, both trained by Adam (2e-4, β = (0.5, 0.999)) on the
// non-saturating loss:
//
//	L_D = BCE(D(x), 1) + BCE(D(G(z)), 0),  L_G = BCE(D(G(z)), 1).
type ToyGAN struct {
	G, D       *nn.Sequential
	optG, optD *optim.Adam
	dev        *engine.Device
	rng        *rand.Rand
	data       toy2d.Dataset
	Batch      int
	NoiseDim   int
}

// NewToyGAN builds the toy GAN on dev; every random draw (weights, noise, data) comes from
// one PCG source seeded with seed.
func NewToyGAN(dev *engine.Device, data toy2d.Dataset, seed uint64, width, batch int) (*ToyGAN, error) {
	rng := rand.New(rand.NewPCG(seed, 0x70794741))
	m := &ToyGAN{dev: dev, rng: rng, data: data, Batch: batch, NoiseDim: 2}
	m.G = nn.NewSequential(nn.NewLinear(dev, rng, m.NoiseDim, width), nn.ReLU{},
		nn.NewLinear(dev, rng, width, width), nn.ReLU{}, nn.NewLinear(dev, rng, width, 2))
	m.D = nn.NewSequential(nn.NewLinear(dev, rng, 2, width), nn.ReLU{},
		nn.NewLinear(dev, rng, width, width), nn.ReLU{}, nn.NewLinear(dev, rng, width, 1))
	var err error
	if m.optG, err = optim.NewAdam(nn.Tensors(m.G.Params()), 2e-4, 0.5, 0.999); err != nil {
		return nil, fmt.Errorf("toy GAN: %w", err)
	}
	if m.optD, err = optim.NewAdam(nn.Tensors(m.D.Params()), 2e-4, 0.5, 0.999); err != nil {
		return nil, fmt.Errorf("toy GAN: %w", err)
	}
	return m, nil
}

// noise draws a [n, NoiseDim] batch of z ~ N(0, I).
func (m *ToyGAN) noise(n int) *engine.Tensor { return m.dev.Randn(m.rng, 0, 1, n, m.NoiseDim) }

// Step runs one iteration, a D step then a G step, and returns both losses (still on the
// device: reading them is the caller's choice).
func (m *ToyGAN) Step() (lossD, lossG *engine.Tensor) {
	real := m.dev.FromSlice(toy2d.Flatten32(m.data.Sample(m.rng, m.Batch)), m.Batch, 2)
	var fake *engine.Tensor
	m.dev.NoGrad(func() { fake = m.G.Forward(m.noise(m.Batch)) })
	lossD = nn.BCEWithLogitsConst(m.D.Forward(real), 1).Add(nn.BCEWithLogitsConst(m.D.Forward(fake), 0))
	step(m.optD, lossD, nn.Tensors(m.D.Params()))

	lossG = nn.BCEWithLogitsConst(m.D.Forward(m.G.Forward(m.noise(m.Batch))), 1)
	step(m.optG, lossG, nn.Tensors(m.G.Params()))
	return lossD, lossG
}

// step sets the gradients of ps alone (the other network's are not computed) and applies o.
func step(o optim.Optimizer, loss *engine.Tensor, ps []*engine.Tensor) {
	gs := engine.Grad([]*engine.Tensor{loss}, ps, engine.GradOptions{})
	for i, p := range ps {
		p.Grad = gs[i]
	}
	o.Step()
}

// Sample returns n generated points.
func (m *ToyGAN) Sample(n int) [][2]float64 {
	var out []float32
	m.dev.NoGrad(func() { out = m.G.Forward(m.noise(n)).Data() })
	pts := make([][2]float64, n)
	for i := range pts {
		pts[i] = [2]float64{float64(out[2*i]), float64(out[2*i+1])}
	}
	return pts
}

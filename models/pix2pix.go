package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models/nets"
)

// Pix2pixConfig configures Pix2pix (Isola et al. 2017), paired image-to-image translation
// x → y.
type Pix2pixConfig struct {
	G            nets.UNetConfig     // the generator; its dropout is the only noise
	D            nets.PatchGANConfig // the conditional discriminator; InputNC = G.InputNC + G.OutputNC
	LambdaL1     float32             // weight λ of the L1 term (paper: 100)
	Batch        int                 // pairs per batch (paper: 1)
	LR           float32             // Adam learning rate of G and D (paper: 2e-4)
	Beta1, Beta2 float32             // Adam's β (paper: 0.5, 0.999)
	InitStd      float64             // weights ~ N(0, InitStd²) (paper: 0.02)
}

// DefaultPix2pix returns the paper's settings (λ = 100, batch 1, Adam 2e-4 with β = (0.5,
// 0.999), weights ~ N(0, 0.02²), BatchNorm, dropout in G) for inC → outC channels, on the
// scaled-down nets.DefaultUNet and nets.DefaultPatchGAN (70×70 patches).
func DefaultPix2pix(inC, outC int) Pix2pixConfig {
	g := nets.DefaultUNet()
	g.InputNC, g.OutputNC = inC, outC
	d := nets.DefaultPatchGAN()
	d.InputNC = inC + outC
	return Pix2pixConfig{G: g, D: d, LambdaL1: 100, Batch: 1, LR: 2e-4, Beta1: 0.5, Beta2: 0.999, InitStd: 0.02}
}

// Validate reports every problem of c in one error.
func (c Pix2pixConfig) Validate() error {
	var ck checks
	if err := c.G.Validate(); err != nil {
		ck.addf("%v", err)
	}
	if err := c.D.Validate(); err != nil {
		ck.addf("%v", err)
	}
	if c.D.InputNC != c.G.InputNC+c.G.OutputNC {
		ck.addf("discriminator input channels %d must be input %d + output %d channels (D sees the pair)",
			c.D.InputNC, c.G.InputNC, c.G.OutputNC)
	}
	ck.nonNegative("L1 weight λ", c.LambdaL1)
	ck.atLeast("batch", c.Batch, 1)
	ck.positive("learning rate", c.LR)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	ck.positive("initial weight std", float32(c.InitStd))
	return ck.err("pix2pix")
}

// Pix2pix is the conditional GAN of Isola et al. (2017): a U-Net G: x → y and a PatchGAN D
// that judges (input, output) pairs, patch by patch. Its objective (eq. 4) is
//
//	G* = arg min_G max_D L_cGAN(G, D) + λ L_L1(G)
//	L_cGAN = E log D(x, y) + E log(1 - D(x, G(x)))     (eq. 1; BCE with logits, averaged over patches)
//	L_L1   = E ‖y - G(x)‖₁                              (eq. 3)
//
// with the non-saturating G loss of the reference. Real batches hold the input and the
// target concatenated along the channels (ImagePairSource).
type Pix2pix struct {
	G      *nets.UNet
	D      *nets.PatchGAN
	Config Pix2pixConfig

	dev        *engine.Device
	optG, optD optim.Optimizer
	last       *engine.Tensor // inputs of the last batch, for Sample
	state      stepState
}

// NewPix2pix validates cfg and builds the model on dev; every random draw (weights, dropout
// masks) comes from rng.
func NewPix2pix(dev *engine.Device, rng *rand.Rand, cfg Pix2pixConfig) (*Pix2pix, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := &Pix2pix{Config: cfg, dev: dev}
	var err error
	if m.G, err = nets.NewUNet(dev, rng, cfg.G); err != nil {
		return nil, err
	}
	if m.D, err = nets.NewPatchGAN(dev, rng, cfg.D); err != nil {
		return nil, err
	}
	initGAN(rng, cfg.InitStd, m.G, m.D)
	if m.optG, err = newAdam("pix2pix", "G", cfg.LR, cfg.Beta1, cfg.Beta2, m.G); err != nil {
		return nil, err
	}
	if m.optD, err = newAdam("pix2pix", "D", cfg.LR, cfg.Beta1, cfg.Beta2, m.D); err != nil {
		return nil, err
	}
	return m, nil
}

// Name returns "pix2pix".
func (m *Pix2pix) Name() string { return "pix2pix" }

// State returns G's and D's tensors, prefixed "G." and "D.".
func (m *Pix2pix) State() []nn.Param { return stateOf(named{"G", m.G}, named{"D", m.D}) }

// Step runs one iteration in the reference's order: fake = G(x); one D step on
//
//	½ [BCE(D(x, y), 1) + BCE(D(x, fake), 0)]
//
// then one G step on BCE(D(x, fake), 1) + λ·L1(fake, y). The losses are "D_real",
// "D_fake", "G_GAN" and "G_L1" (the last without λ: the mean absolute error in [0, 2]);
// their tensors are overwritten by the next Step. The step runs inside Device.Scope, so its
// storage is reused by the next one.
func (m *Pix2pix) Step(src Source) ([]Loss, error) {
	return m.state.scoped(m.dev, func() ([]Loss, error) { return m.step(src) })
}

func (m *Pix2pix) step(src Source) ([]Loss, error) {
	if src == nil {
		return nil, fmt.Errorf("pix2pix: no data source")
	}
	b := src.Next(m.Config.Batch)
	if err := checkImages("pix2pix", b.X, m.Config.D.InputNC, 0, 0); err != nil {
		return nil, err
	}
	if k := 1 << m.Config.G.NumDowns; b.X.Dim(2)%k != 0 || b.X.Dim(3)%k != 0 {
		return nil, fmt.Errorf("pix2pix: images of %d×%d; a U-Net with %d levels needs sides that are multiples of %d",
			b.X.Dim(2), b.X.Dim(3), m.Config.G.NumDowns, k)
	}
	x, y := SplitPair(b.X, m.Config.G.InputNC)
	hold(m.dev, &m.last, x)
	fake := m.G.Forward(x)

	dReal := nn.BCEWithLogitsConst(m.D.ForwardPair(x, y), 1)
	dFake := nn.BCEWithLogitsConst(m.D.ForwardPair(x, fake.Detach()), 0)
	Update(m.optD, dReal.Add(dFake).Scale(0.5), params(m.D))

	gGAN := nn.BCEWithLogitsConst(m.D.ForwardPair(x, fake), 1)
	gL1 := nn.L1(fake, y)
	Update(m.optG, gGAN.Add(gL1.Scale(m.Config.LambdaL1)), params(m.G))
	return []Loss{{"D_real", dReal}, {"D_fake", dFake}, {"G_GAN", gGAN}, {"G_L1", gL1}}, nil
}

// Translate returns G(x) with no history. As in the paper, dropout stays on (it is G's
// noise) and BatchNorm uses the statistics of the batch, as the reference's test script
// does without --eval; the running statistics, part of the weights, are left as they were
// (nn.KeepStats), so displaying translations does not change the model.
func (m *Pix2pix) Translate(x *engine.Tensor) *engine.Tensor {
	if x.Rank() != 4 || x.Dim(1) != m.Config.G.InputNC {
		panic(fmt.Sprintf("pix2pix: Translate of %v, want [n, %d, H, W]", x.Shape(), m.Config.G.InputNC))
	}
	var y *engine.Tensor
	nn.KeepStats(m.G, func() { m.dev.NoGrad(func() { y = m.G.Forward(x) }) })
	return y
}

// Patches returns D's per-patch probability of "real" for the pair (x, y), [n, 1, H', W']:
// the map the demo overlays on the output. Like Translate it leaves D's running
// statistics as they were.
func (m *Pix2pix) Patches(x, y *engine.Tensor) *engine.Tensor {
	var p *engine.Tensor
	nn.KeepStats(m.D, func() { m.dev.NoGrad(func() { p = m.D.ForwardPair(x, y).Sigmoid() }) })
	return p
}

// Sample returns the translations of n inputs of the last training batch (cycled when n is
// larger), or nil before the first Step.
func (m *Pix2pix) Sample(n int) *engine.Tensor {
	if m.last == nil {
		return nil
	}
	return m.Translate(cycleBatch(m.last, n))
}

package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models/nets"
)

// CycleGANConfig configures CycleGAN (Zhu et al. 2017), unpaired translation between
// domains X and Y of the same number of channels.
type CycleGANConfig struct {
	G            nets.ResNetConfig   // both generators, G: X → Y and F: Y → X
	D            nets.PatchGANConfig // both discriminators, D_X and D_Y
	LambdaCyc    float32             // weight λ of the cycle losses (paper: 10)
	LambdaID     float32             // weight of the identity losses (paper: 0.5·λ)
	Pool         int                 // size of each history pool of fakes (paper: 50; 0 turns it off)
	Batch        int                 // images per domain and batch (paper: 1)
	LR           float32             // Adam learning rate before the decay (paper: 2e-4)
	Beta1, Beta2 float32             // Adam's β (paper: 0.5, 0.999)
	Hold, Decay  int                 // steps at LR, then steps of linear decay to 0 (optim.LinearDecay)
	InitStd      float64             // weights ~ N(0, InitStd²) (paper: 0.02)
}

// DefaultCycleGAN returns the paper's settings for c-channel images: the least-squares GAN
// loss, λ = 10, λ_id = 5, pools of 50, batch 1, Adam 2e-4 with β = (0.5, 0.999), weights ~
// N(0, 0.02²), instance norm, on the scaled-down nets.DefaultResNet and a 70×70
// nets.DefaultPatchGAN. The paper holds the rate for 100 epochs and decays it over 100
// more; here the schedule is in steps: 2,000 held, then 2,000 decaying.
func DefaultCycleGAN(c int) CycleGANConfig {
	g := nets.DefaultResNet()
	g.InputNC, g.OutputNC = c, c
	d := nets.DefaultPatchGAN()
	d.InputNC, d.Norm = c, nets.NormInstance
	return CycleGANConfig{G: g, D: d, LambdaCyc: 10, LambdaID: 5, Pool: 50, Batch: 1, LR: 2e-4,
		Beta1: 0.5, Beta2: 0.999, Hold: 2000, Decay: 2000, InitStd: 0.02}
}

// Validate reports every problem of c in one error.
func (c CycleGANConfig) Validate() error {
	var ck checks
	if err := c.G.Validate(); err != nil {
		ck.addf("%v", err)
	}
	if err := c.D.Validate(); err != nil {
		ck.addf("%v", err)
	}
	if c.G.InputNC != c.G.OutputNC || c.D.InputNC != c.G.InputNC {
		ck.addf("generator channels %d → %d and discriminator channels %d must all be equal (both domains have the same channels)",
			c.G.InputNC, c.G.OutputNC, c.D.InputNC)
	}
	ck.nonNegative("cycle weight λ", c.LambdaCyc)
	ck.nonNegative("identity weight", c.LambdaID)
	ck.atLeast("pool size", c.Pool, 0)
	ck.atLeast("batch", c.Batch, 1)
	ck.positive("learning rate", c.LR)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	ck.atLeast("steps held at the full rate", c.Hold, 0)
	ck.atLeast("decay steps", c.Decay, 0)
	ck.positive("initial weight std", float32(c.InitStd))
	return ck.err("cyclegan")
}

// CycleGAN holds the four networks of Zhu et al. (2017) under the paper's names (the
// reference's G_A is G, G_B is F, D_A is D_Y, D_B is D_X). Its objective (eq. 3 and 5) is
//
//	L = L_GAN(G, D_Y) + L_GAN(F, D_X) + λ L_cyc(G, F) + λ_id L_id(G, F)
//	L_cyc = E‖F(G(x)) - x‖₁ + E‖G(F(y)) - y‖₁,   L_id = E‖G(y) - y‖₁ + E‖F(x) - x‖₁
//
// with the least-squares GAN loss. Real batches hold an X image and an unrelated Y image
// concatenated along the channels (NewUnpairedSource).
type CycleGAN struct {
	G, F   *nets.ResNetGenerator // G: X → Y, F: Y → X
	DX, DY *nets.PatchGAN        // D_X judges domain X, D_Y domain Y
	Config CycleGANConfig

	dev          *engine.Device
	poolX, poolY *nets.ImagePool // histories of F's and G's fakes
	optG, optD   optim.Optimizer // G and F together; D_X and D_Y together (as the reference)
	sched        optim.LinearDecay
	steps        int
	lastX        *engine.Tensor
	state        stepState
}

// NewCycleGAN validates cfg and builds the model on dev; every random draw (weights, the
// pools' choices) comes from rng.
func NewCycleGAN(dev *engine.Device, rng *rand.Rand, cfg CycleGANConfig) (*CycleGAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := &CycleGAN{Config: cfg, dev: dev, sched: optim.LinearDecay{Base: cfg.LR, Hold: cfg.Hold, Decay: cfg.Decay}}
	var err error
	if m.G, err = nets.NewResNetGenerator(dev, rng, cfg.G); err != nil {
		return nil, err
	}
	if m.F, err = nets.NewResNetGenerator(dev, rng, cfg.G); err != nil {
		return nil, err
	}
	if m.DX, err = nets.NewPatchGAN(dev, rng, cfg.D); err != nil {
		return nil, err
	}
	if m.DY, err = nets.NewPatchGAN(dev, rng, cfg.D); err != nil {
		return nil, err
	}
	initGAN(rng, cfg.InitStd, m.G, m.F, m.DX, m.DY)
	if m.optG, err = newAdam("cyclegan", "G and F", cfg.LR, cfg.Beta1, cfg.Beta2, m.G, m.F); err != nil {
		return nil, err
	}
	if m.optD, err = newAdam("cyclegan", "D_X and D_Y", cfg.LR, cfg.Beta1, cfg.Beta2, m.DX, m.DY); err != nil {
		return nil, err
	}
	poolRNG := rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
	m.poolX, m.poolY = nets.NewImagePool(cfg.Pool, poolRNG), nets.NewImagePool(cfg.Pool, poolRNG)
	return m, nil
}

// Name returns "cyclegan".
func (m *CycleGAN) Name() string { return "cyclegan" }

// State returns the tensors of G, F, D_X and D_Y, prefixed "G.", "F.", "D_X." and "D_Y.".
func (m *CycleGAN) State() []nn.Param {
	return stateOf(named{"G", m.G}, named{"F", m.F}, named{"D_X", m.DX}, named{"D_Y", m.DY})
}

// LR returns the learning rate of the next step.
func (m *CycleGAN) LR() float32 { return m.sched.LR(m.steps) }

// Step runs one iteration in the reference's order: the forward pass of the paper's
// figure 3, one update of G and F on the six generator terms, then one update of D_X and
// D_Y on images from the history pools. Losses: "GAN_G" (G against D_Y), "GAN_F", "cyc_X"
// (‖F(G(x)) - x‖₁), "cyc_Y", "idt_G" (‖G(y) - y‖₁), "idt_F", each times its weight, and
// "D_X", "D_Y"; their tensors are overwritten by the next Step. The step runs inside
// Device.Scope, so its storage is reused by the next one.
func (m *CycleGAN) Step(src Source) ([]Loss, error) {
	return m.state.scoped(m.dev, func() ([]Loss, error) { return m.step(src) })
}

func (m *CycleGAN) step(src Source) ([]Loss, error) {
	if src == nil {
		return nil, fmt.Errorf("cyclegan: no data source")
	}
	c := m.Config.G.InputNC
	b := src.Next(m.Config.Batch)
	if err := checkImages("cyclegan", b.X, 2*c, 0, 0); err != nil {
		return nil, err
	}
	if h, w := b.X.Dim(2), b.X.Dim(3); h%4 != 0 || w%4 != 0 || h < 8 || w < 8 {
		return nil, fmt.Errorf("cyclegan: images of %d×%d; the ResNet generator needs sides that are multiples of 4 and at least 8", h, w)
	}
	lr := m.sched.LR(m.steps)
	m.optG.SetLR(lr)
	m.optD.SetLR(lr)
	m.steps++
	x, y := SplitPair(b.X, c)
	hold(m.dev, &m.lastX, x)

	fakeY := m.G.Forward(x)    // G(x)
	recX := m.F.Forward(fakeY) // F(G(x))
	fakeX := m.F.Forward(y)    // F(y)
	recY := m.G.Forward(fakeX) // G(F(y))

	// G and F: adversarial, cycle and identity terms.
	ganG := lsgan(m.DY.Forward(fakeY), 1)
	ganF := lsgan(m.DX.Forward(fakeX), 1)
	cycX := nn.L1(recX, x).Scale(m.Config.LambdaCyc)
	cycY := nn.L1(recY, y).Scale(m.Config.LambdaCyc)
	idtG, idtF := m.dev.Scalar(0), m.dev.Scalar(0)
	if m.Config.LambdaID > 0 {
		idtG = nn.L1(m.G.Forward(y), y).Scale(m.Config.LambdaID)
		idtF = nn.L1(m.F.Forward(x), x).Scale(m.Config.LambdaID)
	}
	total := ganG.Add(ganF).Add(cycX).Add(cycY).Add(idtG).Add(idtF)
	Update(m.optG, total, params(m.G, m.F))

	// D_Y and D_X on real images and on fakes from the pools.
	dY := m.discriminatorLoss(m.DY, y, m.poolY.Query(fakeY.Detach()))
	dX := m.discriminatorLoss(m.DX, x, m.poolX.Query(fakeX.Detach()))
	Update(m.optD, dY.Add(dX), params(m.DX, m.DY))
	return []Loss{{"GAN_G", ganG}, {"GAN_F", ganF}, {"cyc_X", cycX}, {"cyc_Y", cycY},
		{"idt_G", idtG}, {"idt_F", idtF}, {"D_X", dX}, {"D_Y", dY}}, nil
}

// discriminatorLoss is the one D loss both discriminators share (the reference's
// backward_D_basic): ½ [LS(D(real), 1) + LS(D(fake), 0)].
func (m *CycleGAN) discriminatorLoss(d *nets.PatchGAN, real, fake *engine.Tensor) *engine.Tensor {
	return lsgan(d.Forward(real), 1).Add(lsgan(d.Forward(fake), 0)).Scale(0.5)
}

// lsgan is the least-squares GAN loss against a constant target t, averaged over the
// patches: mean (d - t)², the reference's MSELoss.
func lsgan(d *engine.Tensor, t float32) *engine.Tensor {
	return d.AddScalar(-t).Square().Mean()
}

// Translate returns G(x) (X → Y) with no history.
func (m *CycleGAN) Translate(x *engine.Tensor) *engine.Tensor { return m.apply(m.G, x) }

// TranslateBack returns F(y) (Y → X) with no history.
func (m *CycleGAN) TranslateBack(y *engine.Tensor) *engine.Tensor { return m.apply(m.F, y) }

// CycleError returns the mean cycle error ½ (‖F(G(x)) - x‖₁ + ‖G(F(y)) - y‖₁) per pixel of
// a batch of pairs [n, 2c, H, W], with no history and without the weight λ.
func (m *CycleGAN) CycleError(pairs *engine.Tensor) float64 {
	x, y := SplitPair(pairs, m.Config.G.InputNC)
	var e float32
	m.dev.NoGrad(func() {
		e = nn.L1(m.F.Forward(m.G.Forward(x)), x).Add(nn.L1(m.G.Forward(m.F.Forward(y)), y)).Scale(0.5).Item()
	})
	return float64(e)
}

func (m *CycleGAN) apply(net nn.Module, x *engine.Tensor) *engine.Tensor {
	if x.Rank() != 4 || x.Dim(1) != m.Config.G.InputNC {
		panic(fmt.Sprintf("cyclegan: translate %v, want [n, %d, H, W]", x.Shape(), m.Config.G.InputNC))
	}
	var y *engine.Tensor
	m.dev.NoGrad(func() { y = net.Forward(x) })
	return y
}

// Sample returns G's translations of n X images of the last training batch (cycled), or
// nil before the first Step.
func (m *CycleGAN) Sample(n int) *engine.Tensor {
	if m.lastX == nil {
		return nil
	}
	return m.Translate(cycleBatch(m.lastX, n))
}

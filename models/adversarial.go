package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// Reference warm-up of the WGAN code (Arjovsky et al. 2017, main.py): 100 critic steps for
// the first 25 G steps and for every 500th G step.
const (
	warmupCriticSteps = 100
	warmupGSteps      = 25
	warmupEvery       = 500
)

// adversarial is the game that every 2-D model plays: G and D (the critic f_w for the
// Wasserstein objectives), their optimizers and the update order. The models (GAN, LSGAN,
// WGAN, WGANGP, CGAN) only choose its settings.
type adversarial struct {
	// G is the generator and D the discriminator (the critic of a WGAN). D outputs a raw
	// score: a logit for the GAN objectives, f(x) for the Wasserstein ones.
	G, D *nn.Sequential

	name       string
	dev        *engine.Device
	rng        *rand.Rand // training draws: noise, ε of the penalty, labels of G's fakes
	sampleRNG  *rand.Rand // draws of Sample and Estimate, so that measuring leaves training alone
	optG, optD optim.Optimizer
	game
	gSteps int // G updates done
}

// game holds the settings that distinguish the models.
type game struct {
	obj     Objective
	net     Net
	batch   int
	kD      int     // D (critic) steps per G step
	warmup  bool    // the WGAN reference's warm-up schedule of critic steps
	clip    float32 // > 0: clip every weight of D to [-clip, clip] after each D step
	lambda  float32 // weight of the gradient penalty (WassersteinGP)
	classes int     // > 0: G and D are conditioned on a one-hot label of this many classes
}

// newAdversarial builds G and D (G first, then D, from rng) and derives the sampling
// stream from rng. The caller sets the optimizers.
func newAdversarial(name string, dev *engine.Device, rng *rand.Rand, g game) *adversarial {
	n := g.net
	a := &adversarial{name: name, dev: dev, rng: rng, game: g}
	a.G = mlp(dev, rng, n.NoiseDim+g.classes, n.Width, n.Depth, n.DataDim)
	a.D = mlp(dev, rng, n.DataDim+g.classes, n.Width, n.Depth, 1)
	a.sampleRNG = rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64()))
	return a
}

// Optimizers returns G's optimizer, then D's (see Optimized).
func (a *adversarial) Optimizers() []optim.Optimizer { return []optim.Optimizer{a.optG, a.optD} }

// Name returns the model's name.
func (a *adversarial) Name() string { return a.name }

// Objective returns the model's objective.
func (a *adversarial) Objective() Objective { return a.obj }

// GSteps returns the number of G updates done so far.
func (a *adversarial) GSteps() int { return a.gSteps }

// CriticSteps returns the number of D (critic) steps that the next Step runs: k_D, or 100
// during the WGAN reference's warm-up (the first 25 G steps and every 500th) when enabled.
func (a *adversarial) CriticSteps() int {
	if a.warmup && (a.gSteps < warmupGSteps || a.gSteps%warmupEvery == 0) {
		return warmupCriticSteps
	}
	return a.kD
}

// Step runs CriticSteps D steps, each on a fresh real batch from src, then one G step. The
// losses are those of the last D step ("D", which includes λ·GP for WGAN-GP, and "GP"
// alone) and of the G step ("G").
func (a *adversarial) Step(src Source) ([]Loss, error) {
	if src == nil {
		return nil, fmt.Errorf("%s: no data source", a.name)
	}
	var losses []Loss
	var err error
	// Everything a step makes but its losses is dead after it: the scope hands that
	// storage back for the next step.
	a.dev.Scope(func() []*engine.Tensor {
		losses, err = a.step(src)
		keep := make([]*engine.Tensor, len(losses))
		for i, l := range losses {
			keep[i] = l.T
		}
		return keep
	})
	return losses, err
}

func (a *adversarial) step(src Source) ([]Loss, error) {
	var lossD, gp *engine.Tensor
	for range a.CriticSteps() {
		b := src.Next(a.batch)
		if err := a.checkBatch(b); err != nil {
			return nil, err
		}
		lossD, gp = a.discriminatorStep(b)
	}
	lossG := a.generatorStep()
	a.gSteps++
	losses := []Loss{{Name: "D", T: lossD}, {Name: "G", T: lossG}}
	if gp != nil {
		losses = append(losses, Loss{Name: "GP", T: gp})
	}
	return losses, nil
}

// discriminatorStep is the one D step shared by every model: fakes x̃ = G(z) (with the real
// batch's labels for a conditional model) are made without history, then D minimises
//
//	obj.DLoss(D(x), D(x̃)) [+ λ·GradientPenalty for WassersteinGP]
//
// with gradients for D's parameters only; for WGAN every weight of D is then clipped to
// [-c, c]. It returns the loss and the penalty (nil unless WassersteinGP).
func (a *adversarial) discriminatorStep(b Batch) (loss, gp *engine.Tensor) {
	n := b.X.Dim(0)
	y := a.oneHot(b.Labels)
	var fake *engine.Tensor
	a.dev.NoGrad(func() { fake = a.G.Forward(a.cond(a.noise(a.rng, n), y)) })
	f := func(x *engine.Tensor) *engine.Tensor { return a.D.Forward(a.cond(x, y)) }
	loss = a.obj.DLoss(f(b.X), f(fake))
	if a.obj == WassersteinGP {
		gp = GradientPenalty(f, b.X, fake, a.dev.Rand(a.rng, 0, 1, n, 1))
		loss = loss.Add(gp.Scale(a.lambda))
	}
	ps := nn.Tensors(a.D.Params())
	Update(a.optD, loss, ps)
	if a.clip > 0 {
		optim.Clip(ps, a.clip)
	}
	return loss, gp
}

// generatorStep updates G once on obj.GLoss(D(G(z))) (labels drawn uniformly for a
// conditional model), with gradients for G's parameters only.
func (a *adversarial) generatorStep() *engine.Tensor {
	y := a.oneHot(a.randomLabels(a.rng, a.batch))
	fake := a.G.Forward(a.cond(a.noise(a.rng, a.batch), y))
	loss := a.obj.GLoss(a.D.Forward(a.cond(fake, y)))
	Update(a.optG, loss, nn.Tensors(a.G.Params()))
	return loss
}

// Update sets the gradients of loss with respect to ps alone (the other network of a GAN
// gets none: engine.Grad follows only the paths to ps) and applies o: one optimizer step.
// The gradients are consumed: Update clears them afterwards, so no parameter keeps a
// reference to storage that a step's Device.Scope hands back.
func Update(o optim.Optimizer, loss *engine.Tensor, ps []*engine.Tensor) {
	gs := engine.Grad([]*engine.Tensor{loss}, ps, engine.GradOptions{})
	for i, p := range ps {
		p.Grad = gs[i]
	}
	o.Step()
	o.ZeroGrad()
}

// Sample returns n points G(z), z ~ the net's noise, drawn from the sampling stream; a conditional
// model draws each label uniformly.
func (a *adversarial) Sample(n int) *engine.Tensor {
	var x *engine.Tensor
	a.dev.NoGrad(func() {
		y := a.oneHot(a.randomLabels(a.sampleRNG, n))
		x = a.G.Forward(a.cond(a.noise(a.sampleRNG, n), y))
	})
	return x
}

// noise draws an [n, NoiseDim] batch of z from rng: N(0, I), or U(-1, 1)^NoiseDim when
// the net's Noise is Uniform.
func (a *adversarial) noise(rng *rand.Rand, n int) *engine.Tensor {
	if a.net.Noise == Uniform {
		return a.dev.Rand(rng, -1, 1, n, a.net.NoiseDim)
	}
	return a.dev.Randn(rng, 0, 1, n, a.net.NoiseDim)
}

// randomLabels draws n labels uniformly from rng, or returns nil for an unconditional model.
func (a *adversarial) randomLabels(rng *rand.Rand, n int) []int {
	if a.classes == 0 {
		return nil
	}
	ls := make([]int, n)
	for i := range ls {
		ls[i] = rng.IntN(a.classes)
	}
	return ls
}

// oneHot returns the [n, classes] one-hot encoding of labels, or nil for an unconditional
// model.
func (a *adversarial) oneHot(labels []int) *engine.Tensor {
	if a.classes == 0 {
		return nil
	}
	v := make([]float32, len(labels)*a.classes)
	for i, l := range labels {
		v[i*a.classes+l] = 1
	}
	return a.dev.FromSlice(v, len(labels), a.classes)
}

// cond appends the one-hot labels y to x as extra columns (nothing when y is nil).
func (a *adversarial) cond(x, y *engine.Tensor) *engine.Tensor {
	if y == nil {
		return x
	}
	return engine.Concat(1, x, y)
}

// checkBatch rejects a batch that the model cannot train on.
func (a *adversarial) checkBatch(b Batch) error {
	if b.X == nil || b.X.Rank() != 2 || b.X.Dim(0) < 1 || b.X.Dim(1) != a.net.DataDim {
		shape := []int(nil)
		if b.X != nil {
			shape = b.X.Shape()
		}
		return fmt.Errorf("%s: real batch of shape %v, want [n, %d]", a.name, shape, a.net.DataDim)
	}
	if a.classes == 0 {
		return nil
	}
	if len(b.Labels) != b.X.Dim(0) {
		return fmt.Errorf("%s: real batch of %d samples has %d labels; a conditional model needs one per sample", a.name, b.X.Dim(0), len(b.Labels))
	}
	for i, l := range b.Labels {
		if l < 0 || l >= a.classes {
			return fmt.Errorf("%s: label %d of sample %d is outside [0, %d)", a.name, l, i, a.classes)
		}
	}
	return nil
}

// Generator returns G.
func (a *adversarial) Generator() *nn.Sequential { return a.G }

// Discriminator returns D (the critic of a WGAN).
func (a *adversarial) Discriminator() *nn.Sequential { return a.D }

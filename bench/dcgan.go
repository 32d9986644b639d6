package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models"
)

// DCGAN is the engine issue's convolutional benchmark on 28×28 images (batch 64):
//
//	G: z(64) → Linear → ReLU → 128×7×7 → ConvT 128→64 (k4 s2 p1) → BN → ReLU → ConvT 64→1 (k4 s2 p1) → Tanh
//	D: Conv 1→64 (k4 s2 p1) → LeakyReLU 0.2 → Conv 64→128 (k4 s2 p1) → BN → LeakyReLU 0.2 → Linear 6272→1
//
// trained like ToyGAN (non-saturating BCE, Adam 2e-4, β = (0.5, 0.999)), weights N(0, 0.02).
// (The image GANs of models/ will replace it.)
type DCGAN struct {
	G, D       *nn.Sequential
	optG, optD *optim.Adam
	dev        *engine.Device
	rng        *rand.Rand
	Batch, Z   int
}

// NewDCGAN builds the DCGAN benchmark model on dev from seed.
func NewDCGAN(dev *engine.Device, seed uint64, batch int) (*DCGAN, error) {
	rng := rand.New(rand.NewPCG(seed, 0xdc6a7))
	m := &DCGAN{dev: dev, rng: rng, Batch: batch, Z: 64}
	m.G = nn.NewSequential(
		nn.NewLinear(dev, rng, m.Z, 128*7*7), nn.ReLU{}, nn.Reshape{Shape: []int{128, 7, 7}},
		nn.NewConvTranspose2d(dev, rng, 128, 64, 4, 2, 1, 0, false), nn.NewBatchNorm(dev, 64), nn.ReLU{},
		nn.NewConvTranspose2d(dev, rng, 64, 1, 4, 2, 1, 0, true), nn.Tanh{})
	m.D = nn.NewSequential(
		nn.NewConv2d(dev, rng, 1, 64, 4, 2, 1, true), nn.LeakyReLU{Slope: 0.2},
		nn.NewConv2d(dev, rng, 64, 128, 4, 2, 1, false), nn.NewBatchNorm(dev, 128), nn.LeakyReLU{Slope: 0.2},
		nn.Flatten{}, nn.NewLinear(dev, rng, 128*7*7, 1))
	nn.InitGAN(m.G, rng, 0.02)
	nn.InitGAN(m.D, rng, 0.02)
	var err error
	if m.optG, err = optim.NewAdam(nn.Tensors(m.G.Params()), 2e-4, 0.5, 0.999); err != nil {
		return nil, fmt.Errorf("DCGAN: %w", err)
	}
	if m.optD, err = optim.NewAdam(nn.Tensors(m.D.Params()), 2e-4, 0.5, 0.999); err != nil {
		return nil, fmt.Errorf("DCGAN: %w", err)
	}
	return m, nil
}

// Step runs one D step and one G step on the real images x ([Batch, 1, 28, 28] in [-1, 1])
// inside Device.Scope: everything the step makes but the losses is handed back for the
// next step.
func (m *DCGAN) Step(x *engine.Tensor) (lossD, lossG *engine.Tensor) {
	m.dev.Scope(func() []*engine.Tensor {
		lossD, lossG = m.step(x)
		return []*engine.Tensor{lossD, lossG}
	})
	return lossD, lossG
}

func (m *DCGAN) step(x *engine.Tensor) (lossD, lossG *engine.Tensor) {
	var fake *engine.Tensor
	m.dev.NoGrad(func() { fake = m.G.Forward(m.dev.Randn(m.rng, 0, 1, m.Batch, m.Z)) })
	lossD = nn.BCEWithLogitsConst(m.D.Forward(x), 1).Add(nn.BCEWithLogitsConst(m.D.Forward(fake), 0))
	models.Update(m.optD, lossD, nn.Tensors(m.D.Params()))

	lossG = nn.BCEWithLogitsConst(m.D.Forward(m.G.Forward(m.dev.Randn(m.rng, 0, 1, m.Batch, m.Z))), 1)
	models.Update(m.optG, lossG, nn.Tensors(m.G.Params()))
	return lossD, lossG
}

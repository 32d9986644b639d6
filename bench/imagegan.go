package bench

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
)

// ImageSize is the side of the Pix2pix and CycleGAN benchmark images.
const ImageSize = 64

// Pix2pixConfig is the Pix2pix benchmark of the CPU performance issue: 64×64 RGB → RGB,
// batch 1, the reference's U-Net with 6 levels from 32 filters (32, 64, 128, 256, 256, 256:
// the multiplier capped at 8, dropout in the one 256 → 256 middle block) and a 70×70
// PatchGAN with 32 filters and 3 layers, BatchNorm, λ = 100, Adam 2e-4.
func Pix2pixConfig() models.Pix2pixConfig {
	c := models.DefaultPix2pix(3, 3)
	c.G.NGF, c.G.MaxMult = 32, 8
	c.D.NDF = 32
	return c
}

// CycleGANConfig is the CycleGAN benchmark: 64×64 RGB, batch 1, ResNet generators with 32
// filters and 6 blocks, PatchGANs with 32 filters and 3 layers, instance norm, the paper's
// losses and pools of 50.
func CycleGANConfig() models.CycleGANConfig {
	c := models.DefaultCycleGAN(3)
	c.G.NGF, c.G.NBlocks = 32, 6
	c.D.NDF = 32
	return c
}

// FixedSource returns the same batch at every call, so that a benchmark measures the model
// and not the data.
type FixedSource struct{ X *engine.Tensor }

// Next returns the batch (n is ignored: the batch was made for the model's size).
func (s FixedSource) Next(int) models.Batch { return models.Batch{X: s.X} }

// NewPix2pix builds the Pix2pix benchmark on dev and a source of one fixed random pair.
func NewPix2pix(dev *engine.Device, seed uint64) (*models.Pix2pix, FixedSource, error) {
	rng := rand.New(rand.NewPCG(seed, 0x9192))
	m, err := models.NewPix2pix(dev, rng, Pix2pixConfig())
	if err != nil {
		return nil, FixedSource{}, err
	}
	return m, FixedSource{dev.Rand(rng, -1, 1, 1, 6, ImageSize, ImageSize)}, nil
}

// NewCycleGAN builds the CycleGAN benchmark on dev and a source of one fixed random pair
// of an X and a Y image.
func NewCycleGAN(dev *engine.Device, seed uint64) (*models.CycleGAN, FixedSource, error) {
	rng := rand.New(rand.NewPCG(seed, 0xc9c1e))
	m, err := models.NewCycleGAN(dev, rng, CycleGANConfig())
	if err != nil {
		return nil, FixedSource{}, err
	}
	return m, FixedSource{dev.Rand(rng, -1, 1, 1, 6, ImageSize, ImageSize)}, nil
}

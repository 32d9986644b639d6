package bench

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

// ToyGAN is the engine issue's reference 2-D GAN, the models package's GAN with
// G: z(2) → width → width → 2 and D: 2 → width → width → 1 (ReLU), Adam (2e-4,
// β = (0.5, 0.999)) and the non-saturating loss,
//
//	L_D = BCE(D(x), 1) + BCE(D(G(z)), 0),  L_G = BCE(D(G(z)), 1),
//
// fed by a source of the given 2-D data. The benchmark uses width 128 and batch 256.
type ToyGAN struct {
	*models.GAN
	src *models.ToySource
}

// NewToyGAN builds the toy GAN on dev; the model's and the data's random draws come from
// PCG sources seeded with seed.
func NewToyGAN(dev *engine.Device, data toy2d.Dataset, seed uint64, width, batch int, lr float32) (*ToyGAN, error) {
	cfg := models.DefaultGAN()
	cfg.Net.Width, cfg.Batch, cfg.LRD, cfg.LRG = width, batch, lr, lr
	g, err := models.NewGAN(dev, rand.New(rand.NewPCG(seed, 0x70794741)), cfg)
	if err != nil {
		return nil, err
	}
	return &ToyGAN{GAN: g, src: models.NewToySource(dev, rand.New(rand.NewPCG(seed, 0xda7a)), data)}, nil
}

// Step runs one iteration, a D step then a G step, and returns both losses (still on the
// device: reading them is the caller's choice).
func (m *ToyGAN) Step() (lossD, lossG *engine.Tensor) {
	ls, err := m.GAN.Step(m.src)
	if err != nil {
		panic(err) // the source always gives full batches
	}
	return ls[0].T, ls[1].T
}

// Points returns n generated samples as points.
func (m *ToyGAN) Points(n int) [][2]float64 {
	out := m.Sample(n).Data()
	pts := make([][2]float64, n)
	for i := range pts {
		pts[i] = [2]float64{float64(out[2*i]), float64(out[2*i+1])}
	}
	return pts
}

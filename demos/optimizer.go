package demos

import (
	"fmt"

	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models"
)

// withOptimizers gives D and G the optimizers that s.OptD and s.OptG name, where they
// differ from the model's own (Adam; RMSProp for WGAN). A learning rate left "auto" is
// the new optimizer's default (defaultLR).
func withOptimizers(m models.Model, s Settings) error {
	ph, ok := m.(models.Phased)
	if !ok || (s.OptD == OptAuto && s.OptG == OptAuto) {
		return nil
	}
	native := OptAdam
	if s.Model == ModelWGAN {
		native = OptRMSProp
	}
	beta2 := float32(0.999)
	if s.Model == ModelWGANGP {
		beta2 = 0.9
	}
	build := func(k OptKind, lr float64, net *nn.Sequential) (optim.Optimizer, error) {
		if k == OptAuto || k == native {
			return nil, nil
		}
		if !(lr > 0) {
			lr = defaultLR(s.Model, k)
		}
		ps := nn.Tensors(net.Params())
		var o optim.Optimizer
		var err error
		switch k {
		case OptSGD:
			o, err = optim.NewSGD(ps, float32(lr), 0)
		case OptRMSProp:
			o, err = optim.NewRMSProp(ps, float32(lr))
		default:
			o, err = optim.NewAdam(ps, float32(lr), 0.5, beta2)
		}
		if err != nil {
			return nil, err
		}
		return o, nil
	}
	oD, err := build(s.OptD, s.LRD, ph.Discriminator())
	if err != nil {
		return fmt.Errorf("optimizer of D: %w", err)
	}
	oG, err := build(s.OptG, s.LRG, ph.Generator())
	if err != nil {
		return fmt.Errorf("optimizer of G: %w", err)
	}
	ph.SetOptimizers(oD, oG) // a nil one keeps the model's
	return nil
}

// defaultLR is the learning rate of optimizer k when the URL leaves it "auto" and k is
// not the model's own: Adam 2e-4 (1e-4 for the Wasserstein models, as WGAN-GP),
// RMSProp 5e-5 (WGAN's), plain SGD 0.01.
func defaultLR(model ModelKind, k OptKind) float64 {
	switch k {
	case OptSGD:
		return 0.01
	case OptRMSProp:
		return 5e-5
	}
	if model == ModelWGAN || model == ModelWGANGP {
		return 1e-4
	}
	return 2e-4
}

package models

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// Phased is a model whose D (critic) and G updates can run one at a time, for a
// playground's "step D" and "step G" buttons and for schedules of k_D D updates and k_G G
// updates per iteration. Every 2-D model (GAN, LSGAN, WGAN, WGANGP, CGAN) is one.
type Phased interface {
	Model
	// StepD runs one D update on a fresh real batch from src and returns its losses: "D"
	// (λ·GP included for WGAN-GP) and, for WGAN-GP, "GP".
	StepD(src Source) ([]Loss, error)
	// StepG runs one G update and returns its loss "G".
	StepG() []Loss
	// CriticSteps is the number of D updates that Step runs before its G update.
	CriticSteps() int
	// SetOptimizers replaces the optimizers of D and G (their state starts afresh); a nil
	// one keeps that network's optimizer.
	SetOptimizers(d, g optim.Optimizer)
	// Generator and Discriminator return the two networks.
	Generator() *nn.Sequential
	Discriminator() *nn.Sequential
}

// StepD runs one D (critic) update, the one of Step's k_D, inside its own Device.Scope.
// Running CriticSteps StepD then one StepG is the same computation, with the same random
// draws, as one Step.
func (a *adversarial) StepD(src Source) ([]Loss, error) {
	if src == nil {
		return nil, fmt.Errorf("%s: no data source", a.name)
	}
	var losses []Loss
	var err error
	a.dev.Scope(func() []*engine.Tensor {
		b := src.Next(a.batch)
		if err = a.checkBatch(b); err != nil {
			return nil
		}
		lossD, gp := a.discriminatorStep(b)
		losses = []Loss{{Name: "D", T: lossD}}
		if gp != nil {
			losses = append(losses, Loss{Name: "GP", T: gp})
		}
		return keepLosses(losses)
	})
	return losses, err
}

// StepG runs one G update inside its own Device.Scope and counts it.
func (a *adversarial) StepG() []Loss {
	var losses []Loss
	a.dev.Scope(func() []*engine.Tensor {
		losses = []Loss{{Name: "G", T: a.generatorStep()}}
		return keepLosses(losses)
	})
	a.gSteps++
	return losses
}

// SetOptimizers replaces the optimizers of D and G; a nil one keeps that network's.
func (a *adversarial) SetOptimizers(d, g optim.Optimizer) {
	if d != nil {
		a.optD = d
	}
	if g != nil {
		a.optG = g
	}
}

func keepLosses(ls []Loss) []*engine.Tensor {
	keep := make([]*engine.Tensor, len(ls))
	for i, l := range ls {
		keep[i] = l.T
	}
	return keep
}

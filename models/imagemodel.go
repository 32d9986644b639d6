package models

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// ImageModel is an image GAN whose whole state (every network's parameters and running
// statistics, under the paper's names: "G.", "D.", or "G.", "F.", "D_X.", "D_Y.") can be
// saved and loaded with models/weights.
type ImageModel interface {
	Model
	// State returns the named tensors of every network.
	State() []nn.Param
}

// named is a network with the prefix of its tensors in a weight file.
type named struct {
	prefix string
	m      nn.Module
}

// stateOf returns the state of every network, each name prefixed with its network's.
func stateOf(nets ...named) []nn.Param {
	var out []nn.Param
	for _, n := range nets {
		for _, p := range nn.State(n.m) {
			out = append(out, nn.Param{Name: n.prefix + "." + p.Name, T: p.T})
		}
	}
	return out
}

// newAdam returns Adam over the parameters of ms together.
func newAdam(model, what string, lr, beta1, beta2 float32, ms ...nn.Module) (*optim.Adam, error) {
	var ps []*engine.Tensor
	for _, m := range ms {
		ps = append(ps, nn.Tensors(m.Params())...)
	}
	o, err := optim.NewAdam(ps, lr, beta1, beta2)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", model, what, err)
	}
	return o, nil
}

// params returns the parameters of ms together.
func params(ms ...nn.Module) []*engine.Tensor {
	var ps []*engine.Tensor
	for _, m := range ms {
		ps = append(ps, nn.Tensors(m.Params())...)
	}
	return ps
}

// initGAN gives every network the papers' N(0, std²) initial weights, in order.
func initGAN(rng *rand.Rand, std float64, ms ...nn.Module) {
	for _, m := range ms {
		nn.InitGAN(m, rng, std)
	}
}

// checkImages rejects a batch that is not [n ≥ 1, c, h, w].
func checkImages(model string, x *engine.Tensor, c, h, w int) error {
	if x == nil || x.Rank() != 4 || x.Dim(0) < 1 || x.Dim(1) != c || (h > 0 && x.Dim(2) != h) || (w > 0 && x.Dim(3) != w) {
		var shape []int
		if x != nil {
			shape = x.Shape()
		}
		hs, ws := "H", "W"
		if h > 0 {
			hs, ws = fmt.Sprint(h), fmt.Sprint(w)
		}
		return fmt.Errorf("%s: real batch of shape %v, want [n, %d, %s, %s]", model, shape, c, hs, ws)
	}
	return nil
}

// cycleBatch returns n images taken from x's batch in turn, starting again from the first
// when n is larger than the batch.
func cycleBatch(x *engine.Tensor, n int) *engine.Tensor {
	parts := make([]*engine.Tensor, 0, n)
	for k := 0; k < n; k++ {
		i := k % x.Dim(0)
		parts = append(parts, x.Slice(0, i, i+1))
	}
	return engine.Concat(0, parts...)
}

// stepState is what an image model keeps across training steps that Device.Scope must not
// release: one scalar per loss, overwritten by every step, and a copy of the step's input
// for Sample. Its tensors are made once, outside the scope, so a steady-state step takes
// all its storage from the previous step's released buffers.
type stepState struct {
	losses []*engine.Tensor
}

// scoped runs step inside dev.Scope and returns its losses copied into the persistent
// scalars of s: the returned tensors are valid until the next step overwrites them.
func (s *stepState) scoped(dev *engine.Device, step func() ([]Loss, error)) ([]Loss, error) {
	var losses []Loss
	var err error
	dev.Scope(func() []*engine.Tensor {
		if losses, err = step(); err != nil {
			return nil
		}
		for i := range losses {
			for len(s.losses) <= i {
				s.losses = append(s.losses, nil)
			}
			hold(dev, &s.losses[i], losses[i].T)
			losses[i].T = s.losses[i]
		}
		return nil
	})
	return losses, err
}

// hold copies src into *dst, which it first makes outside any open scope when it is nil
// or of another shape, so that *dst survives the step that made src.
func hold(dev *engine.Device, dst **engine.Tensor, src *engine.Tensor) {
	if *dst != nil && slices.Equal((*dst).Shape(), src.Shape()) {
		(*dst).Set(src)
		return
	}
	dev.Outside(func() { *dst = src.Detach().Copy() })
}

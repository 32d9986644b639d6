package nn

import "github.com/ganplay/ganplay/engine"

// BCEWithLogits returns the mean binary cross-entropy of targets t given logits x,
//
//	ℓ = mean(softplus(x) - t·x) = mean(-t·log σ(x) - (1 - t)·log(1 - σ(x))),
//
// written with softplus so that it neither overflows nor loses precision for large |x|.
func BCEWithLogits(x, t *engine.Tensor) *engine.Tensor {
	return x.Softplus().Sub(x.Mul(t)).Mean()
}

// BCEWithLogitsConst is BCEWithLogits against a constant target t for every element (1 for
// "real", 0 for "fake"), without building a target tensor.
func BCEWithLogitsConst(x *engine.Tensor, t float32) *engine.Tensor {
	if t == 0 {
		return x.Softplus().Mean()
	}
	return x.Softplus().Sub(x.Scale(t)).Mean()
}

// MSE returns mean((x - y)²).
func MSE(x, y *engine.Tensor) *engine.Tensor {
	d := x.Sub(y)
	return d.Mul(d).Mean()
}

// L1 returns mean(|x - y|).
func L1(x, y *engine.Tensor) *engine.Tensor { return x.Sub(y).Abs().Mean() }

// WassersteinCritic returns the critic's loss mean(f(fake)) - mean(f(real)): minimising it
// maximises E_real[f] - E_fake[f], the critic's estimate of W_1 (Arjovsky et al. 2017).
func WassersteinCritic(fReal, fFake *engine.Tensor) *engine.Tensor {
	return fFake.Mean().Sub(fReal.Mean())
}

// WassersteinGenerator returns the generator's loss -mean(f(fake)).
func WassersteinGenerator(fFake *engine.Tensor) *engine.Tensor { return fFake.Mean().Neg() }

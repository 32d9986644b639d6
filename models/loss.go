package models

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// Objective selects the adversarial losses of D (or the critic) and G. D's raw output is a
// logit a for the GAN objectives (D(x) = σ(a)), a real score for LeastSquares and the
// critic's value f(x) for the Wasserstein objectives.
type Objective int

// The objectives. The zero value is not an objective, so a config that forgets to set one
// fails validation.
const (
	// Minimax is the original game (Goodfellow et al. 2014): D maximises
	// E log D(x) + E log(1 - D(G(z))), G minimises E log(1 - D(G(z))) (saturating).
	Minimax Objective = iota + 1
	// NonSaturating keeps D's loss and lets G minimise -E log D(G(z)) instead.
	NonSaturating
	// LeastSquares is LSGAN (Mao et al. 2017) with the 0-1 coding a = 0, b = c = 1:
	// D minimises ½E(D(x) - 1)² + ½E D(G(z))², G minimises ½E(D(G(z)) - 1)².
	LeastSquares
	// Wasserstein is WGAN (Arjovsky et al. 2017): the critic f minimises E f(G(z)) - E f(x),
	// G minimises -E f(G(z)); the critic is kept Lipschitz by weight clipping.
	Wasserstein
	// WassersteinGP is WGAN-GP (Gulrajani et al. 2017): Wasserstein's losses plus the
	// penalty λ E(‖∇f(x̂)‖₂ - 1)² in the critic's loss instead of clipping.
	WassersteinGP
)

// String returns the objective's name as the command line spells it.
func (o Objective) String() string {
	switch o {
	case Minimax:
		return "minimax"
	case NonSaturating:
		return "non-saturating"
	case LeastSquares:
		return "least-squares"
	case Wasserstein:
		return "wasserstein"
	case WassersteinGP:
		return "wasserstein-gp"
	}
	return fmt.Sprintf("Objective(%d)", int(o))
}

// Valid reports whether o is one of the defined objectives.
func (o Objective) Valid() bool { return o >= Minimax && o <= WassersteinGP }

// IsWasserstein reports whether o trains a critic (no sigmoid) rather than a classifier.
func (o Objective) IsWasserstein() bool { return o == Wasserstein || o == WassersteinGP }

// DLoss returns the loss that D (or the critic) minimises, given its raw outputs on a real
// batch (dReal) and on a batch of fakes (dFake):
//
//	Minimax, NonSaturating:  mean softplus(-a_real) + mean softplus(a_fake)
//	                         = -(E log σ(a_real) + E log(1 - σ(a_fake))) = -L(D, G)
//	LeastSquares:            ½ mean (d_real - 1)² + ½ mean d_fake²
//	Wasserstein(GP):         mean f_fake - mean f_real   (the penalty is added by the D step)
func (o Objective) DLoss(dReal, dFake *engine.Tensor) *engine.Tensor {
	switch o {
	case Minimax, NonSaturating:
		return nn.BCEWithLogitsConst(dReal, 1).Add(nn.BCEWithLogitsConst(dFake, 0))
	case LeastSquares:
		return dReal.AddScalar(-1).Square().Mean().Add(dFake.Square().Mean()).Scale(0.5)
	case Wasserstein, WassersteinGP:
		return nn.WassersteinCritic(dReal, dFake)
	}
	panic(fmt.Sprintf("models: DLoss of unknown objective %v", o))
}

// GLoss returns the loss that G minimises, given D's raw output on a batch of fakes:
//
//	Minimax:          mean log(1 - σ(a)) = -mean softplus(a)   (saturates when D wins)
//	NonSaturating:    -mean log σ(a) = mean softplus(-a)
//	LeastSquares:     ½ mean (d - 1)²
//	Wasserstein(GP):  -mean f
func (o Objective) GLoss(dFake *engine.Tensor) *engine.Tensor {
	switch o {
	case Minimax:
		return nn.BCEWithLogitsConst(dFake, 0).Neg()
	case NonSaturating:
		return nn.BCEWithLogitsConst(dFake, 1)
	case LeastSquares:
		return dFake.AddScalar(-1).Square().Mean().Scale(0.5)
	case Wasserstein, WassersteinGP:
		return nn.WassersteinGenerator(dFake)
	}
	panic(fmt.Sprintf("models: GLoss of unknown objective %v", o))
}

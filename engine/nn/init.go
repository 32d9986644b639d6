package nn

import (
	"math"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

var sqrt5 = math.Sqrt(5)

// fans returns PyTorch's fan-in and fan-out of a weight of shape [d0, d1, k...]:
// fanIn = d1·Πk and fanOut = d0·Πk.
func fans(t *engine.Tensor) (in, out int) {
	s := t.Shape()
	if len(s) < 2 {
		panic("nn: fan-in and fan-out need a weight with at least two axes")
	}
	rf := 1
	for _, k := range s[2:] {
		rf *= k
	}
	return s[1] * rf, s[0] * rf
}

// fill sets t's elements to draws of f, in row-major order.
func fill(t *engine.Tensor, f func() float64) {
	v := make([]float32, t.Len())
	for i := range v {
		v[i] = float32(f())
	}
	t.SetData(v)
}

// Normal fills t with draws from N(mean, std²): the GAN papers' initialiser is N(0, 0.02²).
func Normal(t *engine.Tensor, rng *rand.Rand, mean, std float64) {
	fill(t, func() float64 { return mean + std*rng.NormFloat64() })
}

// Uniform fills t with draws from U(lo, hi).
func Uniform(t *engine.Tensor, rng *rand.Rand, lo, hi float64) {
	fill(t, func() float64 { return lo + (hi-lo)*rng.Float64() })
}

// Constant fills t with v.
func Constant(t *engine.Tensor, v float32) { t.Set(t.Device().Full(v, t.Shape()...)) }

// KaimingUniform fills a weight with U(-b, b), b = gain·√(3/fanIn), gain = √(2/(1 + a²))
// (He et al. 2015; a is the negative slope of the following leaky ReLU).
func KaimingUniform(t *engine.Tensor, rng *rand.Rand, a float64) {
	in, _ := fans(t)
	b := math.Sqrt(2/(1+a*a)) * math.Sqrt(3/float64(in))
	Uniform(t, rng, -b, b)
}

// XavierUniform fills a weight with U(-b, b), b = gain·√(6/(fanIn + fanOut)) (Glorot &
// Bengio 2010).
func XavierUniform(t *engine.Tensor, rng *rand.Rand, gain float64) {
	in, out := fans(t)
	b := gain * math.Sqrt(6/float64(in+out))
	Uniform(t, rng, -b, b)
}

// UniformFanIn fills a bias with U(-1/√fanIn, 1/√fanIn), PyTorch's default for biases.
func UniformFanIn(t *engine.Tensor, rng *rand.Rand, fanIn int) {
	b := 1 / math.Sqrt(float64(fanIn))
	Uniform(t, rng, -b, b)
}

// InitGAN applies the initialisation of the DCGAN, pix2pix and CycleGAN references to every
// layer of m: convolution and linear weights ~ N(0, std²), norm scales ~ N(1, std²), all
// biases 0. The papers use std = 0.02.
func InitGAN(m Module, rng *rand.Rand, std float64) {
	Walk(m, func(l Module) {
		switch l := l.(type) {
		case *Linear:
			initWeightBias(l.Weight, l.Bias, rng, std)
		case *Conv2d:
			initWeightBias(l.Weight, l.Bias, rng, std)
		case *ConvTranspose2d:
			initWeightBias(l.Weight, l.Bias, rng, std)
		case *BatchNorm:
			Normal(l.Weight, rng, 1, std)
			Constant(l.Bias, 0)
		case *InstanceNorm2d:
			if l.Weight != nil {
				Normal(l.Weight, rng, 1, std)
				Constant(l.Bias, 0)
			}
		}
	})
}

func initWeightBias(w, b *engine.Tensor, rng *rand.Rand, std float64) {
	Normal(w, rng, 0, std)
	if b != nil {
		Constant(b, 0)
	}
}

// Container is implemented by modules made of other modules.
type Container interface {
	Children() []Module
}

// Walk calls f on m and then on every module inside it, depth first.
func Walk(m Module, f func(Module)) {
	f(m)
	if c, ok := m.(Container); ok {
		for _, ch := range c.Children() {
			Walk(ch, f)
		}
	}
}

// Children returns the layers.
func (s *Sequential) Children() []Module { return s.Layers }

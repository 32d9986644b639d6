package nn

import (
	"github.com/ganplay/ganplay/engine"
)

// BatchNorm normalises each channel over the batch (and the pixels, for [N, C, H, W]
// inputs; [N, C] inputs give BatchNorm1d):
//
//	y = (x - μ) / √(σ² + ε) · γ + β
//
// In training μ and σ² (biased) are the batch's, and the running statistics move by
// Momentum towards μ and the unbiased variance (unless Frozen); in evaluation the running
// ones are used.
type BatchNorm struct {
	Weight, Bias            *engine.Tensor // γ and β, shape [C]
	RunningMean, RunningVar *engine.Tensor // shape [C]
	Momentum, Eps           float32
	Training                bool
	// Frozen keeps the running statistics as they are in training mode: a forward pass
	// for display (see KeepStats) uses the batch's statistics without moving them.
	Frozen bool
}

// NewBatchNorm returns a BatchNorm over c channels in training mode with PyTorch's defaults:
// γ = 1, β = 0, momentum 0.1, ε = 1e-5.
func NewBatchNorm(dev *engine.Device, c int) *BatchNorm {
	return &BatchNorm{
		Weight: dev.Full(1, c).RequiresGrad(), Bias: dev.Zeros(c).RequiresGrad(),
		RunningMean: dev.Zeros(c), RunningVar: dev.Full(1, c),
		Momentum: 0.1, Eps: 1e-5, Training: true,
	}
}

// Forward normalises x of shape [N, C] or [N, C, H, W].
func (b *BatchNorm) Forward(x *engine.Tensor) *engine.Tensor {
	_, bshape := normAxes(x)
	if !b.Training {
		mean := b.RunningMean.Reshape(bshape...)
		variance := b.RunningVar.Reshape(bshape...)
		y := x.Sub(mean).Div(variance.AddScalar(b.Eps).Sqrt())
		return y.Mul(b.Weight.Reshape(bshape...)).Add(b.Bias.Reshape(bshape...))
	}
	// γ and β are applied in the standardization's passes (engine.StandardizeAffine).
	c := x.Dim(1)
	y, mean, variance := engine.StandardizeAffine(x, b.Weight, b.Bias, x.Dim(0), c, x.Len()/(x.Dim(0)*c), b.Eps)
	if b.Frozen {
		return y
	}
	n := float32(x.Len() / c)
	x.Device().NoGrad(func() {
		m := b.Momentum
		unbiased := variance.Scale(n / max(n-1, 1))
		b.RunningMean.Set(b.RunningMean.Scale(1 - m).Add(mean.Scale(m)))
		b.RunningVar.Set(b.RunningVar.Scale(1 - m).Add(unbiased.Scale(m)))
	})
	return y
}

// Params returns weight (γ) and bias (β).
func (b *BatchNorm) Params() []Param { return weightBias(b.Weight, b.Bias) }

// Buffers returns the running statistics.
func (b *BatchNorm) Buffers() []Param {
	return []Param{{"running_mean", b.RunningMean}, {"running_var", b.RunningVar}}
}

// SetTraining switches between batch statistics (training) and running statistics.
func (b *BatchNorm) SetTraining(on bool) { b.Training = on }

// InstanceNorm2d normalises each channel of each image over its pixels,
// y = (x - μ_{n,c}) / √(σ²_{n,c} + ε), optionally followed by γ·y + β. As in the CycleGAN
// reference it has no affine parameters and no running statistics by default.
type InstanceNorm2d struct {
	Weight, Bias *engine.Tensor // nil unless affine
	Eps          float32
}

// NewInstanceNorm2d returns an InstanceNorm2d over c channels with ε = 1e-5.
func NewInstanceNorm2d(dev *engine.Device, c int, affine bool) *InstanceNorm2d {
	n := &InstanceNorm2d{Eps: 1e-5}
	if affine {
		n.Weight, n.Bias = dev.Full(1, c).RequiresGrad(), dev.Zeros(c).RequiresGrad()
	}
	return n
}

// Forward normalises x of shape [N, C, H, W].
func (n *InstanceNorm2d) Forward(x *engine.Tensor) *engine.Tensor {
	if x.Rank() != 4 {
		panic("nn: InstanceNorm2d wants [N, C, H, W]")
	}
	y, _, _ := engine.Standardize(x, 1, x.Dim(0)*x.Dim(1), x.Dim(2)*x.Dim(3), n.Eps)
	if n.Weight != nil {
		y = y.Mul(n.Weight.Reshape(1, -1, 1, 1)).Add(n.Bias.Reshape(1, -1, 1, 1))
	}
	return y
}

// Params returns weight and bias when affine.
func (n *InstanceNorm2d) Params() []Param {
	if n.Weight == nil {
		return nil
	}
	return weightBias(n.Weight, n.Bias)
}

// normAxes returns the axes a batch norm reduces over and the broadcast shape of per-channel
// tensors, for [N, C] or [N, C, H, W] inputs.
func normAxes(x *engine.Tensor) (axes, bshape []int) {
	switch x.Rank() {
	case 2:
		return []int{0}, []int{1, x.Dim(1)}
	case 4:
		return []int{0, 2, 3}, []int{1, x.Dim(1), 1, 1}
	}
	panic("nn: BatchNorm wants [N, C] or [N, C, H, W]")
}

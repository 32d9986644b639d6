package nets

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// Norm selects the normalisation layer of a network.
type Norm int

const (
	// NormBatch is BatchNorm with affine parameters (Pix2pix, DCGAN).
	NormBatch Norm = iota
	// NormInstance is InstanceNorm2d without affine parameters or running statistics
	// (CycleGAN). The convolutions before it then carry a bias, as in the reference.
	NormInstance
)

func (n Norm) String() string {
	switch n {
	case NormBatch:
		return "batch"
	case NormInstance:
		return "instance"
	}
	return fmt.Sprintf("Norm(%d)", int(n))
}

func (n Norm) validate() error {
	if n != NormBatch && n != NormInstance {
		return fmt.Errorf("unknown norm %v", n)
	}
	return nil
}

// layer returns a normalisation layer over c channels.
func (n Norm) layer(dev *engine.Device, c int) nn.Module {
	if n == NormInstance {
		return nn.NewInstanceNorm2d(dev, c, false)
	}
	return nn.NewBatchNorm(dev, c)
}

// convBias reports whether a convolution followed by this norm has a bias: BatchNorm's β
// makes one redundant, the affine-free InstanceNorm does not (the reference's use_bias).
func (n Norm) convBias() bool { return n == NormInstance }

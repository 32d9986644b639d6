package nn_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
)

func TestStateNames(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(1, 1))
	m := nn.NewSequential(nn.NewConv2d(dev, rng, 1, 4, 3, 1, 1, false), nn.NewBatchNorm(dev, 4), nn.ReLU{},
		nn.NewSequential(nn.Flatten{}, nn.NewLinear(dev, rng, 4*5*5, 2)))
	var got []string
	for _, p := range nn.State(m) {
		got = append(got, p.Name)
	}
	want := []string{"0.weight", "1.weight", "1.bias", "3.1.weight", "3.1.bias", "1.running_mean", "1.running_var"}
	if !slices.Equal(got, want) {
		t.Errorf("State names = %v; want %v", got, want)
	}
	for _, p := range m.Params() {
		if !p.T.NeedsGrad() {
			t.Errorf("parameter %s does not require grad", p.Name)
		}
	}
	if y := m.Forward(dev.Zeros(3, 1, 5, 5)); !slices.Equal(y.Shape(), []int{3, 2}) {
		t.Errorf("output shape = %v; want [3 2]", y.Shape())
	}
}

func TestSetTrainingReachesNestedLayers(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	bn, drop := nn.NewBatchNorm(dev, 2), nn.NewDropout(rand.New(rand.NewPCG(1, 2)), 0.5)
	m := nn.NewSequential(nn.NewSequential(bn), drop)
	nn.SetTraining(m, false)
	if bn.Training || drop.Training {
		t.Fatalf("after SetTraining(false): BatchNorm %v, Dropout %v; want both false", bn.Training, drop.Training)
	}
	x := dev.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	// Evaluation uses the running statistics (0 and 1): y = x / √(1 + ε).
	for i, v := range m.Forward(x).Data() {
		if want := float32(i+1) / 1.0000050; v < want-1e-5 || v > want+1e-5 {
			t.Errorf("eval output[%d] = %v; want %v", i, v, want)
		}
	}
}

func TestInitGAN(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(3, 4))
	conv, bn := nn.NewConv2d(dev, rng, 16, 32, 4, 2, 1, true), nn.NewBatchNorm(dev, 512)
	nn.InitGAN(nn.NewSequential(conv, bn), rng, 0.02)
	mean, std := stats(conv.Weight.Data())
	if math.Abs(mean) > 0.002 || math.Abs(std-0.02) > 0.002 {
		t.Errorf("conv weight mean %.4f std %.4f; want N(0, 0.02²)", mean, std)
	}
	mean, std = stats(bn.Weight.Data())
	if math.Abs(mean-1) > 0.005 || math.Abs(std-0.02) > 0.004 {
		t.Errorf("batch norm scale mean %.4f std %.4f; want N(1, 0.02²)", mean, std)
	}
	for _, b := range [][]float32{conv.Bias.Data(), bn.Bias.Data()} {
		for _, v := range b {
			if v != 0 {
				t.Fatalf("bias %v after InitGAN; want 0", v)
			}
		}
	}
}

func stats(v []float32) (mean, std float64) {
	for _, x := range v {
		mean += float64(x)
	}
	mean /= float64(len(v))
	for _, x := range v {
		std += (float64(x) - mean) * (float64(x) - mean)
	}
	return mean, math.Sqrt(std / float64(len(v)))
}

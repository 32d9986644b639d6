package nets_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/nets"
)

func setup(seed uint64) (*engine.Device, *rand.Rand) {
	return engine.NewDevice(cpu.New()), rand.New(rand.NewPCG(seed, 0x9e75))
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestShapes(t *testing.T) {
	dev, rng := setup(1)
	unet := func(downs int) nn.Module {
		return must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 3, NumDowns: downs, NGF: 4, MaxMult: 8, Dropout: true}))
	}
	patch := func(layers int) nn.Module {
		return must(nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{InputNC: 4, NDF: 4, NLayers: layers}))
	}
	resnet := func(norm nets.Norm) nn.Module {
		return must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 4, NBlocks: 2, Norm: norm}))
	}
	for _, c := range []struct {
		name     string
		m        nn.Module
		in, want []int // shapes for batch 1; batch 2 is checked too
	}{
		{"U-Net 32", unet(5), []int{1, 1, 32, 32}, []int{1, 3, 32, 32}},
		{"U-Net 64", unet(6), []int{1, 1, 64, 64}, []int{1, 3, 64, 64}},
		{"U-Net 64 with 5 levels", unet(5), []int{1, 1, 64, 64}, []int{1, 3, 64, 64}},
		{"PatchGAN 32, 2 layers", patch(2), []int{1, 4, 32, 32}, []int{1, 1, 6, 6}},
		{"PatchGAN 64, 3 layers", patch(3), []int{1, 4, 64, 64}, []int{1, 1, 6, 6}},
		{"ResNet 32 instance", resnet(nets.NormInstance), []int{1, 3, 32, 32}, []int{1, 3, 32, 32}},
		{"ResNet 64 batch", resnet(nets.NormBatch), []int{1, 3, 64, 64}, []int{1, 3, 64, 64}},
		{"ResNet 48×32", resnet(nets.NormInstance), []int{1, 3, 48, 32}, []int{1, 3, 48, 32}},
	} {
		for _, n := range []int{1, 2} {
			in, want := slices.Clone(c.in), slices.Clone(c.want)
			in[0], want[0] = n, n
			y := c.m.Forward(dev.Randn(rng, 0, 1, in...))
			if !slices.Equal(y.Shape(), want) {
				t.Errorf("%s: Forward(%v) shape = %v; want %v", c.name, in, y.Shape(), want)
			}
			if c.name[0] != 'P' { // generators end with tanh
				for _, v := range y.Data() {
					if v <= -1 || v >= 1 {
						t.Errorf("%s: output %v outside (-1, 1)", c.name, v)
						break
					}
				}
			}
		}
	}
}

func TestDCGANShapes(t *testing.T) {
	dev, rng := setup(2)
	for _, k := range []int{0, 10} {
		cfg := nets.DCGANConfig{NZ: 8, NumClasses: k, NGF: 4, NDF: 4, NC: 1}
		g := must(nets.NewDCGANGenerator(dev, rng, cfg))
		d := must(nets.NewDCGANDiscriminator(dev, rng, cfg))
		for _, n := range []int{1, 2} {
			var labels []int
			if k > 0 {
				labels = []int{7, 3}[:n]
			}
			x := g.Generate(dev.Randn(rng, 0, 1, n, 8), labels)
			if want := []int{n, 1, 28, 28}; !slices.Equal(x.Shape(), want) {
				t.Errorf("K=%d: G shape = %v; want %v", k, x.Shape(), want)
			}
			if want := []int{n, 1}; !slices.Equal(d.Judge(x, labels).Shape(), want) {
				t.Errorf("K=%d: D shape = %v; want %v", k, d.Judge(x, labels).Shape(), want)
			}
		}
	}
}

func TestLabelMaps(t *testing.T) {
	dev, _ := setup(3)
	got := nets.LabelMaps(dev, []int{2, 0}, 3, 1, 2).Data()
	want := []float32{0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0}
	if !slices.Equal(got, want) {
		t.Errorf("LabelMaps([2 0], 3, 1×2) = %v; want %v", got, want)
	}
	if got, want := nets.OneHot(dev, []int{1}, 3).Data(), []float32{0, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("OneHot([1], 3) = %v; want %v", got, want)
	}
}

func TestForwardPanicsOnBadSize(t *testing.T) {
	dev, rng := setup(4)
	u := must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 1, NumDowns: 3, NGF: 2, MaxMult: 8}))
	r := must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 1, OutputNC: 1, NGF: 2, NBlocks: 1}))
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"U-Net 12×12 with 3 levels", func() { u.Forward(dev.Zeros(1, 1, 12, 12)) }},
		{"ResNet 10×10", func() { r.Forward(dev.Zeros(1, 1, 10, 10)) }},
	} {
		func() {
			defer func() {
				if msg := fmt.Sprint(recover()); !strings.HasPrefix(msg, "nets: ") {
					t.Errorf("%s: panic %q; want a nets: message", c.name, msg)
				}
			}()
			c.f()
		}()
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []interface{ Validate() error }{
		nets.UNetConfig{InputNC: 1, OutputNC: 1, NumDowns: 1, NGF: 4, MaxMult: 8},
		nets.UNetConfig{InputNC: 1, OutputNC: 1, NumDowns: 3, NGF: 4, MaxMult: 6},
		nets.PatchGANConfig{InputNC: 1, NDF: 4, NLayers: 0},
		nets.PatchGANConfig{InputNC: 1, NDF: 4, NLayers: 2, Norm: 7},
		nets.ResNetConfig{InputNC: 0, OutputNC: 1, NGF: 4},
		nets.DCGANConfig{NZ: 0, NGF: 1, NDF: 1, NC: 1},
	} {
		if err := c.Validate(); err == nil || !strings.HasPrefix(err.Error(), "nets: ") {
			t.Errorf("%+v: Validate = %v; want a nets: error", c, err)
		}
	}
	dev, rng := setup(5)
	if _, err := nets.NewUNet(dev, rng, nets.UNetConfig{}); err == nil {
		t.Errorf("NewUNet of the zero config succeeded; want an error")
	}
	if _, err := nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{}); err == nil {
		t.Errorf("NewPatchGAN of the zero config succeeded; want an error")
	}
	if _, err := nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{}); err == nil {
		t.Errorf("NewResNetGenerator of the zero config succeeded; want an error")
	}
	if _, err := nets.NewDCGANGenerator(dev, rng, nets.DCGANConfig{}); err == nil {
		t.Errorf("NewDCGANGenerator of the zero config succeeded; want an error")
	}
	if _, err := nets.NewDCGANDiscriminator(dev, rng, nets.DCGANConfig{}); err == nil {
		t.Errorf("NewDCGANDiscriminator of the zero config succeeded; want an error")
	}
	for _, c := range []interface{ Validate() error }{nets.DefaultUNet(), nets.DefaultPatchGAN(), nets.DefaultResNet(), nets.DefaultDCGAN()} {
		if err := c.Validate(); err != nil {
			t.Errorf("%T default: %v", c, err)
		}
	}
}

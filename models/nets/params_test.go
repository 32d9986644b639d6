package nets_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/nets"
	"github.com/ganplay/ganplay/models/weights"
)

func count(ps []nn.Param) int {
	n := 0
	for _, p := range ps {
		n += p.T.Len()
	}
	return n
}

// conv is the parameter count of a convolution: in·out·k² weights plus out biases.
func conv(in, out, k int, bias bool) int {
	n := in * out * k * k
	if bias {
		n += out
	}
	return n
}

// TestParamCounts compares parameter counts with the architectures written out by hand.
func TestParamCounts(t *testing.T) {
	dev, rng := setup(6)
	bn := func(c int) int { return 2 * c }
	// U-Net, 1 → 2 channels, 3 levels of 4, 8, 16 filters, BatchNorm (convolutions before a
	// norm have no bias; the outermost up-convolution has one):
	//   outermost: down 1→4, up 2·4→2 (+bias)
	//   middle:    down 4→8, BN 8, up 2·8→4, BN 4
	//   innermost: down 8→16, up 16→8, BN 8
	unetWant := conv(1, 4, 4, false) + conv(8, 2, 4, true) +
		conv(4, 8, 4, false) + bn(8) + conv(16, 4, 4, false) + bn(4) +
		conv(8, 16, 4, false) + conv(16, 8, 4, false) + bn(8)
	// PatchGAN, 3 input channels, 4 filters, 2 layers, BatchNorm:
	//   conv 3→4 s2 (+bias), conv 4→8 s2, BN 8, conv 8→16 s1, BN 16, conv 16→1 s1 (+bias)
	patchWant := conv(3, 4, 4, true) + conv(4, 8, 4, false) + bn(8) + conv(8, 16, 4, false) + bn(16) + conv(16, 1, 4, true)
	// ResNet generator 3 → 3, 4 filters, 2 blocks; instance norm has no parameters, so every
	// convolution has a bias:
	//   c7 3→4, down 4→8, 8→16, 2 blocks × 2 × c3 16→16, up 16→8, 8→4, c7 4→3
	resWant := conv(3, 4, 7, true) + conv(4, 8, 3, true) + conv(8, 16, 3, true) + 4*conv(16, 16, 3, true) +
		conv(16, 8, 3, true) + conv(8, 4, 3, true) + conv(4, 3, 7, true)
	// With BatchNorm only the last convolution keeps its bias and every norm has γ and β.
	resBNWant := conv(3, 4, 7, false) + bn(4) + conv(4, 8, 3, false) + bn(8) + conv(8, 16, 3, false) + bn(16) +
		4*(conv(16, 16, 3, false)+bn(16)) + conv(16, 8, 3, false) + bn(8) + conv(8, 4, 3, false) + bn(4) + conv(4, 3, 7, true)
	// Conditional DCGAN, z of 8, 10 classes, 4 filters, no biases:
	//   G: ConvT 18→8 k7, BN 8, ConvT 8→4 k4, BN 4, ConvT 4→1 k4
	//   D: Conv 11→4 k4, Conv 4→8 k4, BN 8, Conv 8→1 k7
	gWant := conv(18, 8, 7, false) + bn(8) + conv(8, 4, 4, false) + bn(4) + conv(4, 1, 4, false)
	dWant := conv(11, 4, 4, false) + conv(4, 8, 4, false) + bn(8) + conv(8, 1, 7, false)

	dc := nets.DCGANConfig{NZ: 8, NumClasses: 10, NGF: 4, NDF: 4, NC: 1}
	for _, c := range []struct {
		name string
		m    nn.Module
		want int
	}{
		{"U-Net", must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 2, NumDowns: 3, NGF: 4, MaxMult: 8, Dropout: true})), unetWant},
		{"PatchGAN", must(nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{InputNC: 3, NDF: 4, NLayers: 2})), patchWant},
		{"ResNet instance", must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 4, NBlocks: 2, Norm: nets.NormInstance})), resWant},
		{"ResNet batch", must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 4, NBlocks: 2, Norm: nets.NormBatch})), resBNWant},
		{"DCGAN G", must(nets.NewDCGANGenerator(dev, rng, dc)), gWant},
		{"DCGAN D", must(nets.NewDCGANDiscriminator(dev, rng, dc)), dWant},
	} {
		if got := count(c.m.Params()); got != c.want {
			t.Errorf("%s: %d parameters; want %d", c.name, got, c.want)
		}
	}
	if unetWant != 5994 || patchWant != 3061 || resWant != 13379 {
		t.Errorf("hand counts %d, %d, %d; want 5994, 3061, 13379", unetWant, patchWant, resWant)
	}
}

// TestParamNames checks names against the reference's state dicts, and that a state saves
// and loads (names unique).
func TestParamNames(t *testing.T) {
	dev, rng := setup(7)
	names := func(m nn.Module) []string {
		var s []string
		for _, p := range nn.State(m) {
			s = append(s, p.Name)
		}
		return s
	}
	unet := must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 2, NumDowns: 3, NGF: 4, MaxMult: 8}))
	res := must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 4, NBlocks: 2, Norm: nets.NormBatch}))
	for _, c := range []struct {
		m    nn.Module
		want []string
	}{
		{unet, []string{"model.model.0.weight", "model.model.1.model.1.weight", "model.model.1.model.2.weight",
			"model.model.1.model.3.model.1.weight", "model.model.1.model.3.model.3.weight", "model.model.1.model.3.model.4.running_var",
			"model.model.1.model.5.weight", "model.model.1.model.6.running_mean", "model.model.3.weight", "model.model.3.bias"}},
		{res, []string{"model.1.weight", "model.2.running_mean", "model.10.conv_block.1.weight", "model.10.conv_block.2.bias",
			"model.11.conv_block.6.running_var", "model.12.weight", "model.19.weight", "model.19.bias"}},
		{must(nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{InputNC: 3, NDF: 4, NLayers: 3})),
			[]string{"model.0.weight", "model.0.bias", "model.2.weight", "model.3.running_mean", "model.11.weight", "model.11.bias"}},
		{must(nets.NewDCGANGenerator(dev, rng, nets.DefaultDCGAN())), []string{"main.0.weight", "main.1.running_var", "main.6.weight"}},
	} {
		got := names(c.m)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%T state lacks %q; has %v", c.m, w, got)
			}
		}
		var buf bytes.Buffer
		if err := weights.Save(&buf, nn.State(c.m), nil); err != nil {
			t.Errorf("%T: Save: %v", c.m, err)
		}
		if err := weights.Load(&buf, nn.State(c.m)); err != nil {
			t.Errorf("%T: Load: %v", c.m, err)
		}
	}
}

// TestWalkReachesEveryLayer checks that InitGAN, SetTraining and SetDropout reach the
// innermost U-Net block.
func TestWalkReachesEveryLayer(t *testing.T) {
	dev, rng := setup(8)
	u := must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 1, NumDowns: 7, NGF: 2, MaxMult: 4, Dropout: true}))
	var convs, bns, drops int
	nn.Walk(u, func(m nn.Module) {
		switch m.(type) {
		case *nn.Conv2d, *nn.ConvTranspose2d:
			convs++
		case *nn.BatchNorm:
			bns++
		case *nn.Dropout:
			drops++
		}
	})
	// 7 levels: 14 convolutions; BatchNorm: 5 middle blocks × 2 + 1 innermost; dropout in the
	// middle blocks whose channels are both 2·4: levels 3, 4, 5.
	if convs != 14 || bns != 11 || drops != 3 {
		t.Errorf("Walk found %d convolutions, %d BatchNorms, %d Dropouts; want 14, 11, 3", convs, bns, drops)
	}
	nn.InitGAN(u, rng, 0.02)
	inner := u.Model
	for !inner.Innermost {
		inner = findBlock(inner)
	}
	w := inner.Model.Layers[1].(*nn.Conv2d).Weight.Data()
	var ss float64
	for _, v := range w {
		ss += float64(v) * float64(v)
	}
	if std := ss / float64(len(w)); std > 0.03*0.03 || std < 0.01*0.01 {
		t.Errorf("innermost conv weight variance %v after InitGAN; want about 0.02²", std)
	}
	nn.SetTraining(u, false)
	nets.SetDropout(u, true)
	nn.Walk(u, func(m nn.Module) {
		switch l := m.(type) {
		case *nn.BatchNorm:
			if l.Training {
				t.Errorf("a BatchNorm is still training after SetTraining(false)")
			}
		case *nn.Dropout:
			if !l.Training {
				t.Errorf("a Dropout is off after SetDropout(true)")
			}
		}
	})
}

func findBlock(b *nets.SkipBlock) *nets.SkipBlock {
	for _, l := range b.Model.Layers {
		if s, ok := l.(*nets.SkipBlock); ok {
			return s
		}
	}
	panic("no inner block")
}

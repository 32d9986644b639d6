package nets_test

import (
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/nets"
)

// TestReceptiveFieldFormula checks ReceptiveField against the closed form for the PatchGAN:
// two stride-1 k4 layers see 7 pixels, and each of the n stride-2 k4 layers before them maps
// r to 2r + 2, so r = 9·2^n - 2 (16, 34, 70, 142, ...).
func TestReceptiveFieldFormula(t *testing.T) {
	dev, rng := setup(12)
	for n := 1; n <= 5; n++ {
		d := must(nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{InputNC: 1, NDF: 1, NLayers: n}))
		if got, want := d.ReceptiveField(), 9<<n-2; got != want {
			t.Errorf("NLayers %d: receptive field %d; want %d", n, got, want)
		}
	}
	if got := nets.ReceptiveField([]nets.ConvSpec{{4, 2, 1}, {4, 2, 1}, {4, 2, 1}, {4, 1, 1}, {4, 1, 1}}); got != 70 {
		t.Errorf("receptive field of the 70×70 PatchGAN = %d; want 70", got)
	}
	w := nets.Window([]nets.ConvSpec{{4, 2, 1}, {4, 2, 1}, {4, 2, 1}, {4, 1, 1}, {4, 1, 1}})
	if w != (nets.PatchWindow{Size: 70, Jump: 8, Offset: -23}) {
		t.Errorf("Window = %+v; want {70 8 -23}", w)
	}
}

// TestReceptiveFieldEmpirical measures the 70×70 PatchGAN's patches in two ways: the input
// pixels with a non-zero gradient of one logit form exactly the predicted 70×70 square,
// and perturbing one input pixel changes exactly the logits whose squares contain it.
func TestReceptiveFieldEmpirical(t *testing.T) {
	const h = 96 // output 96/8 - 2 = 10 logits a side
	dev, rng := setup(13)
	d := must(nets.NewPatchGAN(dev, rng, nets.PatchGANConfig{InputNC: 1, NDF: 2, NLayers: 3}))
	nn.InitGAN(d, rng, 0.02)
	nn.SetTraining(d, false) // batch statistics would couple every patch
	win := nets.Window(d.Convs())

	x := dev.Randn(rng, 0, 1, 1, 1, h, h).RequiresGrad()
	out := d.Forward(x)
	oh := out.Dim(2)
	if oh != h/8-2 {
		t.Fatalf("output side %d; want %d", oh, h/8-2)
	}
	const a, b = 5, 4 // an interior logit
	y := out.Reshape(-1).Slice(0, a*oh+b, a*oh+b+1).Sum()
	g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x}, engine.GradOptions{})[0].Data()
	r0, r1, c0, c1 := h, -1, h, -1
	for i := 0; i < h; i++ {
		for j := 0; j < h; j++ {
			if g[i*h+j] != 0 {
				r0, r1, c0, c1 = min(r0, i), max(r1, i), min(c0, j), max(c1, j)
			}
		}
	}
	if rows, cols := r1-r0+1, c1-c0+1; rows != 70 || cols != 70 || r0 != win.Offset+a*win.Jump || c0 != win.Offset+b*win.Jump {
		t.Errorf("logit (%d, %d) has gradient on rows %d..%d, columns %d..%d; want a 70×70 square from (%d, %d)",
			a, b, r0, r1, c0, c1, win.Offset+a*win.Jump, win.Offset+b*win.Jump)
	}

	const p, q = 40, 61
	var base, moved []float32
	dev.NoGrad(func() {
		base = d.Forward(x).Data()
		xs := x.Data()
		xs[p*h+q] += 1
		moved = d.Forward(dev.FromSlice(xs, 1, 1, h, h)).Data()
	})
	sees := func(o, pix int) bool { s := win.Offset + o*win.Jump; return s <= pix && pix < s+win.Size }
	for i := 0; i < oh; i++ {
		for j := 0; j < oh; j++ {
			if changed, want := base[i*oh+j] != moved[i*oh+j], sees(i, p) && sees(j, q); changed != want {
				t.Errorf("logit (%d, %d) changed = %v after perturbing pixel (%d, %d); want %v", i, j, changed, p, q, want)
			}
		}
	}
}

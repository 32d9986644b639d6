package nn_test

// Layers, losses and the WGAN-GP gradient penalty checked against values computed
// independently by PyTorch. The reference is ../../testdata/torchref/reference.json, written
// by `/usr/bin/python3 testdata/torchref/gen.py` and committed: these tests only read it.
// The tolerances are stated once, in the JSON header (TOLERANCES in gen.py).

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
)

const torchRefPath = "../../testdata/torchref/reference.json"

type refTensor struct {
	Shape []int     `json:"shape"`
	Data  []float64 `json:"data"`
}

type tolerance struct {
	Abs float64 `json:"abs"`
	Rel float64 `json:"rel"`
}

type refConfig struct {
	In       int     `json:"in"`
	Out      int     `json:"out"`
	Hidden   int     `json:"hidden"`
	K        int     `json:"k"`
	Stride   int     `json:"stride"`
	Pad      int     `json:"pad"`
	OutPad   int     `json:"out_pad"`
	C        int     `json:"c"`
	Scale    int     `json:"scale"`
	Pads     []int   `json:"pads"` // ReflectionPad2d: left, right, top, bottom
	Bias     bool    `json:"bias"`
	Affine   bool    `json:"affine"`
	Momentum float64 `json:"momentum"`
	Eps      float64 `json:"eps"`
	Slope    float64 `json:"slope"`
	P        float64 `json:"p"`
	Loss     string  `json:"loss"`
	Act      string  `json:"act"`
}

type refCase struct {
	Name         string               `json:"name"`
	Kind         string               `json:"kind"`
	Config       refConfig            `json:"config"`
	Train        bool                 `json:"train"`
	Inputs       map[string]refTensor `json:"inputs"`
	Params       map[string]refTensor `json:"params"`
	Buffers      map[string]refTensor `json:"buffers"`
	Upstream     *refTensor           `json:"upstream"`
	Output       refTensor            `json:"output"`
	Grads        map[string]refTensor `json:"grads"`
	BuffersAfter map[string]refTensor `json:"buffers_after"`
	CriticOutput *refTensor           `json:"critic_output"`
	GradX        *refTensor           `json:"grad_x"`
}

type reference struct {
	Header struct {
		TorchVersion string               `json:"torch_version"`
		Command      string               `json:"command"`
		Tolerances   map[string]tolerance `json:"tolerances"`
	} `json:"header"`
	Layers          []refCase `json:"layers"`
	Losses          []refCase `json:"losses"`
	GradientPenalty []refCase `json:"gradient_penalty"`
}

var (
	refOnce sync.Once
	refData *reference
	refErr  error
)

// loadRef reads the reference once and returns it with the tolerance for values.
func loadRef(t *testing.T) (*reference, tolerance) {
	t.Helper()
	refOnce.Do(func() {
		b, err := os.ReadFile(torchRefPath)
		if err != nil {
			refErr = err
			return
		}
		var r reference
		if err := json.Unmarshal(b, &r); err != nil {
			refErr = fmt.Errorf("%s: %w", torchRefPath, err)
			return
		}
		refData = &r
	})
	if refErr != nil {
		t.Fatalf("reading the PyTorch reference: %v", refErr)
	}
	tol, ok := refData.Header.Tolerances["values"]
	if !ok || tol.Abs <= 0 || tol.Rel <= 0 {
		t.Fatalf("%s: header has no tolerances.values", torchRefPath)
	}
	return refData, tol
}

func f32(v []float64) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x)
	}
	return out
}

func fromRef(dev *engine.Device, r refTensor) *engine.Tensor {
	return dev.FromSlice(f32(r.Data), r.Shape...)
}

// checkTensor compares got with want element by element: |got - want| ≤ abs + rel·|want|.
// A nil got (a leaf that Backward never reached) counts as zeros.
func checkTensor(t *testing.T, what string, got *engine.Tensor, want refTensor, tol tolerance) {
	t.Helper()
	var data []float32
	if got == nil {
		data = make([]float32, len(want.Data))
	} else {
		if !slices.Equal(got.Shape(), want.Shape) {
			t.Errorf("%s: shape %v; want %v", what, got.Shape(), want.Shape)
			return
		}
		data = got.Data()
	}
	if len(data) != len(want.Data) {
		t.Errorf("%s: %d elements; want %d", what, len(data), len(want.Data))
		return
	}
	bad, maxErr := 0, 0.0
	for i, w := range want.Data {
		g := float64(data[i])
		e := math.Abs(g - w)
		if math.IsNaN(g) || math.IsInf(g, 0) {
			e = math.Inf(1)
		}
		maxErr = max(maxErr, e)
		if e > tol.Abs+tol.Rel*math.Abs(w) {
			if bad < 5 {
				t.Errorf("%s[%d] = %.9g; want %.9g (|err| %.3g)", what, i, g, w, e)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d of %d elements out of tolerance, max |err| %.3g", what, bad, len(data), maxErr)
	}
	if testing.Verbose() {
		t.Logf("%s: max |err| %.3g over %d elements", what, maxErr, len(data))
	}
}

// funcModule wraps an engine op with no parameters as a Module (for ops that have no nn
// layer: Softplus, ReflectionPad2d, AvgPool2d, Upsample).
type funcModule func(x *engine.Tensor) *engine.Tensor

func (f funcModule) Forward(x *engine.Tensor) *engine.Tensor { return f(x) }
func (funcModule) Params() []nn.Param                        { return nil }

// buildLayer makes the Go layer of a case with the package's constructors; the weights
// they draw are replaced by the reference's, by name.
func buildLayer(t *testing.T, dev *engine.Device, c refCase) nn.Module {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	cf := c.Config
	switch c.Kind {
	case "Linear":
		l := nn.NewLinear(dev, rng, cf.In, cf.Out)
		if !cf.Bias {
			l.Bias = nil
		}
		return l
	case "Conv2d":
		return nn.NewConv2d(dev, rng, cf.In, cf.Out, cf.K, cf.Stride, cf.Pad, cf.Bias)
	case "ConvTranspose2d":
		return nn.NewConvTranspose2d(dev, rng, cf.In, cf.Out, cf.K, cf.Stride, cf.Pad, cf.OutPad, cf.Bias)
	case "BatchNorm1d", "BatchNorm2d":
		b := nn.NewBatchNorm(dev, cf.C)
		b.Momentum, b.Eps = float32(cf.Momentum), float32(cf.Eps)
		return b
	case "InstanceNorm2d":
		n := nn.NewInstanceNorm2d(dev, cf.C, cf.Affine)
		n.Eps = float32(cf.Eps)
		return n
	case "Dropout":
		return nn.NewDropout(rng, cf.P)
	case "MLP":
		return nn.NewSequential(nn.NewLinear(dev, rng, cf.In, cf.Hidden), nn.LeakyReLU{Slope: float32(cf.Slope)},
			nn.NewLinear(dev, rng, cf.Hidden, cf.Out), nn.Tanh{})
	case "ReLU":
		return nn.ReLU{}
	case "LeakyReLU":
		return nn.LeakyReLU{Slope: float32(cf.Slope)}
	case "Tanh":
		return nn.Tanh{}
	case "Sigmoid":
		return nn.Sigmoid{}
	case "Softplus":
		return funcModule(func(x *engine.Tensor) *engine.Tensor { return x.Softplus() })
	case "ReflectionPad2d":
		p := cf.Pads
		return funcModule(func(x *engine.Tensor) *engine.Tensor { return x.PadReflect(3, p[0], p[1]).PadReflect(2, p[2], p[3]) })
	case "AvgPool2d":
		return funcModule(func(x *engine.Tensor) *engine.Tensor { return engine.AvgPool2d(x, cf.K, cf.Stride, cf.Pad) })
	case "UpsampleNearest":
		return funcModule(func(x *engine.Tensor) *engine.Tensor { return engine.UpsampleNearest(x, cf.Scale) })
	}
	t.Fatalf("unknown layer kind %q", c.Kind)
	return nil
}

// loadByName copies every parameter and buffer of the reference into m by its torch name,
// and fails if a name or a shape does not match on either side.
func loadByName(t *testing.T, m nn.Module, c refCase) {
	t.Helper()
	used := map[string]bool{}
	for _, p := range nn.State(m) {
		src, ok := c.Params[p.Name]
		if !ok {
			src, ok = c.Buffers[p.Name]
		}
		if !ok {
			t.Fatalf("%s: Go tensor %q has no PyTorch counterpart", c.Name, p.Name)
		}
		if !slices.Equal(p.T.Shape(), src.Shape) {
			t.Fatalf("%s: %s has shape %v; PyTorch's has %v", c.Name, p.Name, p.T.Shape(), src.Shape)
		}
		p.T.SetData(f32(src.Data))
		used[p.Name] = true
	}
	var missing []string
	for _, m := range []map[string]refTensor{c.Params, c.Buffers} {
		for name := range m {
			if !used[name] {
				missing = append(missing, name)
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Fatalf("%s: PyTorch tensors %v have no Go counterpart", c.Name, missing)
	}
}

func stateByName(m nn.Module, name string) *engine.Tensor {
	for _, p := range nn.State(m) {
		if p.Name == name {
			return p.T
		}
	}
	return nil
}

// TestTorchRefLayers runs every layer case forward and backward (L = Σ R ⊙ output) and
// compares the output, the input gradient, every parameter gradient and, for BatchNorm, the
// running statistics after the pass.
func TestTorchRefLayers(t *testing.T) {
	ref, tol := loadRef(t)
	if len(ref.Layers) == 0 {
		t.Fatal("no layer cases in the reference")
	}
	for _, c := range ref.Layers {
		t.Run(c.Name, func(t *testing.T) {
			dev := engine.NewDevice(cpu.New())
			m := buildLayer(t, dev, c)
			nn.SetTraining(m, c.Train)
			loadByName(t, m, c)
			if c.Upstream == nil {
				t.Fatalf("%s: no upstream tensor", c.Name)
			}
			x := fromRef(dev, c.Inputs["x"]).RequiresGrad()
			y := m.Forward(x)
			checkTensor(t, c.Name+" output", y, c.Output, tol)
			if !slices.Equal(y.Shape(), c.Upstream.Shape) {
				t.Fatalf("%s: output shape %v; PyTorch's is %v", c.Name, y.Shape(), c.Upstream.Shape)
			}
			y.Mul(fromRef(dev, *c.Upstream)).Sum().Backward()
			checkTensor(t, c.Name+" input grad", x.Grad, c.Grads["x"], tol)
			ps := m.Params()
			if len(c.Grads) != len(ps)+1 {
				t.Errorf("%s: PyTorch has %d parameter gradients; the Go layer has %d parameters", c.Name, len(c.Grads)-1, len(ps))
			}
			for _, p := range ps {
				want, ok := c.Grads[p.Name]
				if !ok {
					t.Errorf("%s: no PyTorch gradient for %s", c.Name, p.Name)
					continue
				}
				checkTensor(t, c.Name+" "+p.Name+" grad", p.T.Grad, want, tol)
			}
			after := c.BuffersAfter
			if !c.Train {
				after = c.Buffers // evaluation leaves the running statistics alone
			} else if len(c.Buffers) > 0 && len(after) == 0 {
				t.Fatalf("%s: no running statistics after the pass in the reference", c.Name)
			}
			for name, want := range after {
				got := stateByName(m, name)
				if got == nil {
					t.Errorf("%s: no Go buffer %s", c.Name, name)
					continue
				}
				checkTensor(t, c.Name+" "+name+" after forward", got, want, tol)
			}
		})
	}
}

// TestTorchRefLosses compares loss values and their gradients with respect to every input.
func TestTorchRefLosses(t *testing.T) {
	ref, tol := loadRef(t)
	if len(ref.Losses) == 0 {
		t.Fatal("no loss cases in the reference")
	}
	for _, c := range ref.Losses {
		t.Run(c.Name, func(t *testing.T) {
			dev := engine.NewDevice(cpu.New())
			in := map[string]*engine.Tensor{}
			for name, r := range c.Inputs {
				in[name] = fromRef(dev, r).RequiresGrad()
			}
			var loss *engine.Tensor
			switch c.Config.Loss {
			case "bce_with_logits":
				loss = nn.BCEWithLogits(in["x"], in["target"])
			case "mse":
				loss = nn.MSE(in["x"], in["y"])
			case "l1":
				loss = nn.L1(in["x"], in["y"])
			case "wgan_critic":
				loss = nn.WassersteinCritic(in["f_real"], in["f_fake"])
			case "wgan_generator":
				loss = nn.WassersteinGenerator(in["f_fake"])
			default:
				t.Fatalf("unknown loss %q", c.Config.Loss)
			}
			checkTensor(t, c.Name+" value", loss, c.Output, tol)
			loss.Backward()
			for name, want := range c.Grads {
				checkTensor(t, c.Name+" "+name+" grad", in[name].Grad, want, tol)
			}

			// With a constant target, BCEWithLogitsConst must agree with the same reference.
			if c.Config.Loss == "bce_with_logits" {
				tv := c.Inputs["target"].Data
				if !slices.ContainsFunc(tv, func(v float64) bool { return v != tv[0] }) {
					x := fromRef(dev, c.Inputs["x"]).RequiresGrad()
					l := nn.BCEWithLogitsConst(x, float32(tv[0]))
					checkTensor(t, fmt.Sprintf("%s BCEWithLogitsConst(%g) value", c.Name, tv[0]), l, c.Output, tol)
					l.Backward()
					checkTensor(t, fmt.Sprintf("%s BCEWithLogitsConst(%g) x grad", c.Name, tv[0]), x.Grad, c.Grads["x"], tol)
				}
			}
		})
	}
}

// TestTorchRefGradientPenalty checks the gradient of a gradient: WGAN-GP's penalty
// P = mean((‖∇_x f(x)‖₂ - 1)²) for an MLP critic, and dP/dθ for every parameter.
func TestTorchRefGradientPenalty(t *testing.T) {
	ref, tol := loadRef(t)
	if len(ref.GradientPenalty) == 0 {
		t.Fatal("no gradient-penalty cases in the reference")
	}
	for _, c := range ref.GradientPenalty {
		t.Run(c.Name, func(t *testing.T) {
			dev := engine.NewDevice(cpu.New())
			rng := rand.New(rand.NewPCG(3, 4))
			var act nn.Module
			switch c.Config.Act {
			case "tanh":
				act = nn.Tanh{}
			case "leaky_relu":
				act = nn.LeakyReLU{Slope: float32(c.Config.Slope)}
			default:
				t.Fatalf("unknown activation %q", c.Config.Act)
			}
			f := nn.NewSequential(nn.NewLinear(dev, rng, 2, 16), act, nn.NewLinear(dev, rng, 16, 16), act, nn.NewLinear(dev, rng, 16, 1))
			loadByName(t, f, c)
			x := fromRef(dev, c.Inputs["x"]).RequiresGrad()
			out := f.Forward(x)
			checkTensor(t, c.Name+" critic output", out, *c.CriticOutput, tol)
			gx := engine.Grad([]*engine.Tensor{out}, []*engine.Tensor{x}, engine.GradOptions{CreateGraph: true})[0]
			checkTensor(t, c.Name+" ∇x f", gx, *c.GradX, tol)
			pen := gx.Square().Sum(1).Sqrt().AddScalar(-1).Square().Mean()
			checkTensor(t, c.Name+" penalty", pen, c.Output, tol)
			pen.Backward()
			ps := f.Params()
			if len(c.Grads) != len(ps) {
				t.Errorf("%s: PyTorch has %d parameter gradients; Go has %d parameters", c.Name, len(c.Grads), len(ps))
			}
			for _, p := range ps {
				checkTensor(t, c.Name+" d(penalty)/d("+p.Name+")", p.T.Grad, c.Grads[p.Name], tol)
			}
		})
	}
}

// TestDropoutTrainStatistics checks training-mode dropout statistically (no PyTorch values:
// masks are random): the fraction zeroed is p within 5 standard deviations, survivors are
// scaled by exactly 1/(1-p), the gradient is the same mask, and evaluation is the identity.
func TestDropoutTrainStatistics(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	const rows, cols = 100, 200
	for _, p := range []float64{0.2, 0.5} {
		t.Run(fmt.Sprintf("p=%g", p), func(t *testing.T) {
			d := nn.NewDropout(rand.New(rand.NewPCG(7, uint64(p*1000))), p)
			x := dev.Full(1, rows, cols).RequiresGrad()
			y := d.Forward(x)
			data := y.Data()
			keep := float32(1 / (1 - p))
			zeros := 0
			for i, v := range data {
				switch {
				case v == 0:
					zeros++
				case math.Abs(float64(v-keep)) > 1e-6*float64(keep):
					t.Fatalf("Dropout(p %g) survivor [%d] = %v; want 1/(1-p) = %v", p, i, v, keep)
				}
			}
			n := float64(len(data))
			frac := float64(zeros) / n
			if sd := math.Sqrt(p * (1 - p) / n); math.Abs(frac-p) > 5*sd {
				t.Errorf("Dropout(p %g) zeroed a fraction %.4f; want %g ± %.4f", p, frac, p, 5*sd)
			}
			y.Sum().Backward()
			g := x.Grad.Data()
			for i := range g {
				if g[i] != data[i] {
					t.Fatalf("Dropout(p %g) input grad[%d] = %v; want the mask %v", p, i, g[i], data[i])
				}
			}
			if y2 := d.Forward(x).Data(); slices.Equal(y2, data) {
				t.Errorf("Dropout(p %g) drew the same mask twice", p)
			}
			d.SetTraining(false)
			if e := d.Forward(x); !slices.Equal(e.Data(), x.Data()) {
				t.Errorf("Dropout(p %g) in evaluation is not the identity", p)
			}
		})
	}
}

// TestTorchRefCoverage makes sure the reference holds every case kind the tests expect, so
// that a regenerated file cannot silently drop a layer.
func TestTorchRefCoverage(t *testing.T) {
	ref, _ := loadRef(t)
	if !strings.HasPrefix(ref.Header.Command, "/usr/bin/python3 ") || ref.Header.TorchVersion == "" {
		t.Errorf("reference header: command %q, torch %q", ref.Header.Command, ref.Header.TorchVersion)
	}
	kinds := map[string]int{}
	for _, c := range ref.Layers {
		kinds[c.Kind]++
	}
	for _, c := range ref.Losses {
		kinds["loss:"+c.Config.Loss]++
	}
	for _, c := range ref.GradientPenalty {
		kinds["gp:"+c.Config.Act]++
	}
	for _, k := range []string{"Linear", "Conv2d", "ConvTranspose2d", "BatchNorm1d", "BatchNorm2d", "InstanceNorm2d",
		"Dropout", "MLP", "ReLU", "LeakyReLU", "Tanh", "Sigmoid", "Softplus", "ReflectionPad2d", "AvgPool2d",
		"UpsampleNearest", "loss:bce_with_logits", "loss:mse", "loss:l1", "loss:wgan_critic", "loss:wgan_generator",
		"gp:tanh", "gp:leaky_relu"} {
		if kinds[k] == 0 {
			t.Errorf("reference has no %s case", k)
		}
	}
}

package demos

import (
	"errors"
	"image"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ganplay/ganplay/demos/assets"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/imagedata"
	"github.com/ganplay/ganplay/models/weights"
)

// repoAssets serves the checkout's assets as the page fetches them.
func repoAssets() Fetcher { return FSFetcher{FS: assets.Layout("..")} }

// waiter is an image scene: tests wait for its assets instead of polling.
type waiter interface {
	Scene
	Wait() error
}

// openImage builds the image scene k with weights w and waits for its assets.
func openImage(t *testing.T, k SceneKind, w WeightsKind, f Fetcher) waiter {
	t.Helper()
	s := DefaultSettings()
	s.Scene, s.Weights = k, w
	sc, err := NewSceneWith(cpu.New(), s, f)
	if err != nil {
		t.Fatal(err)
	}
	ws := sc.(waiter)
	if err := ws.Wait(); err != nil {
		t.Fatalf("%v: %v", k, err)
	}
	return ws
}

// distinctColours counts the distinct colours in r, stopping at limit.
func distinctColours(c *Canvas, limit int) int {
	seen := map[[3]uint8]bool{}
	for i := 0; i < len(c.Pix) && len(seen) < limit; i += 4 {
		seen[[3]uint8{c.Pix[i], c.Pix[i+1], c.Pix[i+2]}] = true
	}
	return len(seen)
}

func TestImageSceneNames(t *testing.T) {
	for _, k := range []SceneKind{SceneDCGAN, SceneCGAN, ScenePix2pixEdges, ScenePix2pixSketch, SceneCycleGAN} {
		s, bad := Parse("scene=" + k.String() + "&weights=finetune")
		if len(bad) > 0 || s.Scene != k || s.Weights != WeightsFinetune {
			t.Errorf("Parse(scene=%v&weights=finetune) = %v, %v, %v", k, s.Scene, s.Weights, bad)
		}
		if k.ImageDemo().String() != k.String() {
			t.Errorf("scene %v shows image demo %v; want the same name", k, k.ImageDemo())
		}
	}
	if _, bad := Parse("weights=imagenet"); len(bad) != 1 || !strings.Contains(bad[0].Error(), "pretrained, finetune, random") {
		t.Errorf("weights=imagenet: %v", bad)
	}
	if got := Assets(SceneCycleGAN, WeightsRandom); len(got) != 0 {
		t.Errorf("cyclegan from random weights fetches %v; want nothing", got)
	}
	if got := Assets(SceneCGAN, WeightsPretrained); len(got) != 2 || got[0] != assets.Digits || got[1] != assets.Weights("cgan") {
		t.Errorf("cgan's assets: %v", got)
	}
}

// TestDigitsGrid checks the DCGAN's 8×8 grid and the conditional GAN's one row per class,
// and that a training step changes the grid.
func TestDigitsGrid(t *testing.T) {
	for _, tc := range []struct {
		k          SceneKind
		rows, cols int
	}{{SceneDCGAN, 8, 8}, {SceneCGAN, 10, 10}} {
		sc := openImage(t, tc.k, WeightsPretrained, repoAssets()).(*Digits)
		v := sc.View()
		if v.Rows != tc.rows || v.Cols != tc.cols || len(v.Images) != tc.rows*tc.cols || v.Conditional != (tc.k == SceneCGAN) {
			t.Fatalf("%v: grid %d×%d of %d images (conditional %v); want %d×%d", tc.k, v.Rows, v.Cols, len(v.Images), v.Conditional, tc.rows, tc.cols)
		}
		for _, im := range v.Images {
			if im.C != 1 || im.H != 28 || im.W != 28 {
				t.Fatalf("%v: image %d×%d×%d; want 1×28×28", tc.k, im.C, im.H, im.W)
			}
		}
		// Pretrained digits are mostly background (-1) with some ink (near +1).
		var ink, bg int
		for _, im := range v.Images {
			for _, p := range im.Pix {
				switch {
				case p > 0.5:
					ink++
				case p < -0.5:
					bg++
				}
			}
		}
		if n := len(v.Images) * 28 * 28; bg < n/2 || ink < n/20 {
			t.Errorf("%v: %d ink and %d background pixels of %d; want digits", tc.k, ink, bg, n)
		}
		c := NewCanvas(Width, Height)
		sc.Render(c)
		if n := distinctColours(c, 100); n < 50 {
			t.Errorf("%v: the frame has %d colours", tc.k, n)
		}
		m := sc.Metrics()
		if m["loaded"] != 1 || m["rows"] != float64(tc.rows) || m["cols"] != float64(tc.cols) {
			t.Errorf("%v: metrics %v", tc.k, m)
		}
		before := append([]float32(nil), v.Images[0].Pix...)
		if err := sc.Step(2); err != nil {
			t.Fatal(err)
		}
		sc.Render(c)
		m = sc.Metrics()
		if m["step"] != 2 || m["loss_D"] == 0 || m["loss_G"] == 0 {
			t.Errorf("%v: after 2 steps metrics %v", tc.k, m)
		}
		if slices.Equal(before, sc.View().Images[0].Pix) {
			t.Errorf("%v: the grid did not change after training", tc.k)
		}
	}
}

// TestPix2pixDrawing draws a stroke through the App's drag commands and checks that G's
// input changed where it went and G's output changed; that clear empties the input; that
// D's map has the PatchGAN's shape and values in [0, 1]; and that held-out examples come
// with targets that the pretrained G matches closely.
func TestPix2pixDrawing(t *testing.T) {
	s := DefaultSettings()
	s.Scene, s.Autoplay = ScenePix2pixEdges, false
	a, err := NewApp(cpu.New(), s, nil, WithAssets(repoAssets()))
	if err != nil {
		t.Fatal(err)
	}
	p := a.Scene().(*Pix2pix)
	if err := p.Wait(); err != nil {
		t.Fatal(err)
	}
	v := p.View()
	if v.Input.C != 1 || v.Input.H != 32 || v.Output.C != 1 || v.Output.H != 32 || v.Output.W != 32 || v.Target == nil {
		t.Fatalf("edges view: input %d×%d×%d, output %d×%d×%d, target %v", v.Input.C, v.Input.H, v.Input.W, v.Output.C, v.Output.H, v.Output.W, v.Target != nil)
	}
	// The PatchGAN of a 32×32 pair: 3 stride-2 convolutions and 2 of stride 1 (k4, p1):
	// 32 → 16 → 8 → 4 → 3 → 2.
	if v.PatchH != 2 || v.PatchW != 2 || len(v.Patch) != 4 {
		t.Errorf("D's map is %d×%d (%d values); want 2×2", v.PatchH, v.PatchW, len(v.Patch))
	}
	for _, f := range v.Patch {
		if !(f >= 0 && f <= 1) {
			t.Errorf("D's map has %v outside [0, 1]", f)
		}
	}
	if l1 := p.Metrics()["l1_target"]; !(l1 < 0.1) {
		t.Errorf("pretrained G on held-out example 0: mean |G(x) - y| = %v; want < 0.1", l1)
	}

	// Clear, then draw a vertical stroke down the middle of the input panel.
	run := func(c Command) {
		done := make(chan Snapshot, 1)
		c.Done = func(sn Snapshot) { done <- sn }
		a.Send(c)
		a.Update()
		<-done
	}
	run(Command{Kind: CmdClick, X: float64(p2pClear.Min.X + 5), Y: float64(p2pClear.Min.Y + 5)})
	empty := p.View()
	for _, f := range empty.Input.Pix {
		if f != -1 {
			t.Fatalf("after clear the input has %v; want all -1", f)
		}
	}
	if empty.Target != nil {
		t.Error("after clear a target is still shown")
	}
	out0 := append([]float32(nil), empty.Output.Pix...)
	cx := float64(p2pInput.Min.X+p2pInput.Max.X) / 2
	run(Command{Kind: CmdDrag, Phase: DragStart, X: cx, Y: float64(p2pInput.Min.Y + 40)})
	for y := p2pInput.Min.Y + 50; y < p2pInput.Max.Y-40; y += 10 {
		run(Command{Kind: CmdDrag, Phase: DragMove, X: cx, Y: float64(y)})
	}
	run(Command{Kind: CmdDrag, Phase: DragEnd, X: cx, Y: float64(p2pInput.Max.Y - 40)})
	v = p.View()
	col := 16 // the panel's middle column in image pixels
	var inked int
	for y := 0; y < 32; y++ {
		for x := 0; x < 32; x++ {
			if v.Input.At(0, y, x) == 1 {
				inked++
				if x < col-2 || x > col+1 {
					t.Fatalf("stroke inked (%d, %d), far from column %d", x, y, col)
				}
			}
		}
	}
	if inked < 15 {
		t.Errorf("the stroke inked %d pixels; want a line of about 24", inked)
	}
	if slices.Equal(out0, v.Output.Pix) {
		t.Error("G's output did not change after the stroke")
	}
	if m := a.Snapshot().Metrics; m["strokes"] != 1 || !(m["input_mean"] > -1) {
		t.Errorf("metrics after one stroke: %v", m)
	}
	// A drag outside the panel draws nothing.
	run(Command{Kind: CmdDrag, Phase: DragStart, X: float64(p2pOutput.Min.X + 20), Y: float64(p2pOutput.Min.Y + 20)})
	run(Command{Kind: CmdDrag, Phase: DragEnd, X: float64(p2pOutput.Min.X + 40), Y: float64(p2pOutput.Min.Y + 40)})
	if p.Metrics()["strokes"] != 1 || !slices.Equal(v.Input.Pix, p.View().Input.Pix) {
		t.Error("a drag on the output panel drew on the input")
	}
	// The next example button shows example 1 with its target.
	run(Command{Kind: CmdClick, X: float64(p2pNext.Min.X + 5), Y: float64(p2pNext.Min.Y + 5)})
	if p.Metrics()["example"] != 1 || p.View().Target == nil {
		t.Errorf("after 'example >': example %v, target %v", p.Metrics()["example"], p.View().Target != nil)
	}
	c := a.Canvas()
	a.Render()
	if n := distinctColours(c, 100); n < 30 {
		t.Errorf("the frame has %d colours", n)
	}
}

// TestPix2pixSketch checks the 64×64 sketch demo: RGB output, a 6×6 patch map, and a
// held-out outline translated close to its target.
func TestPix2pixSketch(t *testing.T) {
	p := openImage(t, ScenePix2pixSketch, WeightsPretrained, repoAssets()).(*Pix2pix)
	v := p.View()
	if v.Input.C != 1 || v.Input.H != 64 || v.Output.C != 3 || v.Output.H != 64 || v.PatchH != 6 || v.PatchW != 6 {
		t.Fatalf("sketch view: input %d×%d, output %d×%d×%d, map %d×%d", v.Input.C, v.Input.H, v.Output.C, v.Output.H, v.Output.W, v.PatchH, v.PatchW)
	}
	if l1 := p.Metrics()["l1_target"]; !(l1 < 0.1) {
		t.Errorf("held-out sketch: mean |G(x) - y| = %v; want < 0.1", l1)
	}
	p.Key("c")
	before := append([]float32(nil), p.input.Pix...)
	p.Stroke([][2]float64{{10, 10}, {50, 10}, {50, 50}, {10, 50}, {10, 10}})
	p.Render(NewCanvas(Width, Height))
	if slices.Equal(before, p.View().Input.Pix) || p.View().Input.At(0, 10, 30) != -1 {
		t.Error("the stroke did not ink the outline (black, -1) into the input")
	}
}

// TestCycleGANRows checks the rows x, G(x), F(G(x)), F(x) and y, F(y), G(F(y)), G(y), and
// that the pretrained model's cycle error is well below that of fresh weights.
func TestCycleGANRows(t *testing.T) {
	g := openImage(t, SceneCycleGAN, WeightsPretrained, repoAssets()).(*CycleGAN)
	v := g.View()
	for name, row := range map[string][]imagedata.Image{"x": v.X, "G(x)": v.GX, "F(G(x))": v.FGX, "F(x)": v.FX,
		"y": v.Y, "F(y)": v.FY, "G(F(y))": v.GFY, "G(y)": v.GY} {
		if len(row) != CycleCols {
			t.Fatalf("row %s has %d images; want %d", name, len(row), CycleCols)
		}
		for _, im := range row {
			if im.C != 3 || im.H != 32 || im.W != 32 {
				t.Fatalf("row %s: image %d×%d×%d; want 3×32×32", name, im.C, im.H, im.W)
			}
		}
	}
	// G must change the images: a zebra is not its horse.
	if d := meanAbsDiff(v.GX, v.X); !(d > 0.05) {
		t.Errorf("mean |G(x) - x| = %v; G barely changes its input", d)
	}
	pre := g.Metrics()
	fresh := openImage(t, SceneCycleGAN, WeightsRandom, nil).(*CycleGAN).Metrics()
	for _, k := range []string{"cycle_x", "cycle_y"} {
		if !(pre[k] < 0.5*fresh[k]) {
			t.Errorf("%s: pretrained %v, random weights %v; want the pretrained error well below", k, pre[k], fresh[k])
		}
	}
	c := NewCanvas(Width, Height)
	g.Render(c)
	if n := distinctColours(c, 100); n < 50 {
		t.Errorf("the frame has %d colours", n)
	}
}

// TestImageSceneDeterminism trains twice from random weights with the same seed, drawing
// in between in one run only: the losses must be the same.
func TestImageSceneDeterminism(t *testing.T) {
	run := func(draw bool) map[string]float64 {
		p := openImage(t, ScenePix2pixSketch, WeightsRandom, nil).(*Pix2pix)
		for range 2 {
			if draw {
				p.Render(NewCanvas(Width, Height))
			}
			if err := p.Step(1); err != nil {
				t.Fatal(err)
			}
		}
		return p.Metrics()
	}
	a, b := run(false), run(true)
	for _, k := range []string{"loss_D_real", "loss_D_fake", "loss_G_GAN", "loss_G_L1"} {
		if a[k] != b[k] || a[k] == 0 {
			t.Errorf("%s: %v without drawing, %v with; want equal and set", k, a[k], b[k])
		}
	}
}

// TestImageAssetErrors checks the message of a missing asset, a corrupt weight file, a
// truncated one, a weight file of another demo and a corrupt digits asset, through the
// App's snapshot (what the page shows), and that the frame says so.
func TestImageAssetErrors(t *testing.T) {
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join("..", p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	digits := read(assets.RepoDigits)
	dcgan := read(filepath.Join(assets.RepoWeights, "dcgan.safetensors"))
	corrupt := append([]byte(nil), dcgan...)
	corrupt[0] = 0xff // a header length beyond the file
	for _, tc := range []struct {
		name  string
		scene SceneKind
		files fstest.MapFS
		want  []string
		is    error
	}{
		{"missing weights", SceneDCGAN, fstest.MapFS{assets.Digits: {Data: digits}},
			[]string{"could not fetch assets/weights/dcgan.safetensors"}, fs.ErrNotExist},
		{"missing digits", SceneCGAN, fstest.MapFS{},
			[]string{"could not fetch assets/digits.gz"}, fs.ErrNotExist},
		{"corrupt weights", SceneDCGAN, fstest.MapFS{assets.Digits: {Data: digits}, assets.Weights("dcgan"): {Data: corrupt}},
			[]string{"weight file assets/weights/dcgan.safetensors"}, weights.ErrFormat},
		{"truncated weights", SceneDCGAN, fstest.MapFS{assets.Digits: {Data: digits}, assets.Weights("dcgan"): {Data: dcgan[:len(dcgan)/2]}},
			[]string{"weight file assets/weights/dcgan.safetensors"}, weights.ErrFormat},
		{"weights of another demo", SceneCGAN, fstest.MapFS{assets.Digits: {Data: digits}, assets.Weights("cgan"): {Data: dcgan}},
			[]string{"weight file assets/weights/cgan.safetensors", `"dcgan", not "cgan"`}, nil},
		{"corrupt digits", SceneDCGAN, fstest.MapFS{assets.Digits: {Data: digits[:1000]}, assets.Weights("dcgan"): {Data: dcgan}},
			[]string{"assets/digits.gz is corrupt"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultSettings()
			s.Scene = tc.scene
			a, err := NewApp(cpu.New(), s, nil, WithAssets(FSFetcher{FS: tc.files}))
			if err != nil {
				t.Fatal(err)
			}
			sc := a.Scene().(waiter)
			err = sc.Wait()
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
			a.Update()
			a.Render()
			sn := a.Snapshot()
			for _, w := range tc.want {
				if !strings.Contains(sn.Err, w) {
					t.Errorf("snapshot error %q does not say %q", sn.Err, w)
				}
			}
			if sn.Metrics["failed"] != 1 || sn.Metrics["loaded"] != 0 {
				t.Errorf("metrics %v; want failed 1, loaded 0", sn.Metrics)
			}
			shown := ""
			for _, l := range a.Canvas().Texts {
				shown += l.S
			}
			if !strings.Contains(shown, "error") || !strings.Contains(shown, tc.want[0][:20]) {
				t.Errorf("the frame's labels do not show the error: %q", shown)
			}
		})
	}
}

// TestImageSceneLoading checks that the App keeps drawing while an image scene loads (a
// progress bar) and takes the model over in Update once it is there; and that switching
// back to a scene does not fetch again.
func TestImageSceneLoading(t *testing.T) {
	gate := make(chan struct{})
	f := &countingFetcher{f: repoAssets(), gate: gate}
	s := DefaultSettings()
	s.Scene, s.Autoplay = ScenePix2pixEdges, false
	a, err := NewApp(cpu.New(), s, nil, WithAssets(f))
	if err != nil {
		t.Fatal(err)
	}
	a.Update()
	a.Render()
	if m := a.Snapshot().Metrics; m["loaded"] != 0 {
		t.Fatalf("loaded before the fetch was let through: %v", m)
	}
	shown := ""
	for _, l := range a.Canvas().Texts {
		shown += l.S
	}
	if !strings.Contains(shown, "loading") || !strings.Contains(shown, assets.Digits) {
		t.Errorf("the loading frame shows %q", shown)
	}
	close(gate)
	a.Scene().(waiter).Wait()
	a.Update()
	a.Render()
	if m := a.Snapshot().Metrics; m["loaded"] != 1 || m["patch_h"] != 2 {
		t.Errorf("after loading: %v", m)
	}
	n := f.calls
	a.SetParams(url.Values{"scene": {"mixture"}})
	a.SetParams(url.Values{"scene": {"pix2pix-edges"}})
	if err := a.Scene().(waiter).Wait(); err != nil {
		t.Fatal(err)
	}
	if f.calls != n {
		t.Errorf("returning to the scene fetched %d more times", f.calls-n)
	}
}

// countingFetcher counts fetches and holds each until gate is closed.
type countingFetcher struct {
	f     Fetcher
	gate  chan struct{}
	calls int
}

func (c *countingFetcher) Fetch(name string, progress func(got, total int64)) ([]byte, error) {
	<-c.gate
	c.calls++
	return c.f.Fetch(name, progress)
}

// TestDrawImage checks the nearest-neighbour scaling and the clipping of drawImage.
func TestDrawImage(t *testing.T) {
	im := imagedata.NewImage(3, 2, 2, -1)
	im.Set(0, 0, 1, 1) // top right red
	im.Set(2, 1, 0, 1) // bottom left blue
	c := NewCanvas(8, 8)
	drawImage(c, im, image.Rect(-4, 0, 4, 8)) // the left half is off the canvas
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			want := [3]uint8{}
			switch {
			case x < 4 && y < 4:
				want = [3]uint8{255, 0, 0}
			case x >= 4:
				want = [3]uint8{} // untouched (zero)
			}
			p := c.RGBAAt(x, y)
			if [3]uint8{p.R, p.G, p.B} != want {
				t.Fatalf("pixel (%d, %d) = %v; want %v", x, y, p, want)
			}
		}
	}
}

// TestImageScenePlaying checks that playing trains with weights=finetune and random but
// leaves the pretrained model alone with weights=pretrained (the step buttons still train).
func TestImageScenePlaying(t *testing.T) {
	for _, tc := range []struct {
		w     WeightsKind
		train bool
	}{{WeightsPretrained, false}, {WeightsFinetune, true}, {WeightsRandom, true}} {
		p := openImage(t, ScenePix2pixEdges, tc.w, repoAssets()).(*Pix2pix)
		if err := p.Update(true); err != nil {
			t.Fatal(err)
		}
		p.Render(NewCanvas(Width, Height))
		if got := p.Steps() > 0; got != tc.train {
			t.Errorf("weights=%v: playing trained %d steps; want training %v", tc.w, p.Steps(), tc.train)
		}
		n := p.Steps()
		p.Step(1)
		if p.Steps() != n+1 {
			t.Errorf("weights=%v: Step(1) went from %d to %d steps", tc.w, n, p.Steps())
		}
	}
}

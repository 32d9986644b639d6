package demos

import (
	"fmt"
	"image"
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/imagedata"
)

// Pix2pixView is what the Pix2pix scenes show: the input x (the user's drawing or a
// held-out example), G(x), the target y of the example (nil once the user drew on it or
// cleared it) and D's per-patch probability that (x, G(x)) is a real pair, PatchH ×
// PatchW values in [0, 1] row by row.
type Pix2pixView struct {
	Input, Output  imagedata.Image
	Target         *imagedata.Image
	Patch          []float64
	PatchH, PatchW int
	Step           int
}

// Pix2pix is the scene of the Pix2pix demos: pix2pix-edges (edges → digit, 32×32) and
// pix2pix-sketch (outline → shaded object, 64×64). The user draws the input with the
// mouse or a finger; buttons clear it or load held-out examples.
type Pix2pix struct {
	imageScene
	p2p     *models.Pix2pix
	input   imagedata.Image
	target  *imagedata.Image
	example int
	strokes int
	drawing bool
	lastX   float64 // last point of the stroke, in image pixels
	lastY   float64
	view    Pix2pixView
}

// Layout of the Pix2pix scenes: input, output, D's map over the output, target; buttons
// under the input. Everything stays left of x = 760, where the page's controls float.
var (
	p2pInput   = image.Rect(12, 64, 188, 240)
	p2pOutput  = image.Rect(200, 64, 376, 240)
	p2pPatch   = image.Rect(388, 64, 564, 240)
	p2pTarget  = image.Rect(576, 64, 752, 240)
	p2pClear   = image.Rect(12, 262, 72, 284)
	p2pPrev    = image.Rect(82, 262, 160, 284)
	p2pNext    = image.Rect(170, 262, 248, 284)
	p2pLosses  = image.Rect(12, 320, 752, 550)
	p2pButtons = []struct {
		r    image.Rectangle
		name string
	}{{p2pClear, "clear"}, {p2pPrev, "< example"}, {p2pNext, "example >"}}
)

// NewPix2pix starts the scene of s (pix2pix-edges or pix2pix-sketch).
func NewPix2pix(be engine.Backend, s Settings, f Fetcher) *Pix2pix {
	p := &Pix2pix{}
	p.start(be, s, f)
	return p
}

// Kind returns ScenePix2pixEdges or ScenePix2pixSketch.
func (p *Pix2pix) Kind() SceneKind { return p.kind }

func (p *Pix2pix) setup() error {
	m, ok := p.model.(*models.Pix2pix)
	if !ok {
		return fmt.Errorf("%s: model %T is not Pix2pix", p.kind, p.model)
	}
	p.p2p = m
	p.ShowExample(0)
	return nil
}

// Wait blocks until the assets are loaded and the model built (or that failed) and
// returns the scene's error.
func (p *Pix2pix) Wait() error {
	p.poll(true, p.setup)
	p.refresh(true)
	return p.err
}

// Update trains when playing, within the frame's time budget.
func (p *Pix2pix) Update(playing bool) error {
	p.update(playing, p.setup)
	return nil
}

// Step runs n training steps now.
func (p *Pix2pix) Step(n int) error { return p.step(n) }

// View returns what the scene shows as of the last frame.
func (p *Pix2pix) View() *Pix2pixView { return &p.view }

// ink and background values of the input, and the brush radius in image pixels.
func (p *Pix2pix) brush() (ink, bg float32, radius float64) {
	if p.kind == ScenePix2pixEdges {
		return 1, -1, 0.75 // white edges on black
	}
	return -1, 1, 1.1 // black outline on white
}

// Examples returns how many held-out examples there are (without limit: 0).
func (p *Pix2pix) examples() int {
	if p.kind == ScenePix2pixEdges && p.digits != nil {
		return p.digits.Test.Len()
	}
	return 0
}

// ShowExample loads held-out example i as the input, with its target.
func (p *Pix2pix) ShowExample(i int) {
	if !p.ready {
		return
	}
	if n := p.examples(); n > 0 {
		i = ((i % n) + n) % n
	} else if i < 0 {
		i = 0
	}
	p.example = i
	var pair imagedata.Pair
	if p.kind == ScenePix2pixEdges {
		pair = imagedata.EdgePair(p.digits.Test.Image(i))
	} else {
		pair = imagedata.Sketches{Seed: models.SketchSeed}.Pair(models.HeldOut + i)
	}
	p.input = pair.Input
	p.target = &pair.Target
	p.stale, p.force = true, true
}

// Clear empties the input.
func (p *Pix2pix) Clear() {
	if !p.ready {
		return
	}
	_, bg, _ := p.brush()
	p.input = imagedata.NewImage(p.input.C, p.input.H, p.input.W, bg)
	p.target = nil
	p.stale, p.force = true, true
}

// Input returns the current input image.
func (p *Pix2pix) Input() imagedata.Image { return p.input }

// Click presses the button under (x, y), if any.
func (p *Pix2pix) Click(x, y float64) {
	pt := image.Pt(int(x), int(y))
	switch {
	case pt.In(p2pClear):
		p.Clear()
	case pt.In(p2pPrev):
		p.ShowExample(p.example - 1)
	case pt.In(p2pNext):
		p.ShowExample(p.example + 1)
	}
}

// Drag draws on the input: a stroke starts (DragStart) where the pointer goes down on the
// input panel and follows it (DragMove) until it is lifted (DragEnd).
func (p *Pix2pix) Drag(phase DragPhase, x, y float64) {
	if !p.ready {
		return
	}
	inPanel := image.Pt(int(x), int(y)).In(p2pInput)
	ix := (x - float64(p2pInput.Min.X)) * float64(p.input.W) / float64(p2pInput.Dx())
	iy := (y - float64(p2pInput.Min.Y)) * float64(p.input.H) / float64(p2pInput.Dy())
	switch phase {
	case DragStart:
		if !inPanel {
			return
		}
		p.drawing = true
		p.strokes++
		p.target = nil
		p.paint(ix, iy, ix, iy)
	case DragMove:
		if p.drawing {
			p.paint(p.lastX, p.lastY, ix, iy)
		}
	case DragEnd:
		if p.drawing {
			p.paint(p.lastX, p.lastY, ix, iy)
		}
		p.drawing = false
	}
	p.lastX, p.lastY = ix, iy
}

// Stroke draws a stroke through the points (image pixels of the input), as Drag does.
func (p *Pix2pix) Stroke(pts [][2]float64) {
	if !p.ready || len(pts) == 0 {
		return
	}
	p.strokes++
	p.target = nil
	for i := range pts {
		j := max(i-1, 0)
		p.paint(pts[j][0], pts[j][1], pts[i][0], pts[i][1])
	}
}

// paint draws a segment of the brush from (x0, y0) to (x1, y1), in image pixels.
func (p *Pix2pix) paint(x0, y0, x1, y1 float64) {
	ink, _, rad := p.brush()
	n := int(math.Hypot(x1-x0, y1-y0)/0.4) + 1
	for k := 0; k <= n; k++ {
		t := float64(k) / float64(n)
		cx, cy := x0+t*(x1-x0), y0+t*(y1-y0)
		for py := int(math.Floor(cy - rad)); py <= int(math.Ceil(cy+rad)); py++ {
			for px := int(math.Floor(cx - rad)); px <= int(math.Ceil(cx+rad)); px++ {
				if px < 0 || py < 0 || px >= p.input.W || py >= p.input.H {
					continue
				}
				if dx, dy := float64(px)+0.5-cx, float64(py)+0.5-cy; dx*dx+dy*dy <= rad*rad {
					for ch := 0; ch < p.input.C; ch++ {
						p.input.Set(ch, py, px, ink)
					}
				}
			}
		}
	}
	p.stale, p.force = true, true
}

func (p *Pix2pix) refresh(now bool) {
	if now {
		p.force = true
	}
	if p.err != nil || !p.needView() {
		return
	}
	x := imagedata.Batch(p.dev, []imagedata.Image{p.input})
	out := p.p2p.TranslateView(x)
	patch := p.p2p.Patches(x, out)
	v := Pix2pixView{Input: p.input, Output: imagesOf(out)[0], Target: p.target, PatchH: patch.Dim(2), PatchW: patch.Dim(3), Step: p.Steps()}
	for _, f := range patch.Data() {
		v.Patch = append(v.Patch, float64(f))
	}
	v.Input.Pix = append([]float32(nil), p.input.Pix...)
	p.view = v
	p.viewDone()
}

// Render draws the input, G's output, D's map over the output, the target and the losses.
func (p *Pix2pix) Render(c *Canvas) {
	p.refresh(false)
	p.trained = false
	title := "Pix2pix: edges -> digit (draw edges on the left)"
	if p.kind == ScenePix2pixSketch {
		title = "Pix2pix: sketch -> shaded object (draw a closed outline on the left)"
	}
	if !p.drawCommon(c, title) {
		return
	}
	v := &p.view
	panel(c, p2pInput, "input x (draw here)")
	drawImage(c, v.Input, p2pInput)
	panel(c, p2pOutput, "G(x)")
	drawImage(c, v.Output, p2pOutput)
	panel(c, p2pPatch, "D(x, G(x)) per patch")
	c.Label(p2pPatch.Min.X, p2pPatch.Max.Y+6, "teal: real, purple: fake")
	drawImage(c, v.Output, p2pPatch)
	if !p.s.Hidden("heatmap") && v.PatchH > 0 {
		for i := range v.PatchH {
			for j := range v.PatchW {
				r := image.Rect(p2pPatch.Min.X+j*p2pPatch.Dx()/v.PatchW, p2pPatch.Min.Y+i*p2pPatch.Dy()/v.PatchH,
					p2pPatch.Min.X+(j+1)*p2pPatch.Dx()/v.PatchW, p2pPatch.Min.Y+(i+1)*p2pPatch.Dy()/v.PatchH)
				col := heatColour(v.Patch[i*v.PatchW+j])
				for y := r.Min.Y; y < r.Max.Y; y++ {
					for x := r.Min.X; x < r.Max.X; x++ {
						c.Blend(x, y, col, 0.7)
					}
				}
			}
		}
	}
	if v.Target != nil {
		panel(c, p2pTarget, fmt.Sprintf("target y (held-out %d)", p.example))
		drawImage(c, *v.Target, p2pTarget)
	} else {
		panel(c, p2pTarget, "target y: none (drawing)")
	}
	for _, b := range p2pButtons {
		c.FillRect(b.r, colGrid)
		c.Label(b.r.Min.X+6, b.r.Min.Y+4, b.name)
	}
	p.drawLosses(c, p2pLosses)
	c.Label(388, 262, "[s] step  [c] clear  [e] next example")
	c.Label(388, 278, "[space] trains with weights=finetune or random")
}

// Metrics returns loaded, progress, step, the losses (loss_D_real, loss_D_fake,
// loss_G_GAN, loss_G_L1), strokes, example, the means of the input and output, the map's
// size patch_h × patch_w and its mean, min and max, and l1_target (mean |G(x) - y|) while
// an example's target is shown.
func (p *Pix2pix) Metrics() map[string]float64 {
	m := p.metrics()
	v := &p.view
	m["strokes"], m["example"] = float64(p.strokes), float64(p.example)
	if v.PatchH == 0 {
		return m
	}
	m["input_mean"], m["output_mean"] = mean32(v.Input.Pix), mean32(v.Output.Pix)
	m["patch_h"], m["patch_w"] = float64(v.PatchH), float64(v.PatchW)
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, f := range v.Patch {
		lo, hi, sum = min(lo, f), max(hi, f), sum+f
	}
	m["patch_mean"], m["patch_min"], m["patch_max"] = sum/float64(len(v.Patch)), lo, hi
	if v.Target != nil && len(v.Target.Pix) == len(v.Output.Pix) {
		var e float64
		for i, t := range v.Target.Pix {
			e += math.Abs(float64(v.Output.Pix[i] - t))
		}
		m["l1_target"] = e / float64(len(v.Output.Pix))
	}
	return m
}

func mean32(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x)
	}
	return s / float64(max(len(v), 1))
}

package demos

import (
	"fmt"
	"image"
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/imagedata"
)

// CycleCols is the number of held-out images in each row of the CycleGAN scene.
const CycleCols = 5

// CycleGANView is what the CycleGAN scene shows for CycleCols held-out images of each
// domain: the X → Y → X rows x, G(x), F(G(x)) and the identity F(x), and the Y → X → Y
// rows y, F(y), G(F(y)) and the identity G(y).
type CycleGANView struct {
	X, GX, FGX, FX []imagedata.Image
	Y, FY, GFY, GY []imagedata.Image
	Step           int
}

// CycleGAN is the scene of the CycleGAN demo (horse ↔ zebra shapes, 32×32).
type CycleGAN struct {
	imageScene
	cg   *models.CycleGAN
	view CycleGANView
}

// Layout of the CycleGAN scene: two groups of four rows, then the losses.
var (
	cycleLeft   = image.Pt(84, 56)
	cycleRight  = image.Pt(472, 56)
	cycleCell   = 56 // 52 pixels and a gap
	cycleLosses = image.Rect(12, 310, 752, 550)
)

// NewCycleGAN starts the scene of s.
func NewCycleGAN(be engine.Backend, s Settings, f Fetcher) *CycleGAN {
	g := &CycleGAN{}
	g.start(be, s, f)
	return g
}

// Kind returns SceneCycleGAN.
func (g *CycleGAN) Kind() SceneKind { return SceneCycleGAN }

func (g *CycleGAN) setup() error {
	m, ok := g.model.(*models.CycleGAN)
	if !ok {
		return fmt.Errorf("%s: model %T is not CycleGAN", g.kind, g.model)
	}
	g.cg = m
	return nil
}

// Wait blocks until the model is built (or that failed) and returns the scene's error.
func (g *CycleGAN) Wait() error {
	g.poll(true, g.setup)
	g.refresh(true)
	return g.err
}

// Update trains when playing, within the frame's time budget.
func (g *CycleGAN) Update(playing bool) error {
	g.update(playing, g.setup)
	return nil
}

// Step runs n training steps now.
func (g *CycleGAN) Step(n int) error { return g.step(n) }

// View returns what the scene shows as of the last frame.
func (g *CycleGAN) View() *CycleGANView { return &g.view }

func (g *CycleGAN) refresh(now bool) {
	if now {
		g.force = true
	}
	if g.err != nil || !g.needView() {
		return
	}
	hz := imagedata.HorseZebra{Seed: models.HorseZebraSeed}
	xs, ys := make([]imagedata.Image, CycleCols), make([]imagedata.Image, CycleCols)
	for i := range xs {
		xs[i], ys[i] = hz.X(models.HeldOut+i), hz.Y(models.HeldOut+i)
	}
	// Three batched passes instead of six: G(x), G(y); F(G(x)), F(x), F(y); G(F(y)).
	// Instance norm treats each image alone, so batching changes nothing.
	n := CycleCols
	gxy := imagesOf(g.cg.Translate(imagedata.Batch(g.dev, append(append([]imagedata.Image(nil), xs...), ys...))))
	f3 := imagesOf(g.cg.TranslateBack(imagedata.Batch(g.dev, append(append(append([]imagedata.Image(nil), gxy[:n]...), xs...), ys...))))
	g.view = CycleGANView{
		X: xs, GX: gxy[:n], FGX: f3[:n], FX: f3[n : 2*n],
		Y: ys, FY: f3[2*n:], GFY: imagesOf(g.cg.Translate(imagedata.Batch(g.dev, f3[2*n:]))), GY: gxy[n:],
		Step: g.Steps(),
	}
	g.viewDone()
}

// Render draws both groups of rows and the losses.
func (g *CycleGAN) Render(c *Canvas) {
	g.refresh(false)
	g.trained = false
	if !g.drawCommon(c, "CycleGAN: horses (X, plain) <-> zebras (Y, striped), unpaired; G: X->Y, F: Y->X") {
		return
	}
	v := &g.view
	group := func(at image.Point, title string, rows [][]imagedata.Image, names []string) {
		c.Label(at.X, at.Y-14, title)
		for r, row := range rows {
			y0 := at.Y + 4 + r*cycleCell
			c.Label(at.X-72, y0+20, names[r])
			for i, im := range row {
				x0 := at.X + i*cycleCell
				drawImage(c, im, image.Rect(x0, y0, x0+cycleCell-4, y0+cycleCell-4))
			}
		}
	}
	group(cycleLeft, "X -> Y -> X", [][]imagedata.Image{v.X, v.GX, v.FGX, v.FX}, []string{"x", "G(x)", "F(G(x))", "F(x) id"})
	group(cycleRight, "Y -> X -> Y", [][]imagedata.Image{v.Y, v.FY, v.GFY, v.GY}, []string{"y", "F(y)", "G(F(y))", "G(y) id"})
	g.drawLosses(c, cycleLosses)
}

// Click does nothing in the CycleGAN scene.
func (g *CycleGAN) Click(x, y float64) {}

// Metrics returns loaded, progress, step, the six losses, cols, and the mean cycle
// errors cycle_x = |F(G(x)) - x| and cycle_y = |G(F(y)) - y| of the images shown.
func (g *CycleGAN) Metrics() map[string]float64 {
	m := g.metrics()
	v := &g.view
	if len(v.X) == 0 {
		return m
	}
	m["cols"] = float64(len(v.X))
	m["cycle_x"], m["cycle_y"] = meanAbsDiff(v.FGX, v.X), meanAbsDiff(v.GFY, v.Y)
	return m
}

// meanAbsDiff returns the mean |a - b| over the pixels of two image lists.
func meanAbsDiff(a, b []imagedata.Image) float64 {
	var s float64
	n := 0
	for i := range a {
		for k, p := range a[i].Pix {
			s += math.Abs(float64(p - b[i].Pix[k]))
			n++
		}
	}
	return s / float64(max(n, 1))
}

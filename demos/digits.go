package demos

import (
	"fmt"
	"image"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/imagedata"
)

// DigitsView is what the digit scenes show: the model's sample grid from noise fixed at
// construction (so that successive grids show training progress), Rows × Cols images row
// by row; for the conditional GAN row y shows class y.
type DigitsView struct {
	Rows, Cols  int
	Images      []imagedata.Image
	Conditional bool
	Step        int
}

// Digits is the scene of the DCGAN (scene dcgan) and the class-conditional GAN (scene
// cgan) on 28×28 MNIST digits.
type Digits struct {
	imageScene
	gan  *models.DCGAN
	view DigitsView
}

// Layout of the digit scenes.
var (
	digitsGrid   = image.Rect(40, 50, 540, 550)
	digitsLosses = image.Rect(560, 50, 760, 330)
)

// NewDigits starts the scene of s (dcgan or cgan); its assets load in the background.
func NewDigits(be engine.Backend, s Settings, f Fetcher) *Digits {
	d := &Digits{}
	d.start(be, s, f)
	return d
}

// Kind returns SceneDCGAN or SceneCGAN.
func (d *Digits) Kind() SceneKind { return d.kind }

func (d *Digits) setup() error {
	g, ok := d.model.(*models.DCGAN)
	if !ok {
		return fmt.Errorf("%s: model %T is not a DCGAN", d.kind, d.model)
	}
	d.gan = g
	return nil
}

// Update trains when playing, within the frame's time budget.
func (d *Digits) Update(playing bool) error {
	d.update(playing, d.setup)
	return nil
}

// Step runs n training steps now.
func (d *Digits) Step(n int) error { return d.step(n) }

// Wait blocks until the assets are loaded and the model built (or that failed), and
// returns the scene's error. Tests use it; the App polls instead.
func (d *Digits) Wait() error {
	d.poll(true, d.setup)
	d.refresh(true)
	return d.err
}

// View returns what the scene shows as of the last frame.
func (d *Digits) View() *DigitsView { return &d.view }

func (d *Digits) refresh(now bool) {
	if now {
		d.force = true
	}
	if d.err != nil || !d.needView() {
		return
	}
	x, rows, cols := d.gan.Grid()
	d.view = DigitsView{Rows: rows, Cols: cols, Images: imagesOf(x), Conditional: d.gan.Conditional(), Step: d.Steps()}
	d.viewDone()
}

// Render draws the grid (row labels for the classes), the losses and the progress.
func (d *Digits) Render(c *Canvas) {
	d.refresh(false)
	d.trained = false
	title := "DCGAN on MNIST digits: G(z) for fixed noise z"
	if d.kind == SceneCGAN {
		title = "conditional GAN on MNIST digits: G(z | y), one row per class y"
	}
	if !d.drawCommon(c, title) {
		return
	}
	v := &d.view
	if v.Rows == 0 || v.Cols == 0 {
		return
	}
	cell := min(digitsGrid.Dx()/v.Cols, digitsGrid.Dy()/v.Rows)
	c.FillRect(image.Rect(digitsGrid.Min.X, digitsGrid.Min.Y, digitsGrid.Min.X+cell*v.Cols, digitsGrid.Min.Y+cell*v.Rows), colPanel)
	for i, im := range v.Images {
		r, col := i/v.Cols, i%v.Cols
		x0, y0 := digitsGrid.Min.X+col*cell, digitsGrid.Min.Y+r*cell
		drawImage(c, im, image.Rect(x0+1, y0+1, x0+cell-1, y0+cell-1))
		if v.Conditional && col == 0 {
			c.Label(digitsGrid.Min.X-14, y0+cell/2-6, fmt.Sprint(r))
		}
	}
	d.drawLosses(c, digitsLosses)
	c.Label(digitsLosses.Min.X, digitsLosses.Max.Y+12, "[s] step  [r] reset")
	c.Label(digitsLosses.Min.X, digitsLosses.Max.Y+28, "[space] trains with")
	c.Label(digitsLosses.Min.X, digitsLosses.Max.Y+44, "weights=finetune or random")
}

// Click does nothing in the digit scenes.
func (d *Digits) Click(x, y float64) {}

// Metrics returns loaded, progress, step, the losses (loss_D, loss_G) and the grid's rows
// and cols.
func (d *Digits) Metrics() map[string]float64 {
	m := d.metrics()
	m["rows"], m["cols"] = float64(d.view.Rows), float64(d.view.Cols)
	return m
}

package demos

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"sync"
	"time"

	"github.com/ganplay/ganplay/demos/assets"
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/imagedata"
)

// Settings of the image scenes.
const (
	imageRecordEach = 1   // steps between records of the losses
	imageHistoryMax = 300 // records kept for the chart
	viewEvery       = 8   // frames between redraws of the model's outputs while training
	liveSteps       = 2000
	// LiveDigitBatch is the DCGAN's and the conditional GAN's batch size when they train in
	// the page: the pretrained weights used 64, a step of which takes about a second on
	// one core, far beyond a frame.
	LiveDigitBatch = 16
)

// ImageDemo returns the image demo that scene k shows, or 0 for the 2-D scenes.
func (k SceneKind) ImageDemo() models.ImageDemo {
	switch k {
	case SceneDCGAN:
		return models.DemoDCGAN
	case SceneCGAN:
		return models.DemoCGAN
	case ScenePix2pixEdges:
		return models.DemoPix2pixEdges
	case ScenePix2pixSketch:
		return models.DemoPix2pixSketch
	case SceneCycleGAN:
		return models.DemoCycleGAN
	}
	return 0
}

// Assets returns the served names of the assets that scene k fetches with settings s.
func Assets(k SceneKind, w WeightsKind) []string {
	d := k.ImageDemo()
	var out []string
	if d == 0 {
		return nil
	}
	if d.NeedsDigits() {
		out = append(out, assets.Digits)
	}
	if w != WeightsRandom {
		out = append(out, assets.Weights(d.String()))
	}
	return out
}

// loadProgress is what the loader goroutine reports while it fetches: bytes of each asset
// received so far and in all (0 when unknown).
type loadProgress struct {
	mu    sync.Mutex
	names []string
	got   []int64
	total []int64
	stage string
}

func (p *loadProgress) set(i int, got, total int64) {
	p.mu.Lock()
	p.got[i], p.total[i] = got, total
	p.mu.Unlock()
}

func (p *loadProgress) setStage(s string) {
	p.mu.Lock()
	p.stage = s
	p.mu.Unlock()
}

// fraction returns the share received (assets of unknown size count 0 until complete)
// and a line saying what happens.
func (p *loadProgress) fraction() (float64, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.names) == 0 {
		return 1, p.stage
	}
	var f float64
	for i := range p.names {
		if p.total[i] > 0 {
			f += min(float64(p.got[i])/float64(p.total[i]), 1)
		}
	}
	f /= float64(len(p.names))
	line := p.stage
	for i, n := range p.names {
		line += fmt.Sprintf("  %s %.1f/", n, float64(p.got[i])/1e6)
		if p.total[i] > 0 {
			line += fmt.Sprintf("%.1f MB", float64(p.total[i])/1e6)
		} else {
			line += "? MB"
		}
	}
	return f, line
}

// loaded is what the loader goroutine hands over.
type loaded struct {
	model  models.ImageModel
	src    models.Source
	digits *imagedata.Digits
	err    error
}

// imageScene is what the image scenes share: the assets fetched and the model built in a
// goroutine (so that the page keeps drawing, with a progress bar), then training within
// the per-frame time budget when playing, the losses, and the error that stopped it.
type imageScene struct {
	s     Settings
	kind  SceneKind
	demo  models.ImageDemo
	dev   *engine.Device
	prog  *loadProgress
	done  chan loaded
	ready bool

	model   models.ImageModel
	digits  *imagedata.Digits
	tr      *models.Trainer
	budget  Budget
	history []models.Record
	err     error

	trained   bool      // trained since the last drawn frame
	restUntil time.Time // no training before then (after a step longer than a frame)
	viewAt    time.Time
	viewCost  time.Duration // how long the last read-back took
	stale     bool          // the model changed since its outputs were last read back
	force     bool          // read back at the next frame whatever viewEvery says
	frame     int
	viewFrame int
}

// start begins loading: fetch the digits (when the demo needs them) and the weights (when
// s asks for them), then build the model from the weights or from the seed.
func (b *imageScene) start(be engine.Backend, s Settings, f Fetcher) {
	b.s, b.kind, b.demo = s, s.Scene, s.Scene.ImageDemo()
	b.dev = engine.NewDevice(be)
	b.budget = Budget{Limit: 12 * time.Millisecond}
	names := Assets(s.Scene, s.Weights)
	b.prog = &loadProgress{names: names, got: make([]int64, len(names)), total: make([]int64, len(names)), stage: "fetching"}
	b.done = make(chan loaded, 1)
	job := loadJob{kind: b.kind, demo: b.demo, seed: s.Seed, weights: s.Weights, dev: b.dev, prog: b.prog}
	go func() { b.done <- job.load(f, names) }()
}

// loadJob is what the loader goroutine works with: copies, so that the scene's settings
// can change (Retune) while it runs.
type loadJob struct {
	kind    SceneKind
	demo    models.ImageDemo
	seed    uint64
	weights WeightsKind
	dev     *engine.Device // not used by the scene until the job is done
	prog    *loadProgress
}

// load runs in its own goroutine; it touches only its own results and b.prog.
func (b loadJob) load(f Fetcher, names []string) loaded {
	if f == nil && len(names) > 0 {
		return loaded{err: fmt.Errorf("%s: no asset source to fetch %v from", b.kind, names)}
	}
	files := make(map[string][]byte, len(names))
	for i, n := range names {
		data, err := f.Fetch(n, func(got, total int64) { b.prog.set(i, got, total) })
		if err != nil {
			return loaded{err: fmt.Errorf("%s: could not fetch %s: %w", b.kind, n, err)}
		}
		files[n] = data
	}
	var r loaded
	if b.demo.NeedsDigits() {
		b.prog.setStage("reading the digits")
		d, err := imagedata.LoadDigits(bytes.NewReader(files[assets.Digits]))
		if err != nil {
			return loaded{err: fmt.Errorf("%s: %s is corrupt: %w", b.kind, assets.Digits, err)}
		}
		r.digits = d
	}
	b.prog.setStage("building the model")
	modelRNG, dataRNG, _ := models.Streams(b.seed)
	if b.weights != WeightsRandom {
		name := assets.Weights(b.demo.String())
		m, err := b.demo.LoadImageModel(b.dev, modelRNG, files[name])
		if err != nil {
			return loaded{err: fmt.Errorf("%s: weight file %s: %w", b.kind, name, err)}
		}
		r.model = m
	} else {
		batch := 0
		if b.demo == models.DemoDCGAN || b.demo == models.DemoCGAN {
			batch = LiveDigitBatch
		}
		cfg, err := b.demo.Config(liveSteps, batch)
		if err != nil {
			return loaded{err: err}
		}
		if r.model, err = b.demo.Build(b.dev, modelRNG, cfg); err != nil {
			return loaded{err: err}
		}
	}
	src, err := b.demo.Source(b.dev, dataRNG, r.digits)
	if err != nil {
		return loaded{err: err}
	}
	r.src = src
	if g, ok := r.model.(*models.DCGAN); ok {
		g.Config.Batch = LiveDigitBatch
	}
	return r
}

// poll takes over the loader's results once they are there; wait blocks until then.
func (b *imageScene) poll(wait bool, setup func() error) {
	if b.ready || b.err != nil {
		return
	}
	var r loaded
	if wait {
		r = <-b.done
	} else {
		select {
		case r = <-b.done:
		default:
			return
		}
	}
	if r.err != nil {
		b.err = r.err
		return
	}
	b.model, b.digits = r.model, r.digits
	b.tr = &models.Trainer{Model: r.model, Data: r.src, Every: imageRecordEach, OnRecord: func(rec models.Record) error {
		b.history = append(b.history, rec)
		if len(b.history) > imageHistoryMax {
			b.history = append(b.history[:0:0], b.history[len(b.history)-imageHistoryMax:]...)
		}
		return nil
	}}
	b.ready, b.stale, b.force = true, true, true
	if err := setup(); err != nil {
		b.err = err
	}
}

// Ready reports whether the assets are loaded and the model built.
func (b *imageScene) Ready() bool { return b.ready }

// Err returns the error that stopped the scene (a failed fetch, a corrupt asset, a
// diverged loss), or nil.
func (b *imageScene) Err() error { return b.err }

// Steps returns the training steps done.
func (b *imageScene) Steps() int {
	if b.tr == nil {
		return 0
	}
	return b.tr.Steps()
}

// History returns the records of the losses.
func (b *imageScene) History() []models.Record { return b.history }

// Retune keeps the scene (and its loaded model) unless the scene, the weights or the seed
// changed: the other settings do not apply to the image scenes.
func (b *imageScene) Retune(s Settings) bool {
	if s.Scene != b.s.Scene || s.Weights != b.s.Weights || s.Seed != b.s.Seed {
		return false
	}
	b.s = s
	return true
}

// update trains within the frame's time budget when playing.
func (b *imageScene) update(playing bool, setup func() error) {
	b.poll(false, setup)
	if !b.ready || b.err != nil {
		return
	}
	if playing && b.s.Weights != WeightsPretrained && !b.trained && !time.Now().Before(b.restUntil) {
		b.trained = true
		start := time.Now()
		n, err := b.budget.Run(b.s.Speed, b.tr.Step)
		// A step longer than the frame's budget (CycleGAN's, in the browser) is followed by
		// as long without training, so that drawing and the controls get half the time.
		if d := time.Since(start); d > b.budget.Limit {
			b.restUntil = time.Now().Add(d)
		}
		if err != nil {
			b.err = err
		}
		if n > 0 {
			b.stale = true
		}
	}
}

// step runs n training steps now; while loading it does nothing.
func (b *imageScene) step(n int) error {
	if !b.ready || b.err != nil {
		return nil
	}
	for range n {
		if err := b.tr.Step(); err != nil {
			b.err = err
			break
		}
	}
	b.stale, b.force = true, true
	return nil
}

// needView reports whether the model's outputs should be read back this frame: when they
// changed, at most every viewEvery frames while training (each read-back is a forward
// pass), at once after a step, a drawing or loading.
func (b *imageScene) needView() bool {
	b.frame++
	if !b.ready || !b.stale {
		return false
	}
	if !b.force && (b.frame-b.viewFrame < viewEvery || time.Since(b.viewAt) < 4*b.viewCost) {
		return false
	}
	b.stale, b.force, b.viewFrame = false, false, b.frame
	b.viewAt = time.Now()
	return true
}

// viewDone records how long a read-back took, so that while training the next one waits
// four times as long: read-backs then take at most a fifth of the time.
func (b *imageScene) viewDone() { b.viewCost = time.Since(b.viewAt) }

// metrics returns what every image scene reports: loaded (0 or 1), progress (0 to 1),
// failed (1 after an error), step and the last recorded losses as loss_NAME.
func (b *imageScene) metrics() map[string]float64 {
	m := map[string]float64{"loaded": 0, "step": float64(b.Steps())}
	if b.ready {
		m["loaded"] = 1
		m["progress"] = 1
	} else {
		m["progress"], _ = b.prog.fraction()
	}
	if b.err != nil {
		m["failed"] = 1
	}
	if h := b.history; len(h) > 0 {
		for _, l := range h[len(h)-1].Losses {
			m["loss_"+l.Name] = l.V
		}
	}
	return m
}

// Title colours and the chart palette of the losses.
var lossColours = []color.RGBA{colReal, colFake, colGreen, colRed, colMan, colArrow}

// drawCommon clears the canvas and draws the title; when the scene is not ready it draws
// the progress bar or the error and reports false.
func (b *imageScene) drawCommon(c *Canvas, title string) bool {
	c.Clear(colBG)
	c.Label(10, 8, title)
	mode := "pretrained weights (weights=finetune or random trains live)"
	switch b.s.Weights {
	case WeightsFinetune:
		mode = "pretrained weights, trained live while playing"
	case WeightsRandom:
		mode = "random weights, trained live while playing"
	}
	c.Label(10, 22, fmt.Sprintf("%s · step %d", mode, b.Steps()))
	if b.err != nil {
		box := image.Rect(40, 200, Width-40, 300)
		c.FillRect(box, colPanel)
		c.StrokeRect(box, colRed)
		c.Label(box.Min.X+10, box.Min.Y+10, "error")
		msg := b.err.Error()
		for i, y := 0, box.Min.Y+30; len(msg) > 0 && i < 4; i, y = i+1, y+16 {
			n := min(len(msg), 140)
			c.Label(box.Min.X+10, y, msg[:n])
			msg = msg[n:]
		}
		if !b.ready {
			return false
		}
	}
	if !b.ready {
		f, line := b.prog.fraction()
		box := image.Rect(200, 250, Width-200, 272)
		c.Label(box.Min.X, box.Min.Y-20, "loading the demo's assets")
		c.FillRect(box, colPanel)
		c.StrokeRect(box, colGrid)
		c.FillRect(image.Rect(box.Min.X+2, box.Min.Y+2, box.Min.X+2+int(f*float64(box.Dx()-4)), box.Max.Y-2), colReal)
		c.Label(box.Min.X, box.Max.Y+6, line)
		return false
	}
	return true
}

// drawLosses draws the recorded losses as a chart in r.
func (b *imageScene) drawLosses(c *Canvas, r image.Rectangle) {
	if b.s.Hidden("losses") {
		return
	}
	ch := Chart{Title: "losses"}
	for _, rec := range b.history {
		for i, l := range rec.Losses {
			if i >= len(ch.Series) {
				ch.Series = append(ch.Series, Series{Name: l.Name, Col: lossColours[i%len(lossColours)]})
			}
			s := &ch.Series[i]
			s.X = append(s.X, float64(rec.Step))
			s.Y = append(s.Y, l.V)
		}
	}
	ch.Draw(c, r)
}

// drawImage draws im (C = 1 or 3, values in [-1, 1]) into r, nearest neighbour. It
// converts each source pixel once and writes the canvas's bytes directly: the image
// scenes draw several hundred thousand pixels a frame.
func drawImage(c *Canvas, im imagedata.Image, r image.Rectangle) {
	clip := r.Intersect(c.Rect)
	if im.H == 0 || im.W == 0 || clip.Empty() {
		return
	}
	to8 := func(v float32) uint8 { return uint8(min(max((v+1)*127.5+0.5, 0), 255)) }
	src := make([]uint8, 4*im.H*im.W)
	for y := 0; y < im.H; y++ {
		for x := 0; x < im.W; x++ {
			o := 4 * (y*im.W + x)
			for k := 0; k < 3; k++ {
				src[o+k] = to8(im.At(min(k, im.C-1), y, x))
			}
			src[o+3] = 255
		}
	}
	xs := make([]int, clip.Dx()) // source column of each canvas column
	for i := range xs {
		xs[i] = 4 * ((clip.Min.X - r.Min.X + i) * im.W / r.Dx())
	}
	for py := clip.Min.Y; py < clip.Max.Y; py++ {
		row := src[4*im.W*((py-r.Min.Y)*im.H/r.Dy()):]
		dst := c.Pix[c.PixOffset(clip.Min.X, py):]
		for i, sx := range xs {
			copy(dst[4*i:4*i+4], row[sx:sx+4])
		}
	}
}

// imagesOf splits a batch [n, C, H, W] into its images.
func imagesOf(t *engine.Tensor) []imagedata.Image {
	if t == nil || t.Rank() != 4 {
		return nil
	}
	n, ch, h, w := t.Dim(0), t.Dim(1), t.Dim(2), t.Dim(3)
	data := t.Data()
	out := make([]imagedata.Image, n)
	for i := range out {
		out[i] = imagedata.Image{C: ch, H: h, W: w, Pix: append([]float32(nil), data[i*ch*h*w:(i+1)*ch*h*w]...)}
	}
	return out
}

// panel draws a captioned panel frame around r.
func panel(c *Canvas, r image.Rectangle, caption string) {
	c.FillRect(r.Inset(-2), colGrid)
	c.FillRect(r, colPanel)
	c.Label(r.Min.X, r.Min.Y-16, caption)
}

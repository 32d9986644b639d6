// Package game is the Ebiten layer of the demos: Game implements ebiten.Game as a thin
// adapter over demos.App. It copies the App's canvas to the screen, prints its labels and
// turns keyboard and mouse input into commands. All logic lives in package demos, which
// does not import Ebiten and is tested headless.
//
// Keyboard: 1 to 8 pick the scene (mixture, divergence, transport, dcgan, cgan,
// pix2pix-edges, pix2pix-sketch, cyclegan); space plays or pauses; S steps once, N steps
// ten times, D steps D alone, G steps G alone (Mixture); R resets; + and - change the
// speed; C and E clear the drawing and show the next example (Pix2pix). Click (or touch)
// adds a user point (Mixture, data=points), moves a point (Transport) or presses a scene's
// button; dragging draws (Pix2pix).
package game

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/ganplay/ganplay/demos"
)

// Game adapts a demos.App to ebiten.Game.
type Game struct {
	App *demos.App
	// Screenshot, when set, is where the frame drawn after ScreenshotFrames frames is written
	// as a PNG; Update then ends the game.
	Screenshot       string
	ScreenshotFrames int
	// ScreenshotReady, when set, holds the count of ScreenshotFrames back until it reports
	// true (an image scene whose assets are still loading).
	ScreenshotReady func() bool
	// OnFrame, when set, is called after each Draw (the browser resolves ready with it).
	OnFrame func(frame int)

	frames int
	shot   error
	done   bool
	drag   dragState
}

// New returns a Game for app.
func New(app *demos.App) *Game { return &Game{App: app} }

// ScreenshotErr returns the error of writing the screenshot, if any.
func (g *Game) ScreenshotErr() error { return g.shot }

// Update handles input and advances the App by one tick.
func (g *Game) Update() error {
	if g.done {
		return ebiten.Termination
	}
	g.input()
	return g.App.Update()
}

func (g *Game) input() {
	a := g.App
	for k, sc := range sceneKeys {
		if inpututil.IsKeyJustPressed(k) {
			a.Send(demos.Command{Kind: demos.CmdSet, Params: url.Values{"scene": {sc.String()}}})
		}
	}
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeySpace):
		a.Send(demos.Command{Kind: demos.CmdToggle})
	case inpututil.IsKeyJustPressed(ebiten.KeyS):
		a.Send(demos.Command{Kind: demos.CmdStep, N: 1})
	case inpututil.IsKeyJustPressed(ebiten.KeyN):
		a.Send(demos.Command{Kind: demos.CmdStep, N: 10})
	case inpututil.IsKeyJustPressed(ebiten.KeyD):
		a.Send(demos.Command{Kind: demos.CmdStep, N: 1, Which: demos.PhaseD})
	case inpututil.IsKeyJustPressed(ebiten.KeyG):
		a.Send(demos.Command{Kind: demos.CmdStep, N: 1, Which: demos.PhaseG})
	case inpututil.IsKeyJustPressed(ebiten.KeyR):
		a.Send(demos.Command{Kind: demos.CmdReset})
	case inpututil.IsKeyJustPressed(ebiten.KeyEqual), inpututil.IsKeyJustPressed(ebiten.KeyKPAdd):
		g.speed(2)
	case inpututil.IsKeyJustPressed(ebiten.KeyMinus), inpututil.IsKeyJustPressed(ebiten.KeyKPSubtract):
		g.speed(0.5)
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		x, y := ebiten.CursorPosition()
		a.Send(demos.Command{Kind: demos.CmdClick, X: float64(x), Y: float64(y)})
	}
	for _, id := range inpututil.AppendJustPressedTouchIDs(nil) {
		x, y := ebiten.TouchPosition(id)
		a.Send(demos.Command{Kind: demos.CmdClick, X: float64(x), Y: float64(y)})
	}
	for k, name := range sceneLetterKeys {
		if inpututil.IsKeyJustPressed(k) {
			a.Send(demos.Command{Kind: demos.CmdKey, Key: name})
		}
	}
	g.dragInput()
}

func (g *Game) speed(f float64) {
	s := min(max(g.App.Settings().Speed*f, 0.01), 200)
	g.App.Send(demos.Command{Kind: demos.CmdSet, Params: url.Values{"speed": {strconv.FormatFloat(s, 'g', 4, 64)}}})
}

// Draw copies the canvas to the screen and prints the labels.
func (g *Game) Draw(screen *ebiten.Image) {
	g.App.Render()
	c := g.App.Canvas()
	screen.WritePixels(c.Pix)
	for _, t := range c.Texts {
		ebitenutil.DebugPrintAt(screen, t.S, t.X, t.Y)
	}
	s := g.App.Settings()
	if !s.Hidden("fps") {
		state := "paused"
		if g.App.Playing() {
			state = "playing"
		}
		ebitenutil.DebugPrintAt(screen, fmt.Sprintf("%s  %.0f fps  [space] play/pause  [s] step  [d]/[g] step D/G  [1-8] scene  [r] reset", state, ebiten.ActualFPS()), 10, demos.StatusY)
	}
	if g.ScreenshotReady == nil || g.ScreenshotReady() {
		g.frames++
	}
	if g.Screenshot != "" && g.frames == max(g.ScreenshotFrames, 1) && !g.done {
		g.shot = writePNG(screen, g.Screenshot)
		g.done = true
	}
	if g.OnFrame != nil {
		g.OnFrame(g.frames)
	}
}

// Layout returns the canvas size: the window scales it.
func (g *Game) Layout(int, int) (int, int) { return demos.Width, demos.Height }

func writePNG(screen *ebiten.Image, path string) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

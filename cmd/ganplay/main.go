// Command ganplay opens ganplay's demos in a desktop window drawn by Ebiten. It runs the
// engine's CPU backend: natively, gogpu/wgpu and Ebiten cannot be linked into one binary
// (DESIGN.md, the link constraint).
//
//	ganplay [-query 'scene=mixture&data=ring&model=wgan-gp'] [-screenshot FILE -frames N]
//
// -query takes the browser's URL parameters. With -screenshot, ganplay writes the frame
// drawn after -frames frames as a PNG and exits (the desktop test runs it under Xvfb).
// The image demos' digits and pretrained weights are embedded in the binary.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/ganplay/ganplay/demos"
	"github.com/ganplay/ganplay/demos/assets"
	"github.com/ganplay/ganplay/demos/game"
	"github.com/ganplay/ganplay/engine/cpu"
	digits "github.com/ganplay/ganplay/models/imagedata/assets"
	"github.com/ganplay/ganplay/models/pretrained"
)

// embedded holds the image demos' data and weights, under the names the page fetches.
var embedded = assets.FS{DigitsFS: digits.FS, WeightsFS: pretrained.FS}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ganplay:", err)
		os.Exit(1)
	}
}

func run() error {
	query := flag.String("query", "", "settings as URL parameters, e.g. 'scene=divergence&theta=0.3'")
	shot := flag.String("screenshot", "", "write the frame drawn after -frames frames to this PNG file and exit")
	frames := flag.Int("frames", 30, "frames to draw before the screenshot")
	flag.Parse()

	s, bad := demos.Parse(*query)
	for _, e := range bad {
		fmt.Fprintln(os.Stderr, "ganplay:", e.Error())
	}
	app, err := demos.NewApp(cpu.New(), s, bad, demos.WithAssets(demos.FSFetcher{FS: embedded}))
	if err != nil {
		return err
	}
	g := game.New(app)
	g.Screenshot, g.ScreenshotFrames = *shot, *frames
	g.ScreenshotReady = func() bool { // image scenes: once their assets are in (or failed)
		m := app.Snapshot().Metrics
		_, image := m["loaded"]
		return !image || m["loaded"] == 1 || m["failed"] == 1
	}
	ebiten.SetWindowSize(demos.Width, demos.Height)
	ebiten.SetWindowTitle("ganplay")
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		return err
	}
	if *shot != "" {
		if err := g.ScreenshotErr(); err != nil {
			return fmt.Errorf("screenshot: %w", err)
		}
		fmt.Println("ganplay: wrote", *shot)
	}
	return nil
}

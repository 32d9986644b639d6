package e2e

import (
	"context"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ganplay/ganplay/demos/assets"
)

// imagePage is what images.mjs saw on one page.
type imagePage struct {
	URL            string             `json:"url"`
	ConsoleErrors  []string           `json:"consoleErrors"`
	State0         string             `json:"state0"`
	Fatal          string             `json:"fatal"`
	LoadMs         int                `json:"loadMs"`
	State          map[string]string  `json:"state"`
	Errors         []string           `json:"errors"`
	MetricsLoaded  map[string]float64 `json:"metricsLoaded"`
	MetricsStep    map[string]float64 `json:"metricsStep"`
	MetricsCleared map[string]float64 `json:"metricsCleared"`
	MetricsDrawn   map[string]float64 `json:"metricsDrawn"`
	Screenshots    map[string]string  `json:"screenshots"`
	ErrorsVisible  bool               `json:"errorsVisible"`
	ErrorsText     string             `json:"errorsText"`
}

type imageResult struct {
	Pages map[string]*imagePage `json:"pages"`
	Error string                `json:"error"`
}

// TestImageScenes opens each image scene on the dev server in headless Chromium, waits
// for its assets (fetched on demand), checks what it reports, steps it once, screenshots
// it, and on pix2pix-edges clears the drawing and draws a stroke with the mouse: the
// input and G's output must change, on screen too. Then it serves a dist-like folder
// with a corrupt and a missing weight file and checks the messages the page shows.
func TestImageScenes(t *testing.T) {
	root, ctx := setup(t)
	url := startServer(ctx, t, root)
	artifacts := filepath.Join(root, "e2e", "artifacts", "images")

	t.Run("scenes", func(t *testing.T) {
		res := runImages(ctx, t, root, url, artifacts, "scenes")
		checkImageScenes(t, res)
	})

	// The layout `make dist` writes, from a plain static host, with the DCGAN's weight file
	// corrupt and the CycleGAN's missing.
	t.Run("bad-assets", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "static"))); err != nil {
			t.Fatal(err)
		}
		digits, err := os.ReadFile(filepath.Join(root, assets.RepoDigits))
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.ReadFile(filepath.Join(root, assets.RepoWeights, "dcgan.safetensors"))
		if err != nil {
			t.Fatal(err)
		}
		w = w[:len(w)-1000] // truncated: the last tensors are cut off
		for name, data := range map[string][]byte{assets.Digits: digits, assets.Weights("dcgan"): w} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		defer srv.Close()
		res := runImages(ctx, t, root, srv.URL+"/", artifacts, "errors")
		if res.Error != "" {
			t.Errorf("images.mjs failed: %s", res.Error)
		}
		for name, want := range map[string][]string{
			"corrupt": {"weight file assets/weights/dcgan.safetensors", "weights:"},
			"missing": {"could not fetch assets/weights/cyclegan.safetensors", "HTTP 404"},
		} {
			p := res.Pages[name]
			if p == nil || p.State0 != "ready" {
				t.Errorf("%s: page not ready: %+v", name, p)
				continue
			}
			if p.MetricsLoaded["failed"] != 1 || p.MetricsLoaded["loaded"] != 0 {
				t.Errorf("%s: metrics %v; want failed 1, loaded 0", name, p.MetricsLoaded)
			}
			if !p.ErrorsVisible {
				t.Errorf("%s: the error box is hidden", name)
			}
			for _, w := range want {
				if !strings.Contains(p.ErrorsText, w) {
					t.Errorf("%s: the error box %q does not say %q", name, p.ErrorsText, w)
				}
			}
			checkShot(t, name, p.Screenshots[name], nil)
		}
	})
}

func runImages(ctx context.Context, t *testing.T, root, url, outDir, mode string) imageResult {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "images.mjs", url, outDir, mode)
	cmd.Dir = filepath.Join(root, "e2e")
	out, err := cmd.Output()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := lines[len(lines)-1]
	var res imageResult
	if !strings.HasPrefix(last, "{") || json.Unmarshal([]byte(last), &res) != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("node images.mjs %s %s: %v; no JSON result\nstdout:\n%s\nstderr:\n%s", url, mode, err, out, stderr)
	}
	t.Logf("images.mjs %s: %s", mode, last)
	return res
}

func checkImageScenes(t *testing.T, res imageResult) {
	if res.Error != "" {
		t.Errorf("images.mjs failed: %s", res.Error)
	}
	// What each scene must report once loaded, and a loss it records after a step.
	want := map[string]struct {
		metrics map[string]float64
		loss    string
	}{
		"dcgan":          {map[string]float64{"rows": 8, "cols": 8}, "loss_D"},
		"cgan":           {map[string]float64{"rows": 10, "cols": 10}, "loss_G"},
		"pix2pix-edges":  {map[string]float64{"patch_h": 2, "patch_w": 2, "example": 0}, "loss_G_L1"},
		"pix2pix-sketch": {map[string]float64{"patch_h": 6, "patch_w": 6, "example": 0}, "loss_G_L1"},
		"cyclegan":       {map[string]float64{"cols": 5}, "loss_cyc_X"},
	}
	for scene, w := range want {
		p := res.Pages[scene]
		if p == nil {
			t.Errorf("%s: not visited", scene)
			continue
		}
		if p.State0 != "ready" {
			t.Errorf("%s: not ready: %q %s", scene, p.State0, p.Fatal)
			continue
		}
		if len(p.ConsoleErrors) > 0 || len(p.Errors) > 0 {
			t.Errorf("%s: console errors %v, page errors %v", scene, p.ConsoleErrors, p.Errors)
		}
		if p.State["scene"] != scene || p.State["weights"] != "pretrained" {
			t.Errorf("%s: state() = %v", scene, p.State)
		}
		m := p.MetricsLoaded
		if m["loaded"] != 1 || m["progress"] != 1 || m["step"] != 0 {
			t.Errorf("%s: metrics once loaded %v", scene, m)
		}
		for k, v := range w.metrics {
			if m[k] != v {
				t.Errorf("%s: metrics()[%s] = %v; want %v", scene, k, m[k], v)
			}
		}
		if s := p.MetricsStep; s["step"] != 1 || s[w.loss] == 0 {
			t.Errorf("%s: after step(1): %v; want step 1 and %s", scene, s, w.loss)
		}
		if strings.HasPrefix(scene, "pix2pix") && !(m["l1_target"] < 0.1) {
			t.Errorf("%s: held-out example: mean |G(x) - y| = %v; want < 0.1", scene, m["l1_target"])
		}
		if scene == "cyclegan" && !(m["cycle_x"] < 0.3 && m["cycle_y"] < 0.3) {
			t.Errorf("cyclegan: cycle errors %v, %v; want < 0.3", m["cycle_x"], m["cycle_y"])
		}
		checkShot(t, scene, p.Screenshots[scene], nil)
		if n, _ := colours(p.Screenshots[scene]); n < 100 {
			t.Errorf("%s: the screenshot has %d colours; want the images' many", scene, n)
		}
		t.Logf("%s: assets loaded %d ms after the page was ready", scene, p.LoadMs)
	}

	p := res.Pages["pix2pix-edges"]
	if p == nil || p.State0 != "ready" {
		return
	}
	c, d := p.MetricsCleared, p.MetricsDrawn
	if c["input_mean"] != -1 || c["strokes"] != 0 {
		t.Errorf("pix2pix-edges: after the clear button: %v; want input_mean -1", c)
	}
	if d["strokes"] != 1 || !(d["input_mean"] > -1) || d["output_mean"] == c["output_mean"] {
		t.Errorf("pix2pix-edges: after the stroke: %v (cleared: %v); want a stroke in the input and a new output", d, c)
	}
	// On screen: the input and output panels changed (demos/pix2pix.go's layout).
	for _, r := range []struct {
		name string
		rect image.Rectangle
	}{{"input", image.Rect(12, 64, 188, 240)}, {"output", image.Rect(200, 64, 376, 240)}} {
		if n := changedPixels(t, p.Screenshots["pix2pix-cleared"], p.Screenshots["pix2pix-drawn"], r.rect); n < 200 {
			t.Errorf("pix2pix-edges: the stroke changed %d pixels of the %s panel on screen", n, r.name)
		}
	}
}

// changedPixels counts the pixels of the scene rectangle r (960×560 canvas coordinates,
// letterboxed into the screenshots) that differ between two screenshots.
func changedPixels(t *testing.T, a, b string, r image.Rectangle) int {
	t.Helper()
	load := func(p string) image.Image {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	ia, ib := load(a), load(b)
	bd := ia.Bounds()
	sc := min(float64(bd.Dx())/960, float64(bd.Dy())/560)
	ox, oy := (float64(bd.Dx())-960*sc)/2, (float64(bd.Dy())-560*sc)/2
	n := 0
	for y := int(oy + float64(r.Min.Y)*sc); y < int(oy+float64(r.Max.Y)*sc); y++ {
		for x := int(ox + float64(r.Min.X)*sc); x < int(ox+float64(r.Max.X)*sc); x++ {
			r1, g1, b1, _ := ia.At(x, y).RGBA()
			r2, g2, b2, _ := ib.At(x, y).RGBA()
			if iabs(int(r1>>8)-int(r2>>8))+iabs(int(g1>>8)-int(g2>>8))+iabs(int(b1>>8)-int(b2>>8)) > 30 {
				n++
			}
		}
	}
	return n
}

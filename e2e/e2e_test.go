// Package e2e holds ganplay's end-to-end tests. The browser tests build and start the real
// server, drive the pages in Debian's headless Chromium through playwright-core
// (playground.mjs), and check what the pages report and draw. The desktop test
// (desktop_test.go) runs cmd/ganplay under Xvfb.
//
// They need /usr/bin/chromium, node and e2e/node_modules (`make deps` installs them). When
// one is missing the tests skip, unless GANPLAY_E2E=1, which makes that a failure.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const chromium = "/usr/bin/chromium"

// playResult is the JSON line playground.mjs prints.
type playResult struct {
	BrowserVersion string           `json:"browserVersion"`
	Pages          map[string]*page `json:"pages"`
	Error          string           `json:"error"`
}

// page is what playground.mjs saw on one page.
type page struct {
	URL               string             `json:"url"`
	ConsoleErrors     []string           `json:"consoleErrors"`
	State0            string             `json:"state0"`
	Fatal             string             `json:"fatal"`
	LoadMs            int                `json:"loadMs"`
	Backend           *backend           `json:"backend"`
	BackendText       string             `json:"backendText"`
	State             map[string]string  `json:"state"`
	Ready             bool               `json:"ready"`
	Screenshots       map[string]string  `json:"screenshots"`
	Metrics0          map[string]float64 `json:"metrics0"`
	Metrics1          map[string]float64 `json:"metrics1"`
	Metrics2          map[string]float64 `json:"metrics2"`
	Metrics3          map[string]float64 `json:"metrics3"`
	Playing           bool               `json:"playing"`
	FPS               float64            `json:"fps"`
	DivergenceMetrics map[string]float64 `json:"divergenceMetrics"`
	URLAfterSet       string             `json:"urlAfterSet"`
	TransportState    map[string]string  `json:"transportState"`
	TransportMetrics  map[string]float64 `json:"transportMetrics"`
	Query             string             `json:"query"`
	Errors            []string           `json:"errors"`
	ErrorsVisible     bool               `json:"errorsVisible"`
	ErrorsText        string             `json:"errorsText"`
	ControlsVisible   bool               `json:"controlsVisible"`
	MiniVisible       bool               `json:"miniVisible"`
	Playing0          bool               `json:"playing0"`
	Playing1          bool               `json:"playing1"`
	StepDelta         float64            `json:"stepDelta"`
	StateAfterSet     map[string]string  `json:"stateAfterSet"`
	// Compare mode, the step buttons and CSV points (pages compare and steps).
	ControlsOverCanvas bool               `json:"controlsOverCanvas"`
	CanvasScaled       bool               `json:"canvasScaled"`
	MetricsText        string             `json:"metricsText"`
	SlowState          map[string]string  `json:"slowState"`
	CSVState           map[string]string  `json:"csvState"`
	CSVMetrics         map[string]float64 `json:"csvMetrics"`
	CSVErrorsVisible0  bool               `json:"csvErrorsVisible0"`
	BadCSVMetrics      map[string]float64 `json:"badCSVMetrics"`
	BadCSVReject       string             `json:"badCSVReject"`
	Visible            map[string]bool    `json:"visible"`
	// the device-loss page (backend_e2e_test.go)
	Loss *lossPage `json:"loss"`
}

type backend struct {
	Name    string `json:"name"`
	Adapter string `json:"adapter"`
	Limits  string `json:"limits"`
	Reason  string `json:"reason"`
}

// TestPlayground serves the playground (the dev server, then a plain static host) and
// checks, in headless Chromium: the page loads and window.ganplay.ready resolves; each
// scene renders (screenshot pixels: heat map, real and fake points, curves); training
// advances (step(n), the step buttons, play); URL parameters round-trip through state();
// a bad parameter shows its message; embed.html works in a small viewport and obeys
// postMessage; the backend line names the backend and why: WebGPU (SwiftShader) where
// backend=webgpu asks for it, the CPU otherwise, also after a simulated device loss (see
// checkBackend).
func TestPlayground(t *testing.T) {
	root, ctx := setup(t)

	url := startServer(ctx, t, root)
	checkServer(t, url)
	artifacts := filepath.Join(root, "e2e", "artifacts")

	t.Run("dev-server", func(t *testing.T) {
		checkPlayground(t, runPlayground(ctx, t, root, url, filepath.Join(artifacts, "dev-server"), false), false)
	})

	// The same files from a plain static host (what `make dist` is for): no gzip, no
	// X-Decoded-Length, the standard library's MIME types.
	t.Run("static-host", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "static"))); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		defer srv.Close()
		checkPlayground(t, runPlayground(ctx, t, root, srv.URL+"/", filepath.Join(artifacts, "static-host"), true), true)
	})
}

// setup begins a browser test: the checkout's root (the parent of e2e/), after
// requirePrerequisites, and a context that ends before the test binary's -timeout (see
// testContext), canceled when the test ends.
func setup(t *testing.T) (root string, ctx context.Context) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	requirePrerequisites(t, root)
	ctx, cancel := testContext(t)
	t.Cleanup(cancel)
	return root, ctx
}

// requirePrerequisites skips (or, with GANPLAY_E2E=1, fails) when a piece is missing.
func requirePrerequisites(t *testing.T, root string) {
	var missing []string
	if _, err := os.Stat(chromium); err != nil {
		missing = append(missing, chromium+" (Debian package chromium)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing = append(missing, "node (Debian package nodejs)")
	}
	if _, err := os.Stat(filepath.Join(root, "e2e", "node_modules", "playwright-core", "package.json")); err != nil {
		missing = append(missing, "e2e/node_modules/playwright-core (npm ci in e2e/)")
	}
	if len(missing) == 0 {
		return
	}
	msg := "browser tests need " + strings.Join(missing, ", ") + "; `make deps` installs them"
	if os.Getenv("GANPLAY_E2E") == "1" {
		t.Fatal(msg + " (GANPLAY_E2E=1 makes this a failure)")
	}
	t.Skip(msg + " (skipping; set GANPLAY_E2E=1 to make this a failure)")
}

// testContext ends a little before the test binary's -timeout, so that failures are
// reported with output instead of a panic.
func testContext(t *testing.T) (context.Context, context.CancelFunc) {
	if d, ok := t.Deadline(); ok {
		return context.WithDeadline(context.Background(), d.Add(-30*time.Second))
	}
	return context.WithTimeout(context.Background(), 30*time.Minute)
}

var servingRE = regexp.MustCompile(`^ganplay: serving (http://\S+)$`)

// startServer builds the dev server (serve.go) of the checkout at root, starts it with
// -port 0 there and returns the URL it prints. The first start builds the wasm, which takes
// a minute or more on two cores.
func startServer(ctx context.Context, t *testing.T, root string) string {
	bin := filepath.Join(t.TempDir(), "serve")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -o %s .: %v\n%s", bin, err, out)
	}
	cmd := exec.Command(bin, "-port", "0")
	cmd.Dir = root
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); pw.Close() }()

	var mu sync.Mutex
	var output bytes.Buffer
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			mu.Lock()
			fmt.Fprintln(&output, sc.Text())
			mu.Unlock()
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
		io.Copy(io.Discard, pr)
	}()
	out := func() string { mu.Lock(); defer mu.Unlock(); return output.String() }
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		t.Logf("server output:\n%s", out())
	})

	start := time.Now()
	select {
	case url := <-urls:
		t.Logf("server up at %s after %s", url, time.Since(start).Round(time.Second))
		return url
	case err := <-exited:
		// Let the reader drain what the server printed before it exited.
		time.Sleep(100 * time.Millisecond)
		t.Fatalf("server exited before serving (%v):\n%s", err, out())
	case <-ctx.Done():
		t.Fatalf("server printed no URL before the test deadline:\n%s", out())
	}
	return ""
}

// checkServer asks the real server for a few things the page depends on.
func checkServer(t *testing.T, url string) {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: time.Minute}
	get := func(path string, header ...string) *http.Response {
		req, err := http.NewRequest(http.MethodGet, url+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp
	}
	resp := get("ganplay.wasm", "Accept-Encoding", "gzip")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/wasm" ||
		resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("GET /ganplay.wasm: %s, Content-Type %q, Content-Encoding %q", resp.Status,
			resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"))
	}
	t.Logf("ganplay.wasm: %s bytes, %s gzipped", resp.Header.Get("X-Decoded-Length"), resp.Header.Get("Content-Length"))
	if resp := get("wasm_exec.js"); resp.StatusCode != http.StatusOK ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("GET /wasm_exec.js: %s, Content-Type %q", resp.Status, resp.Header.Get("Content-Type"))
	}
	if resp := get("%2e%2e/go.mod"); resp.StatusCode == http.StatusOK {
		t.Errorf("GET /%%2e%%2e/go.mod: %s", resp.Status)
	}
}

// runPlayground runs playground.mjs against url and returns the JSON line it printed.
func runPlayground(ctx context.Context, t *testing.T, root, url, outDir string, quick bool) playResult {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	args := []string{"playground.mjs", url, outDir}
	if quick {
		args = append(args, "quick")
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = filepath.Join(root, "e2e")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	var res playResult
	if !strings.HasPrefix(last, "{") || json.Unmarshal([]byte(last), &res) != nil {
		t.Fatalf("node playground.mjs %s: %v; no JSON result\nstdout:\n%s\nstderr:\n%s", url, err, stdout.String(), stderr.String())
	}
	t.Logf("playground.mjs: %s", last)
	if stderr.Len() > 0 {
		t.Logf("playground.mjs stderr:\n%s", stderr.String())
	}
	return res
}

func checkPlayground(t *testing.T, res playResult, quick bool) {
	if res.Error != "" {
		t.Errorf("playground.mjs failed: %s", res.Error)
	}
	names := []string{"main", "roundtrip", "bad", "embed", "loss", "compare", "compareLink", "steps"}
	if quick {
		names = names[:1]
	}
	for _, name := range names {
		p := res.Pages[name]
		if p == nil {
			t.Errorf("page %s: not visited", name)
			continue
		}
		if p.State0 != "ready" {
			t.Errorf("page %s (%s): not ready: %q %s", name, p.URL, p.State0, p.Fatal)
			continue
		}
		if len(p.ConsoleErrors) > 0 {
			t.Errorf("page %s: console errors:\n  %s", name, strings.Join(p.ConsoleErrors, "\n  "))
		}
		checkBackend(t, name, p)
	}
	if p := res.Pages["main"]; p != nil && p.State0 == "ready" {
		checkMain(t, p)
	}
	if quick {
		return
	}
	if p := res.Pages["roundtrip"]; p != nil && p.State0 == "ready" {
		q, err := url.ParseQuery(strings.TrimPrefix(p.Query, "?"))
		if err != nil {
			t.Fatal(err)
		}
		for k := range q {
			if p.State[k] != q.Get(k) {
				t.Errorf("roundtrip: state()[%q] = %q; the URL said %q", k, p.State[k], q.Get(k))
			}
		}
		if len(p.Errors) != 0 {
			t.Errorf("roundtrip: errors() = %v; want none", p.Errors)
		}
		// hide= named the model's input and the step D button: those alone are hidden.
		for sel, want := range map[string]bool{"#f-model": false, "#stepD": false, "#f-data": true, "#stepG": true} {
			if p.Visible[sel] != want {
				t.Errorf("roundtrip: %s visible %v; want %v (hide=%s)", sel, p.Visible[sel], want, q.Get("hide"))
			}
		}
	}
	if p := res.Pages["bad"]; p != nil && p.State0 == "ready" {
		if !p.ErrorsVisible {
			t.Error("bad: the error box is not visible")
		}
		for _, want := range []string{`lr-d="abc"`, "not a number", `batch="0"`, "out of range", `"frobnicate"`, "using the default",
			`opt-d="lbfgs"`, `k-g="0"`, `noise-shape="cube"`, `compare="vae"`, "want one of none, gan",
			`backend="cuda"`, "want one of auto, webgpu, cpu"} {
			if !strings.Contains(p.ErrorsText, want) {
				t.Errorf("bad: the error box %q does not say %q", p.ErrorsText, want)
			}
		}
		for k, def := range map[string]string{"lr-d": "auto", "batch": "64", "opt-d": "auto", "k-g": "1", "noise-shape": "gaussian", "compare": "none"} {
			if p.State[k] != def {
				t.Errorf("bad: state()[%q] = %q; want the default %q", k, p.State[k], def)
			}
		}
		checkShot(t, "bad", p.Screenshots["bad-param"], map[string]int{"real": 100})
	}
	if p := res.Pages["compare"]; p != nil && p.State0 == "ready" {
		checkCompare(t, p)
	}
	if p, q := res.Pages["compare"], res.Pages["compareLink"]; p != nil && q != nil && q.State0 == "ready" {
		for _, k := range []string{"step", "loss_D", "loss_G", "w1", "js_est", "b.step", "b.loss_D", "b.loss_G", "b.w1", "b.w_est"} {
			if p.Metrics0[k] != q.Metrics0[k] {
				t.Errorf("compare: the link ?%s reproduced %s = %v; the first run had %v", p.Query, k, q.Metrics0[k], p.Metrics0[k])
			}
		}
	}
	if p := res.Pages["steps"]; p != nil && p.State0 == "ready" {
		checkSteps(t, p)
	}
	if p := res.Pages["embed"]; p != nil && p.State0 == "ready" {
		if p.ControlsVisible || !p.MiniVisible {
			t.Errorf("embed: full controls visible %v, mini bar visible %v; want false, true", p.ControlsVisible, p.MiniVisible)
		}
		if !p.Playing0 || p.Playing1 {
			t.Errorf("embed: playing with autoplay=1 %v, after postMessage pause %v; want true, false", p.Playing0, p.Playing1)
		}
		if p.StepDelta < 5 {
			t.Errorf("embed: postMessage step 5 advanced %v steps", p.StepDelta)
		}
		if p.StateAfterSet["scene"] != "divergence" || p.StateAfterSet["theta"] != "1" {
			t.Errorf("embed: after postMessage set: state %v", p.StateAfterSet)
		}
		checkShot(t, "embed", p.Screenshots["embed"], map[string]int{"curves": 50})
	}
}

func checkMain(t *testing.T, p *page) {
	if !p.Ready {
		t.Error("main: window.ganplay.ready did not resolve")
	}
	if p.ControlsOverCanvas {
		t.Error("main: the controls card covers the canvas")
	}
	if !p.CanvasScaled {
		t.Error("main: the canvas's bitmap is not its size on the page (the frame is stretched)")
	}
	if p.State["scene"] != "mixture" || p.State["width"] != "32" || p.State["data"] != "grid" || p.State["autoplay"] != "0" {
		t.Errorf("main: state() = %v; want the URL's scene, width, data, autoplay", p.State)
	}
	m0, m1, m2, m3 := p.Metrics0, p.Metrics1, p.Metrics2, p.Metrics3
	if m0["step"] != 20 || m1["step"] != 40 {
		t.Errorf("main: steps after step(20) twice: %v, %v; want 20, 40", m0["step"], m1["step"])
	}
	for _, k := range []string{"loss_D", "loss_G", "w1", "js_est", "modes", "hq"} {
		if _, ok := m1[k]; !ok {
			t.Errorf("main: metrics() lacks %s: %v", k, m1)
		}
	}
	if m0["loss_D"] == m1["loss_D"] && m0["w1"] == m1["w1"] {
		t.Errorf("main: the metrics did not change after training: %v, %v", m0, m1)
	}
	if m2["step"] < m1["step"]+10 {
		t.Errorf("main: the step-10 button: step %v → %v", m1["step"], m2["step"])
	}
	if !p.Playing || !(m3["step"] > m2["step"]) {
		t.Errorf("main: play: playing %v, step %v → %v", p.Playing, m2["step"], m3["step"])
	}
	if !strings.Contains(p.URLAfterSet, "scene=divergence") {
		t.Errorf("main: the URL after choosing a scene is %s; want scene=divergence", p.URLAfterSet)
	}
	if d := p.DivergenceMetrics; math.Abs(d["seg_js"]-math.Ln2) > 1e-9 || math.Abs(d["seg_w1"]-math.Abs(d["theta"])) > 1e-6 {
		t.Errorf("main: divergence metrics %v; want JS = log 2 and W1 = |θ| for the segments", d)
	}
	if p.TransportState["scene"] != "transport" || p.TransportState["eps"] != "0.05" {
		t.Errorf("main: set({scene: transport, eps: 0.05}) = %v", p.TransportState)
	}
	if tm := p.TransportMetrics; !(tm["sinkhorn_cost"] >= tm["exact"]-1e-9) || !(tm["exact"] > 0) {
		t.Errorf("main: transport metrics %v; want sinkhorn_cost ≥ exact > 0", tm)
	}
	t.Logf("main: ready after %d ms, %.1f fps while training", p.LoadMs, p.FPS)
	checkShot(t, "mixture", p.Screenshots["mixture"], map[string]int{"real": 300, "fake": 100, "heat": 20000})
	checkShot(t, "divergence", p.Screenshots["divergence"], map[string]int{"curves": 300})
	checkShot(t, "transport", p.Screenshots["transport"], map[string]int{"real": 300, "fake": 300, "plan": 20000})
}

// checkCompare checks compare mode (compare=wgan-gp): after step(30) both runs made 30
// iterations (WGAN-GP's critic 5 updates each), their losses and W1 differ, the page shows
// both runs' numbers, the canvas shows two plots; compare=none ends it.
func checkCompare(t *testing.T, p *page) {
	m := p.Metrics0
	if m["step"] != 30 || m["b.step"] != 30 || m["steps_D"] != 30 || m["b.steps_D"] != 150 {
		t.Errorf("compare: after step(30): step %v, b.step %v, steps_D %v, b.steps_D %v; want 30, 30, 30, 150",
			m["step"], m["b.step"], m["steps_D"], m["b.steps_D"])
	}
	for _, k := range []string{"loss_D", "loss_G", "w1"} {
		a, okA := m[k]
		b, okB := m["b."+k]
		if !okA || !okB || a == b {
			t.Errorf("compare: %s of A %v (%v) and of B %v (%v); want both, diverging", k, a, okA, b, okB)
		}
	}
	if _, ok := m["b.w_est"]; !ok {
		t.Errorf("compare: no b.w_est (the WGAN-GP critic's estimate) in %v", m)
	}
	if !strings.Contains(p.MetricsText, "A: ") || !strings.Contains(p.MetricsText, "B: ") {
		t.Errorf("compare: the page's numbers %q do not show both runs", p.MetricsText)
	}
	checkHalves(t, "compare", p.Screenshots["compare"])
	if _, ok := p.Metrics1["b.step"]; ok || p.StateAfterSet["compare"] != "none" {
		t.Errorf("compare=none: state %v, metrics %v", p.StateAfterSet, p.Metrics1)
	}
}

// checkSteps checks the step D and step G buttons, step(n, 'D'), slow motion and points
// loaded from a CSV file, well formed and malformed.
func checkSteps(t *testing.T, p *page) {
	m0, m1, m2, m3 := p.Metrics0, p.Metrics1, p.Metrics2, p.Metrics3
	if m0["steps_D"] != 0 || m1["steps_D"] != 2 || m1["steps_G"] != 0 || m1["step"] != 0 {
		t.Errorf("steps: two clicks on step D: %v → %v; want steps_D 2, steps_G 0, step 0", m0, m1)
	}
	if m1["last_D"] == 0 {
		t.Errorf("steps: no loss of D after step D: %v", m1)
	}
	if m2["steps_D"] != 2 || m2["steps_G"] != 1 || m2["step"] != 0 {
		t.Errorf("steps: then step G: %v; want steps_D 2, steps_G 1, step 0", m2)
	}
	if m3["steps_D"] != 5 || m3["steps_G"] != 1 {
		t.Errorf("steps: then step(3, 'D'): %v; want steps_D 5, steps_G 1", m3)
	}
	if p.SlowState["speed"] != "0.1" {
		t.Errorf("steps: slow motion: speed %q; want 0.1", p.SlowState["speed"])
	}
	if n := len(strings.Fields(p.CSVState["points"])); n != 12 {
		t.Errorf("steps: state().points after a CSV of 12 points holds %d: %q", n, p.CSVState["points"])
	}
	if p.CSVState["data"] != "points" || p.CSVMetrics["points"] != 12 || p.CSVMetrics["step"] != 10 || p.CSVErrorsVisible0 {
		t.Errorf("steps: after loading a CSV of 12 points: state %v, metrics %v, error box %v", p.CSVState, p.CSVMetrics, p.CSVErrorsVisible0)
	}
	checkShot(t, "csv", p.Screenshots["csv"], map[string]int{"real": 100})
	if !p.ErrorsVisible || !strings.Contains(p.ErrorsText, "points CSV: line 3") || !strings.Contains(p.ErrorsText, `"oops"`) {
		t.Errorf("steps: a malformed CSV: error box visible %v, text %q; want the line and the field", p.ErrorsVisible, p.ErrorsText)
	}
	if p.BadCSVMetrics["points"] != 12 {
		t.Errorf("steps: a malformed CSV replaced the points: %v", p.BadCSVMetrics)
	}
	if !strings.Contains(p.BadCSVReject, "at least 8 points") {
		t.Errorf("steps: loadCSV of one point rejected with %q; want the minimum count", p.BadCSVReject)
	}
}

// checkHalves wants real and fake points in each half of the canvas (compare mode's two
// runs), where Ebiten letterboxes the 960×560 canvas into the screenshot.
func checkHalves(t *testing.T, name, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	b := img.Bounds()
	sc := min(float64(b.Dx())/960, float64(b.Dy())/560)
	ox := (float64(b.Dx()) - 960*sc) / 2
	mid := int(ox + 480*sc)
	var got [2]map[string]int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			half := 0
			if x >= mid {
				half = 1
			}
			if got[half] == nil {
				got[half] = map[string]int{}
			}
			r32, g32, b32, _ := img.At(x, y).RGBA()
			r, g, bl := int(r32>>8), int(g32>>8), int(b32>>8)
			for _, kind := range []string{"real", "fake"} {
				c := palette[kind][0]
				if iabs(r-c[0]) <= 30 && iabs(g-c[1]) <= 30 && iabs(bl-c[2]) <= 30 {
					got[half][kind]++
				}
			}
		}
	}
	for i, side := range []string{"left (A)", "right (B)"} {
		if got[i]["real"] < 100 || got[i]["fake"] < 30 {
			t.Errorf("%s: %s half of %s: %v; want ≥ 100 real and ≥ 30 fake pixels", name, side, path, got[i])
		}
	}
	t.Logf("%s: %s: halves %v", name, path, got)
}

// Colours of what the scenes draw (demos/canvas.go), with the tolerance used to find them.
var palette = map[string][][3]int{
	"real":   {{0x2e, 0xa0, 0xff}},
	"fake":   {{0xff, 0x8c, 0x1a}},
	"curves": {{0x4c, 0xd1, 0x7a}, {0xff, 0x8c, 0x1a}, {0x2e, 0xa0, 0xff}},
}

// checkShot counts the pixels of each kind in the screenshot and wants at least min[kind]:
// "real", "fake" and "curves" by colour; "heat" the heat map's tinted pixels inside the
// Mixture scene's plot; "plan" the transport lines (yellow blends).
func checkShot(t *testing.T, name, path string, want map[string]int) {
	t.Helper()
	if path == "" {
		t.Errorf("%s: no screenshot", name)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	got := map[string]int{}
	b := img.Bounds()
	// The Mixture scene's plot (demos: (10, 26)-(524, 540) of a 960×560 canvas), where Ebiten
	// letterboxes the canvas into the page.
	sc := min(float64(b.Dx())/960, float64(b.Dy())/560)
	ox, oy := (float64(b.Dx())-960*sc)/2, (float64(b.Dy())-560*sc)/2
	plot := image.Rect(int(ox+12*sc), int(oy+28*sc), int(ox+522*sc), int(oy+538*sc))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r32, g32, b32, _ := img.At(x, y).RGBA()
			r, g, bl := int(r32>>8), int(g32>>8), int(b32>>8)
			for kind, cols := range palette {
				for _, c := range cols {
					if iabs(r-c[0]) <= 30 && iabs(g-c[1]) <= 30 && iabs(bl-c[2]) <= 30 {
						got[kind]++
						break
					}
				}
			}
			if image.Pt(x, y).In(plot) && isHeat(r, g, bl) {
				got["heat"]++
			}
			if r > 0x50 && iabs(r-g) < 0x30 && bl < g-0x18 {
				got["plan"]++
			}
		}
	}
	n, _ := colours(path)
	if n < 10 {
		t.Errorf("%s: screenshot %s is blank (%d colours)", name, path, n)
	}
	for kind, min := range want {
		if got[kind] < min {
			t.Errorf("%s: %d %s pixels in %s; want ≥ %d", name, got[kind], kind, path, min)
		}
	}
	t.Logf("%s: %s: %d+ colours, pixels %v", name, path, n, got)
}

// heatTable holds the heat map's colours (demos/canvas.go heatColour) for D values at least
// 0.08 away from 0.5, the ones that show a tint.
var heatTable = func() [][3]int {
	var t [][3]int
	lo, mid, hi := [3]float64{0x70, 0x24, 0x78}, [3]float64{0x2a, 0x31, 0x44}, [3]float64{0x10, 0x86, 0x74}
	for i := 0; i <= 100; i++ {
		d := 2 * (float64(i)/100 - 0.5)
		if math.Abs(d) < 0.16 {
			continue
		}
		end := hi
		if d < 0 {
			end, d = lo, -d
		}
		u := math.Sqrt(d)
		t = append(t, [3]int{int(mid[0] + u*(end[0]-mid[0])), int(mid[1] + u*(end[1]-mid[1])), int(mid[2] + u*(end[2]-mid[2]))})
	}
	return t
}()

func isHeat(r, g, b int) bool {
	for _, c := range heatTable {
		if iabs(r-c[0]) <= 6 && iabs(g-c[1]) <= 6 && iabs(b-c[2]) <= 6 {
			return true
		}
	}
	return false
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// colours counts the distinct colours of a PNG, stopping at 1000.
func colours(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return 0, err
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen), nil
			}
		}
	}
	return len(seen), nil
}

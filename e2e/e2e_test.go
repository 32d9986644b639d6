// Package e2e holds ganplay's browser tests: they build and start the real server, open
// the page in Debian's headless Chromium through playwright-core (smoke.mjs), and check
// what the page reports.
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
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

const chromium = "/usr/bin/chromium"

// smokeResult is the JSON line smoke.mjs prints.
type smokeResult struct {
	URL            string    `json:"url"`
	BrowserVersion string    `json:"browserVersion"`
	Backend        *backend  `json:"backend"`
	Check          []float64 `json:"check"`
	BackendText    string    `json:"backendText"`
	CheckText      string    `json:"checkText"`
	Screenshot     string    `json:"screenshot"`
	ConsoleErrors  []string  `json:"consoleErrors"`
	LoadMs         int       `json:"loadMs"`
	Error          string    `json:"error"`
}

type backend struct {
	Name    string `json:"name"`
	Adapter string `json:"adapter"`
	Reason  string `json:"reason"`
}

func TestSmoke(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	requirePrerequisites(t, root)
	ctx, cancel := testContext(t)
	defer cancel()

	bin := filepath.Join(t.TempDir(), "serve")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -o %s .: %v\n%s", bin, err, out)
	}
	url := startServer(ctx, t, bin, root)
	checkServer(t, url)
	artifacts := filepath.Join(root, "e2e", "artifacts")

	t.Run("dev-server", func(t *testing.T) {
		checkPage(t, runSmoke(ctx, t, root, url, filepath.Join(artifacts, "dev-server")))
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
		checkPage(t, runSmoke(ctx, t, root, srv.URL+"/", filepath.Join(artifacts, "static-host")))
	})
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

// startServer starts bin -port 0 in root and returns the URL it prints. The first start
// builds the wasm, which takes a minute or more on two cores.
func startServer(ctx context.Context, t *testing.T, bin, root string) string {
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

// runSmoke runs smoke.mjs against url and returns the JSON line it printed.
func runSmoke(ctx context.Context, t *testing.T, root, url, outDir string) smokeResult {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "smoke.mjs", url, outDir)
	cmd.Dir = filepath.Join(root, "e2e")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	var res smokeResult
	if !strings.HasPrefix(last, "{") || json.Unmarshal([]byte(last), &res) != nil {
		t.Fatalf("node smoke.mjs %s: %v; no JSON result\nstdout:\n%s\nstderr:\n%s", url, err, stdout.String(), stderr.String())
	}
	t.Logf("smoke.mjs: %s", last)
	if stderr.Len() > 0 {
		t.Logf("smoke.mjs stderr:\n%s", stderr.String())
	}
	return res
}

func checkPage(t *testing.T, res smokeResult) {
	if res.Error != "" {
		t.Errorf("page failed: %s", res.Error)
	}
	if len(res.ConsoleErrors) > 0 {
		t.Errorf("console errors:\n  %s", strings.Join(res.ConsoleErrors, "\n  "))
	}
	if res.Backend == nil || res.Backend.Name != "cpu" {
		t.Errorf("window.ganplay.backend() = %+v, want name cpu", res.Backend)
	} else if res.Backend.Reason == "" {
		t.Errorf("window.ganplay.backend() gives no reason for the CPU backend")
	}
	if want := []float64{7, 10, 15, 22}; !slices.Equal(res.Check, want) {
		t.Errorf("window.ganplay.check() = %v, want %v", res.Check, want)
	}
	if !strings.Contains(res.BackendText, "cpu") || (res.Backend != nil && !strings.Contains(res.BackendText, res.Backend.Reason)) {
		t.Errorf("the page's backend text %q does not name the backend and its reason", res.BackendText)
	}
	if !strings.Contains(res.CheckText, "[7,10,15,22]") || !strings.Contains(res.CheckText, "correct") {
		t.Errorf("the page's check text %q does not show the result", res.CheckText)
	}
	if res.Screenshot == "" {
		t.Fatal("no screenshot")
	}
	t.Logf("screenshot: %s (page ready after %d ms in %s)", res.Screenshot, res.LoadMs, res.BrowserVersion)
	if n, err := colours(res.Screenshot); err != nil {
		t.Errorf("screenshot: %v", err)
	} else if n < 2 {
		t.Errorf("screenshot %s is blank (%d colour)", res.Screenshot, n)
	}
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

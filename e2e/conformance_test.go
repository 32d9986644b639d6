package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// minConformancePasses is the fewest passing subtests a full run of the conformance suite
// may report (it has 556 with the parent test): fewer means that families were skipped or
// the suite did not run at all. A run narrowed by GANPLAY_CONFORMANCE_RUN needs only one
// pass per family.
const minConformancePasses = 500

// conformanceFamilies are the top-level families of enginetest.TestBackend; each must have
// passing subtests.
var conformanceFamilies = []string{"Tensor", "Autograd", "OptimStep", "Unary", "Binary", "Reduce",
	"MatMul", "Movement", "Im2Col", "Conv2d", "ConvTranspose2d", "Pool"}

// TestBrowserConformance builds engine/webgpu's test binary for GOOS=js GOARCH=wasm, serves
// it from 127.0.0.1 with conformance.html, and runs TestBrowserConformance (the engine's
// conformance suite on the browser's WebGPU) in headless Chromium on SwiftShader. It fails
// listing every failed subtest (op case), and when too few subtests passed: a suite that
// skipped (no adapter) or stopped early. The whole suite takes about 20 s there;
// GANPLAY_CONFORMANCE_RUN replaces the -test.run pattern to run a part of it.
func TestBrowserConformance(t *testing.T) {
	root, ctx := setup(t)

	dir := t.TempDir()
	start := time.Now()
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", filepath.Join(dir, "webgpu.test.wasm"), "./engine/webgpu")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go test -c ./engine/webgpu: %v\n%s", err, out)
	}
	t.Logf("built the wasm test binary in %v", time.Since(start).Round(time.Millisecond))
	if err := copyWasmExec(filepath.Join(dir, "wasm_exec.js")); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("conformance.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "conformance.html"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir))) // listens on 127.0.0.1
	defer srv.Close()

	run := "^TestBrowserConformance$"
	full := true
	if r := os.Getenv("GANPLAY_CONFORMANCE_RUN"); r != "" {
		run, full = r, false
	}
	u := srv.URL + "/conformance.html?" + url.Values{"run": {run}, "timeout": {"15m"}}.Encode()
	start = time.Now()
	res, err := runConformance(ctx, t, u, 16*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("suite ran in Chromium %s in %v: %d subtests passed", res.browser, time.Since(start).Round(time.Millisecond), len(res.passed))
	checkConformance(t, res, full)
}

// conformanceRun is what the page reported.
type conformanceRun struct {
	browser        string
	navigatorGPU   bool
	done           bool
	code           int
	pageErr        string
	passed, failed []string
	skipped        []string
	output         string // the test binary's output, for failure messages
}

// runConformance runs conformance.mjs on u and parses the test binary's -test.v output.
func runConformance(ctx context.Context, t *testing.T, u string, timeout time.Duration) (*conformanceRun, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout+2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "conformance.mjs", u, fmt.Sprint(timeout.Milliseconds()))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if stderr.Len() > 0 {
		t.Logf("conformance.mjs stderr:\n%s", stderr.String())
	}
	res, perr := parseConformance(stdout.String())
	if perr != nil {
		return nil, fmt.Errorf("node conformance.mjs: %v (%v)\nstdout:\n%s", perr, err, tail(stdout.String(), 4000))
	}
	return res, nil
}

var resultRE = regexp.MustCompile(`^\s*--- (PASS|FAIL|SKIP): (\S+)`)

// parseConformance reads the test output lines and the final JSON line of conformance.mjs.
func parseConformance(out string) (*conformanceRun, error) {
	res := &conformanceRun{output: out}
	var last string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) != "" {
			last = line
		}
		m := resultRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch m[1] {
		case "PASS":
			res.passed = append(res.passed, m[2])
		case "FAIL":
			res.failed = append(res.failed, m[2])
		case "SKIP":
			res.skipped = append(res.skipped, m[2])
		}
	}
	var j struct {
		BrowserVersion string `json:"browserVersion"`
		NavigatorGPU   bool   `json:"navigatorGPU"`
		Error          string `json:"error"`
		Result         *struct {
			Done  bool   `json:"done"`
			Code  *int   `json:"code"`
			Error string `json:"error"`
		} `json:"result"`
	}
	if !strings.HasPrefix(last, "{") || json.Unmarshal([]byte(last), &j) != nil {
		return nil, fmt.Errorf("no JSON result line")
	}
	res.browser, res.navigatorGPU, res.pageErr = j.BrowserVersion, j.NavigatorGPU, j.Error
	if r := j.Result; r != nil {
		res.done = r.Done
		if r.Code != nil {
			res.code = *r.Code
		}
		if r.Error != "" {
			res.pageErr = r.Error
		}
	}
	return res, nil
}

// checkConformance fails on failed subtests, on a run that did not finish, and on too few
// passes or a family without any.
func checkConformance(t *testing.T, res *conformanceRun, full bool) {
	if !res.navigatorGPU {
		t.Error("the page has no navigator.gpu: Chromium started without WebGPU")
	}
	if res.pageErr != "" {
		t.Errorf("the page failed: %s", res.pageErr)
	}
	if len(res.failed) > 0 {
		sort.Strings(res.failed)
		t.Errorf("%d subtests failed in the browser:\n  %s\noutput (end):\n%s", len(res.failed),
			strings.Join(res.failed, "\n  "), tail(res.output, 6000))
	}
	if !res.done || res.code != 0 {
		t.Errorf("the test binary did not finish cleanly (done %v, exit code %d); output (end):\n%s", res.done, res.code, tail(res.output, 6000))
	}
	if len(res.skipped) > 0 {
		t.Errorf("skipped in the browser (no WebGPU adapter?): %v", res.skipped)
	}
	if len(res.passed) == 0 {
		t.Error("no subtest passed")
	}
	if full && len(res.passed) < minConformancePasses {
		t.Errorf("only %d subtests passed; a full run of the suite has about 556", len(res.passed))
	}
	if !full {
		return
	}
	for _, fam := range conformanceFamilies {
		n := 0
		for _, p := range res.passed {
			if strings.HasPrefix(p, "TestBrowserConformance/"+fam+"/") {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no subtest of %s passed", fam)
		}
	}
}

// copyWasmExec copies the Go root's wasm_exec.js (lib/wasm since Go 1.24, misc/wasm before).
func copyWasmExec(dst string) error {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	goroot := strings.TrimSpace(string(out))
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		src, err := os.Open(filepath.Join(goroot, dir, "wasm_exec.js"))
		if err != nil {
			continue
		}
		defer src.Close()
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, src); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return fmt.Errorf("no wasm_exec.js under %s/lib/wasm or misc/wasm", goroot)
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// runCmd runs ganctl in-process and returns its output, error and exit code.
func runCmd(args ...string) (string, error, int) {
	var out bytes.Buffer
	err := run(args, &out)
	return out.String(), err, exitCode(err)
}

// TestBadInput checks that bad commands, flags and inputs are clear errors with exit code
// 2, never panics.
func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "no command"},
		{[]string{"fly"}, `unknown command "fly"`},
		{[]string{"train", "--model", "vae"}, `unknown model "vae"`},
		{[]string{"train", "--data", "moons"}, `unknown dataset "moons"`},
		{[]string{"train", "--data", "testdata/missing.csv"}, "no such file"},
		{[]string{"train", "--data", "testdata/nan.csv"}, "line 12: x is NaN"},
		{[]string{"train", "--data", "testdata/few.csv"}, "at least 8 points"},
		{[]string{"train", "--steps", "x"}, `invalid value "x" for flag -steps`},
		{[]string{"train", "--steps", "0"}, "--steps 0"},
		{[]string{"train", "--lr-d", "-1"}, "learning rate of D -1 must be a finite number > 0"},
		{[]string{"train", "--batch", "0"}, "batch 0 must be ≥ 1"},
		{[]string{"train", "--model", "wgan", "--n-critic", "0"}, "n_critic 0 must be ≥ 1"},
		{[]string{"train", "--model", "gan", "--clip", "0.1"}, "--clip applies only to --model wgan"},
		{[]string{"train", "--model", "cgan", "--data", "swissroll"}, "cgan needs labelled data"},
		{[]string{"train", "--csv", "testdata/no/such/dir/out.csv", "--steps", "1"}, "--csv"},
		{[]string{"train", "extra"}, `unexpected argument "extra"`},
		{[]string{"experiment"}, "want an experiment name"},
		{[]string{"experiment", "mode-collapse", "--seeds", "0"}, "--seeds 0"},
		{[]string{"ot", "--a", "testdata/a.csv"}, "--a and --b are required"},
		{[]string{"ot", "--a", "testdata/a.csv", "--b", "testdata/b.json", "--eps", "0"}, "--eps 0"},
		{[]string{"ot", "--a", "testdata/a.csv", "--b", "testdata/nan.csv"}, "NaN"},
		{[]string{"divergence"}, "--theta is required"},
		{[]string{"divergence", "--theta", "NaN"}, "must be finite"},
		{[]string{"divergence", "--theta", "1", "--sigma", "-1"}, "--sigma -1"},
		{[]string{"bench", "--workload", "toygan,nope"}, `unknown workload "nope"`},
		{[]string{"bench", "--seconds", "0"}, "seconds 0 out of range"},
		{[]string{"bench", "--backend", "cuda"}, "--backend"},
	} {
		_, err, code := runCmd(c.args...)
		if err == nil || code != 2 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ganctl %s: error %v, exit code %d; want code 2 and %q", strings.Join(c.args, " "), err, code, c.want)
		}
	}
}

// TestHelp checks that -h prints the flags and succeeds.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"train", "-h"}, {"ot", "-h"}, {"divergence", "-h"}, {"experiment", "mode-collapse", "-h"}} {
		out, err, code := runCmd(args...)
		if err != nil || code != 0 || !strings.Contains(out, "usage") {
			t.Errorf("ganctl %s: error %v, code %d, output %q", strings.Join(args, " "), err, code, out)
		}
	}
}

// TestTrain trains each model for a few steps with tiny networks and checks the metric lines
// and the CSV file.
func TestTrain(t *testing.T) {
	dir := t.TempDir()
	for _, model := range []string{"gan", "gan-minimax", "lsgan", "wgan", "wgan-gp", "cgan"} {
		csvPath := filepath.Join(dir, model+".csv")
		out, err, _ := runCmd("train", "--model", model, "--data", "ring", "--steps", "4", "--every", "2",
			"--seed", "3", "--batch", "16", "--width", "8", "--w1-samples", "32", "--csv", csvPath)
		if err != nil {
			t.Fatalf("train --model %s: %v\n%s", model, err, out)
		}
		lines := regexp.MustCompile(`(?m)^step +\d+ .*$`).FindAllString(out, -1)
		if len(lines) != 2 || !strings.Contains(lines[1], "D=") || !strings.Contains(lines[1], "w1=") || !strings.Contains(lines[1], "modes=") {
			t.Errorf("train --model %s printed %q; want two metric lines with D, w1 and modes", model, lines)
		}
		est := "js_est="
		if strings.HasPrefix(model, "wgan") {
			est = "w_est="
		}
		if !strings.Contains(out, est) {
			t.Errorf("train --model %s: no %s in %q", model, est, out)
		}
		b, err := os.ReadFile(csvPath)
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(rows) != 3 || !strings.HasPrefix(rows[0], "step,D,G") || !strings.HasPrefix(rows[2], "4,") {
			t.Errorf("train --model %s wrote CSV %q; want a header and rows for steps 2 and 4", model, rows)
		}
	}
	// A point file works as data, and the same seed gives the same output.
	args := []string{"train", "--data", "testdata/a.csv", "--steps", "3", "--every", "3", "--width", "8", "--batch", "8", "--w1-samples", "16"}
	a, err, _ := runCmd(args...)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runCmd(args...)
	line := regexp.MustCompile(`(?m)^step .*$`)
	if line.FindString(a) == "" || line.FindString(a) != line.FindString(b) {
		t.Errorf("two runs with one seed printed %q and %q", line.FindString(a), line.FindString(b))
	}
}

// TestTrainDiverges checks that a diverging run stops with the Trainer's message and exit
// code 1: a learning rate of 1e30 overflows the weights within a few steps.
func TestTrainDiverges(t *testing.T) {
	_, err, code := runCmd("train", "--model", "lsgan", "--steps", "50", "--lr-d", "1e30", "--lr-g", "1e30", "--width", "8", "--batch", "8")
	if err == nil || code != 1 || !regexp.MustCompile(`^lsgan: diverged at step \d+: [DG] loss is (NaN|[+-]Inf)$`).MatchString(err.Error()) {
		t.Errorf("train with lr 1e30: error %v, code %d; want a divergence message and code 1", err, code)
	}
}

// TestOT checks ganctl ot on a point set and its copy shifted by (0.5, 0): the exact W_1 is
// at most 0.5 (the shift is one coupling) and the Sinkhorn values are printed.
func TestOT(t *testing.T) {
	out, err, _ := runCmd("ot", "--a", "testdata/a.csv", "--b", "testdata/b.json", "--eps", "0.01")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`exact W_1 = ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no exact W_1 in %q", out)
	}
	if w, _ := strconv.ParseFloat(m[1], 64); w <= 0 || w > 0.5+1e-6 {
		t.Errorf("exact W_1 = %v; want in (0, 0.5]", w)
	}
	for _, want := range []string{"a: 10 points, b: 10 points", "sinkhorn (ε = 0.01)", "tolerance reached", "sinkhorn divergence S_ε ="} {
		if !strings.Contains(out, want) {
			t.Errorf("ot output %q lacks %q", out, want)
		}
	}
}

// TestDivergence checks the θ demo's printed values for θ = 0.5: JS = log 2, TV = 1 and
// W_1 = 0.5 for the segments, and W_1 = 0.5 for the Gaussians.
func TestDivergence(t *testing.T) {
	out, err, _ := runCmd("divergence", "--theta", "0.5")
	if err != nil {
		t.Fatal(err)
	}
	seg := regexp.MustCompile(`(?m)^segments.*$`).FindString(out)
	f := strings.Fields(seg)
	if len(f) < 5 || f[len(f)-5] != "0.693147" || f[len(f)-2] != "1" || f[len(f)-1] != "0.5" {
		t.Errorf("segments line %q; want JS 0.693147, TV 1, W_1 0.5", seg)
	}
	if g := regexp.MustCompile(`(?m)^Gaussians.*$`).FindString(out); !strings.HasSuffix(g, " 0.5") {
		t.Errorf("Gaussians line %q; want W_1 0.5", g)
	}
}

// TestModeCollapseQuick runs the mode-collapse experiment with its quick preset and one
// seed and checks the table's shape.
func TestModeCollapseQuick(t *testing.T) {
	out, err, _ := runCmd("experiment", "mode-collapse", "--quick", "--seeds", "1")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| model | ring8: modes (of 8) | ring8: high-quality % | ring8: reverse KL | grid25: modes (of 25) |",
		"| GAN (non-saturating) |", "| GAN (minimax) |", "| LSGAN |", "| WGAN |", "| WGAN-GP |", "preset quick", "2500 samples per evaluation"} {
		if !strings.Contains(out, want) {
			t.Errorf("mode-collapse --quick output lacks %q:\n%s", want, out)
		}
	}
	rows := regexp.MustCompile(`(?m)^\| [A-Z].*\|$`).FindAllString(out, -1)
	for _, r := range rows[1:] {
		if n := strings.Count(r, "±"); n != 6 {
			t.Errorf("row %q has %d mean ± s.e. cells; want 6", r, n)
		}
	}
}

// TestBench times two workloads briefly on the CPU and checks the lines it prints.
func TestBench(t *testing.T) {
	out, err, code := runCmd("bench", "--workload", "toygan,matmul256", "--seconds", "0.05", "--backend", "cpu")
	if err != nil || code != 0 {
		t.Fatalf("ganctl bench: %v (exit %d)", err, code)
	}
	for _, w := range []string{"toygan", "matmul256"} {
		re := regexp.MustCompile(`(?m)^BenchmarkRun/` + w + `/cpu\t[1-9][0-9]*\t[0-9]+ ns/op\t[0-9.]+ iter/s$`)
		if !re.MatchString(out) {
			t.Errorf("ganctl bench printed no line for %s:\n%s", w, out)
		}
	}
}

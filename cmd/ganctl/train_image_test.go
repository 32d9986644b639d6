package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/weights"
)

// TestTrainImage trains two image demos for a few steps and checks the progress lines, the
// weight file's metadata and that the file loads into a fresh model of the same demo.
func TestTrainImage(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		model string
		args  []string
		lines []string
	}{
		{"cyclegan", []string{"--steps", "2", "--every", "1"}, []string{"step      2  GAN_G=", "cyc_X=", "D_Y="}},
		{"pix2pix-edges", []string{"--steps", "2", "--every", "2", "--dtype", "f32", "--digits", "../../models/imagedata/assets/digits.gz"},
			[]string{"step      2  D_real=", "G_L1="}},
	} {
		out := filepath.Join(dir, c.model+".safetensors")
		args := append([]string{"train-image", "--model", c.model, "--seed", "5", "--out", out}, c.args...)
		got, err, code := runCmd(args...)
		if err != nil || code != 0 {
			t.Fatalf("ganctl %v: %v (exit %d)\n%s", args, err, code, got)
		}
		for _, l := range append(c.lines, "done: 2 steps", "wrote "+out) {
			if !strings.Contains(got, l) {
				t.Errorf("%s: output lacks %q:\n%s", c.model, l, got)
			}
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		_, meta, err := weights.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range map[string]string{"model": c.model, "seed": "5", "steps": "2"} {
			if meta[k] != want {
				t.Errorf("%s: metadata %s = %q; want %q", c.model, k, meta[k], want)
			}
		}
		if !strings.HasPrefix(meta["command"], "ganctl train-image --model "+c.model) || !strings.Contains(meta["config"], `"Batch":1`) {
			t.Errorf("%s: metadata command %q, config %q", c.model, meta["command"], meta["config"])
		}
		demo, _ := models.ParseImageDemo(c.model)
		cfg, _ := demo.Config(2, 0)
		dev := engine.NewDevice(cpu.New())
		mr, _, _ := models.Streams(9)
		m, err := demo.Build(dev, mr, cfg)
		if err != nil {
			t.Fatal(err)
		}
		f, _ = os.Open(out)
		err = weights.Load(f, m.State())
		f.Close()
		if err != nil {
			t.Errorf("%s: loading the written weights: %v", c.model, err)
		}
	}
}

// TestTrainImageBadInput checks that bad flags are usage errors.
func TestTrainImageBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"train-image", "--model", "vae"}, `unknown image demo "vae"`},
		{[]string{"train-image", "--steps", "0"}, "--steps 0 must be ≥ 1"},
		{[]string{"train-image", "--dtype", "I8"}, `--dtype "I8"`},
		{[]string{"train-image", "--model", "cgan", "--digits", "testdata/none.gz"}, "no such file"},
	} {
		got, err, code := runCmd(c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ganctl %v: error %v; want %q\n%s", c.args, err, c.want, got)
		}
		if c.want != "no such file" && code != 2 {
			t.Errorf("ganctl %v: exit %d; want 2", c.args, code)
		}
	}
}

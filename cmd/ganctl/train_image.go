package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/imagedata"
	"github.com/ganplay/ganplay/models/weights"
)

// runTrainImage implements ganctl train-image: it trains one image demo's model with the
// Trainer, prints the mean losses every --every steps and writes the weights of every
// network (safetensors, with metadata model, config, seed, steps, command, seconds).
func runTrainImage(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train-image", flag.ContinueOnError)
	model := fs.String("model", "dcgan", "model: dcgan, cgan, pix2pix-edges, pix2pix-sketch, cyclegan")
	steps := fs.Int("steps", 1000, "training steps")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "write the weights to this safetensors `file`")
	every := fs.Int("every", 100, "print the mean losses every `K` steps")
	batch := fs.Int("batch", 0, "batch size (default: the paper's, from the model's DefaultX)")
	dtype := fs.String("dtype", "F16", "element type of the weight file: F32, F16 or BF16")
	backend := backendFlag(fs)
	digits := fs.String("digits", imagedata.DigitsAssetPath, "digits asset (dcgan, cgan, pix2pix-edges)")
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkBackend(*backend); err != nil {
		return err
	}
	demo, err := models.ParseImageDemo(*model)
	if err != nil {
		return usagef("train-image: %v", err)
	}
	dt := weights.DType(strings.ToUpper(*dtype))
	if dt != weights.F32 && dt != weights.F16 && dt != weights.BF16 {
		return usagef("train-image: --dtype %q: want F32, F16 or BF16", *dtype)
	}
	if *steps < 1 || *every < 0 || *batch < 0 {
		return usagef("train-image: --steps %d must be ≥ 1, --every %d and --batch %d ≥ 0", *steps, *every, *batch)
	}
	var ds *imagedata.Digits
	if demo.NeedsDigits() {
		f, err := os.Open(*digits)
		if err != nil {
			return fmt.Errorf("train-image: %w (run from the repository root or set --digits)", err)
		}
		ds, err = imagedata.LoadDigits(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	cfg, err := demo.Config(*steps, *batch)
	if err != nil {
		return err
	}
	be, closeBackend, err := openBackend(*backend, stdout)
	if err != nil {
		return err
	}
	defer closeBackend()
	dev := engine.NewDevice(be)
	modelRNG, dataRNG, _ := models.Streams(*seed)
	m, err := demo.Build(dev, modelRNG, cfg)
	if err != nil {
		return err
	}
	src, err := demo.Source(dev, dataRNG, ds)
	if err != nil {
		return err
	}
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "train-image %s (%s), seed %d, %d steps\nconfig %s\n", demo, m.Name(), *seed, *steps, cfgJSON)
	start := time.Now()
	tr := &models.Trainer{Model: m, Data: src, Every: *every, OnRecord: func(r models.Record) error {
		fmt.Fprintf(stdout, "%s  %.1fs\n", formatRecord(r), time.Since(start).Seconds())
		return nil
	}}
	if err := tr.Run(context.Background(), *steps); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "done: %d steps in %.1fs\n", tr.Steps(), secs)
	if *out == "" {
		return nil
	}
	meta := map[string]string{
		"model": demo.String(), "config": string(cfgJSON), "seed": strconv.FormatUint(*seed, 10),
		"steps": strconv.Itoa(*steps), "command": "ganctl train-image " + strings.Join(args, " "),
		"seconds": strconv.FormatFloat(secs, 'f', 0, 64),
	}
	var buf bytes.Buffer
	if err := weights.SaveAs(&buf, m.State(), meta, dt); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".train-image-*")
	if err != nil {
		return fmt.Errorf("train-image: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("train-image: %w", err)
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("train-image: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("train-image: %w", err)
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("train-image: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes, %s)\n", *out, buf.Len(), dt)
	return nil
}

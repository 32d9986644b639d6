package models

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models/weights"
)

// LoadImageModel builds demo d from a weight file written by ganctl train-image: the config
// recorded in the file's metadata replaces d.Config's defaults field by field, the model is
// built on dev with rng (which also draws its dropout masks and sampling noise) and every
// tensor is loaded. A corrupt file, a file of another demo or one that does not fit the
// model is an error naming the file's problem (models/weights validates every tensor).
func (d ImageDemo) LoadImageModel(dev *engine.Device, rng *rand.Rand, file []byte) (ImageModel, error) {
	_, meta, err := weights.Read(bytes.NewReader(file))
	if err != nil {
		return nil, err
	}
	if name, ok := meta["model"]; ok && name != d.String() {
		return nil, fmt.Errorf("models: weight file of %q, not %q", name, d)
	}
	steps, _ := strconv.Atoi(meta["steps"])
	cfg, err := d.Config(steps, 0)
	if err != nil {
		return nil, err
	}
	if js := meta["config"]; js != "" {
		switch c := cfg.(type) {
		case DCGANConfig:
			err = json.Unmarshal([]byte(js), &c)
			cfg = c
		case Pix2pixConfig:
			err = json.Unmarshal([]byte(js), &c)
			cfg = c
		case CycleGANConfig:
			err = json.Unmarshal([]byte(js), &c)
			cfg = c
		}
		if err != nil {
			return nil, fmt.Errorf("models: %v: the weight file's config: %w", d, err)
		}
	}
	m, err := d.Build(dev, rng, cfg)
	if err != nil {
		return nil, err
	}
	if err := weights.Load(bytes.NewReader(file), m.State()); err != nil {
		return nil, err
	}
	return m, nil
}

package models

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// TranslateView returns G(x) with no history and G's dropout off, for the demos: the
// output is then a function of x alone, and showing it draws nothing from the model's
// random stream, so a run is the same however often it is drawn. Training and Translate
// keep the paper's dropout as noise; BatchNorm uses the batch's statistics in both.
func (m *Pix2pix) TranslateView(x *engine.Tensor) *engine.Tensor {
	drops := dropouts(m.G)
	for _, d := range drops {
		d.Training = false
	}
	defer func() {
		for _, d := range drops {
			d.Training = true
		}
	}()
	return m.Translate(x)
}

// dropouts returns the Dropout layers inside m that are in training mode.
func dropouts(m nn.Module) []*nn.Dropout {
	var out []*nn.Dropout
	var walk func(nn.Module)
	walk = func(m nn.Module) {
		switch v := m.(type) {
		case *nn.Dropout:
			if v.Training {
				out = append(out, v)
			}
			return
		case *nn.Sequential:
			for _, l := range v.Layers {
				walk(l)
			}
			return
		}
		if p, ok := m.(interface{ Children() []nn.Module }); ok {
			for _, c := range p.Children() {
				walk(c)
			}
		}
	}
	walk(m)
	return out
}

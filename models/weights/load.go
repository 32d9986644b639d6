package weights

import (
	"errors"
	"io"
	"slices"

	"github.com/ganplay/ganplay/engine/nn"
)

// Options relax Load's rules.
type Options struct {
	// AllowExtra ignores tensors in the file that the model does not have (such as PyTorch's
	// BatchNorm num_batches_tracked) instead of failing.
	AllowExtra bool
}

// Load reads a safetensors file and copies each tensor into the parameter of the same name
// in ps (nn.State(m) lists a module's). Every tensor of ps must be in the file with the same
// shape, and the file may hold no others. Load validates everything before it writes, so on
// any error every tensor of ps keeps its values.
func Load(r io.Reader, ps []nn.Param) error { return LoadWith(r, ps, Options{}) }

// LoadWith is Load with options.
func LoadWith(r io.Reader, ps []nn.Param, opts Options) error {
	if err := checkNames(ps); err != nil {
		return err
	}
	f, err := readFile(r)
	if err != nil {
		return err
	}
	byName := make(map[string]*entry, len(f.entries))
	for i := range f.entries {
		byName[f.entries[i].name] = &f.entries[i]
	}
	values := make([][]float32, len(ps))
	var errs []error
	want := make(map[string]bool, len(ps))
	for i, p := range ps {
		want[p.Name] = true
		e, ok := byName[p.Name]
		if !ok {
			errs = append(errs, mismatchErr(p.Name, "missing from the file"))
			continue
		}
		if shape := p.T.Shape(); !slices.Equal(e.shape, shape) {
			errs = append(errs, mismatchErr(p.Name, "shape %v in file, %v in model", e.shape, shape))
			continue
		}
		values[i] = e.dtype.decode(e.data)
	}
	if !opts.AllowExtra {
		for _, e := range f.entries {
			if !want[e.name] {
				errs = append(errs, mismatchErr(e.name, "in the file but not in the model"))
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for i, p := range ps {
		p.T.SetData(values[i])
	}
	return nil
}

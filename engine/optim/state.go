package optim

import "fmt"

// Restore puts a saved state into o: slots[i] into o.Slots()[i] and steps into its count of
// updates. It checks every size first and leaves o as it was when one does not match.
func Restore(o Optimizer, steps int, slots [][]float32) error {
	ts := o.Slots()
	if len(slots) != len(ts) {
		return fmt.Errorf("optim: a saved state of %d tensors for an optimizer with %d", len(slots), len(ts))
	}
	for i, t := range ts {
		if len(slots[i]) != t.Len() {
			return fmt.Errorf("optim: saved state tensor %d has %d values; want %d", i, len(slots[i]), t.Len())
		}
	}
	if steps < 0 {
		return fmt.Errorf("optim: saved step count %d < 0", steps)
	}
	for i, t := range ts {
		t.SetData(slots[i])
	}
	o.SetSteps(steps)
	return nil
}

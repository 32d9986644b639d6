package models

// Resume sets the step count back to step, for a run that continues from weights saved at
// that step (the demos' fallback to the CPU backend after a lost GPU device): the records
// of later steps are dropped from History and the loss sums since the last record start
// over. The caller swaps Model, Data and Meters for ones that hold the saved weights.
func (t *Trainer) Resume(step int) {
	t.step = max(step, 0)
	n := len(t.History)
	for n > 0 && t.History[n-1].Step > t.step {
		n--
	}
	t.History = t.History[:n]
	for i := range t.sums {
		t.sums[i] = 0
	}
	t.count = 0
}

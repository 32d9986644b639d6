package nn

// KeepStats runs f with every BatchNorm inside m frozen: their forward passes in training
// mode still normalise with the batch's statistics, but leave the running statistics (part
// of the model's state and of its weight file) as they were. A display pass, such as a
// demo translating the user's drawing, must not move a model's state. Each BatchNorm's
// Frozen flag is restored afterwards, also when f panics.
func KeepStats(m Module, f func()) {
	var frozen []*BatchNorm
	Walk(m, func(l Module) {
		if b, ok := l.(*BatchNorm); ok && !b.Frozen {
			b.Frozen = true
			frozen = append(frozen, b)
		}
	})
	defer func() {
		for _, b := range frozen {
			b.Frozen = false
		}
	}()
	f()
}

package optim

// Schedule gives the learning rate for a step (or epoch) counted from 0.
type Schedule interface {
	LR(step int) float32
}

// Constant keeps the learning rate fixed.
type Constant struct{ Base float32 }

// LR returns Base.
func (c Constant) LR(int) float32 { return c.Base }

// LinearDecay holds Base for Hold steps, then decays it linearly to zero over Decay steps,
// as CycleGAN does (100 epochs at 2e-4, then 100 decaying):
//
//	lr(t) = Base · (1 - max(0, t + 1 - Hold) / (Decay + 1))
//
// which is the reference's lambda rule, 1 - max(0, epoch + 1 - n_epochs)/(n_epochs_decay + 1),
// held at 0 after the decay ends (where the reference's rule would turn negative).
type LinearDecay struct {
	Base        float32
	Hold, Decay int
}

// LR returns the rate for step t.
func (l LinearDecay) LR(t int) float32 {
	f := 1 - float64(max(0, t+1-l.Hold))/float64(l.Decay+1)
	return l.Base * float32(max(f, 0))
}

// Apply sets o's learning rate to s's value for step t.
func Apply(o Optimizer, s Schedule, t int) { o.SetLR(s.LR(t)) }

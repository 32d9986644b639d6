package demos

import "time"

// Budget runs training steps within a per-frame time limit, so that training never freezes
// the page: Speed steps per frame on average (below 1: one step every 1/Speed frames), but
// never more once Limit has passed in the frame. Now is the clock (time.Now when nil).
type Budget struct {
	Limit time.Duration
	Now   func() time.Time
	owed  float64 // fractional steps carried from earlier frames
}

// Run runs up to the steps owed at speed in this frame and returns how many ran. The first
// step always runs when one is owed, so training advances however slow a step is.
func (b *Budget) Run(speed float64, step func() error) (int, error) {
	now := b.Now
	if now == nil {
		now = time.Now
	}
	b.owed += speed
	want := int(b.owed)
	b.owed -= float64(want)
	start := now()
	done := 0
	for done < want {
		if done > 0 && now().Sub(start) >= b.Limit {
			break
		}
		if err := step(); err != nil {
			return done, err
		}
		done++
	}
	return done, nil
}

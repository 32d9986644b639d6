package models

import (
	"fmt"
	"math"
	"strings"
)

// checks collects the problems of a config so that Validate reports all of them at once.
type checks struct{ msgs []string }

func (c *checks) addf(format string, args ...any) {
	c.msgs = append(c.msgs, fmt.Sprintf(format, args...))
}

// atLeast requires v ≥ lo.
func (c *checks) atLeast(name string, v, lo int) {
	if v < lo {
		c.addf("%s %d must be ≥ %d", name, v, lo)
	}
}

// positive requires a finite v > 0 (learning rates, the clipping bound).
func (c *checks) positive(name string, v float32) {
	if !(v > 0) || math.IsInf(float64(v), 0) {
		c.addf("%s %v must be a finite number > 0", name, v)
	}
}

// nonNegative requires a finite v ≥ 0 (the penalty weight).
func (c *checks) nonNegative(name string, v float32) {
	if !(v >= 0) || math.IsInf(float64(v), 0) {
		c.addf("%s %v must be a finite number ≥ 0", name, v)
	}
}

// beta requires 0 ≤ v < 1 (Adam's β1, β2).
func (c *checks) beta(name string, v float32) {
	if !(v >= 0 && v < 1) {
		c.addf("%s %v must be in [0, 1)", name, v)
	}
}

// net adds the problems of n.
func (c *checks) net(n Net) {
	if err := n.Validate(); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			c.msgs = append(c.msgs, line)
		}
	}
}

// objective requires o to be one of allowed.
func (c *checks) objective(o Objective, allowed ...Objective) {
	for _, a := range allowed {
		if o == a {
			return
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = a.String()
	}
	if !o.Valid() {
		c.addf("unknown objective %d (want %s)", int(o), strings.Join(names, ", "))
		return
	}
	c.addf("objective %v is not supported (want %s)", o, strings.Join(names, ", "))
}

// err returns nil or one error naming the model and every problem found.
func (c *checks) err(model string) error {
	if len(c.msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s: invalid config: %s", model, strings.Join(c.msgs, "; "))
}

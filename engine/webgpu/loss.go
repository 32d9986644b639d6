package webgpu

import (
	"errors"
	"fmt"
)

// ErrDeviceLost marks a device that SimulateLoss made unusable; a real loss shows as the
// error of the submission or mapping that failed (which wraps wgpu's own error).
var ErrDeviceLost = errors.New("webgpu: device lost")

// Lost returns nil while the device works, and otherwise the first failure of the device
// (a submission, a buffer mapping or a write that failed, or SimulateLoss), after which
// every Read fails and recorded work is dropped: the backend cannot be used again, and its
// tensors' contents are gone. Callers that must keep going (the demos) take a host copy of
// what they need before the loss and rebuild it on another backend. Lost does not wait for
// the GPU and may be called from any goroutine.
func (b *Backend) Lost() error {
	if p := b.lost.Load(); p != nil {
		return *p
	}
	return nil
}

// SimulateLoss makes the backend behave as if its device were lost: from now on Lost
// reports an error wrapping ErrDeviceLost with the reason, recorded work is dropped, and
// Read fails with that error. It is for tests of what happens after a loss (the browser has
// no way to lose a device on demand); it does not wait for the GPU and may be called from
// any goroutine, a JS callback included.
func (b *Backend) SimulateLoss(reason string) {
	err := fmt.Errorf("%w (simulated: %s)", ErrDeviceLost, reason)
	b.lost.CompareAndSwap(nil, &err)
}

// failed returns the device's failure, if any, taking a simulated loss into b.err first.
// The caller holds b.mu.
func (b *Backend) failed() error {
	if b.err == nil {
		if p := b.lost.Load(); p != nil {
			b.err = *p
			b.cmds = nil
			b.releaseUploads()
		}
	}
	return b.err
}

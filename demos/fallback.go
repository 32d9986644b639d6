package demos

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// Loser is a backend that can lose its device (the WebGPU backend): Lost returns nil while
// the device works and the cause once it is gone. Once lost, every read of the backend
// fails, so the engine panics on the next tensor it reads (engine.Tensor.Data).
type Loser interface {
	engine.Backend
	Lost() error
}

// SnapshotEvery is how many training steps may pass between two host copies of the running
// model's weights: a lost device costs at most that many steps.
const SnapshotEvery = 20

// LostPrefix begins the reason that BackendInfo gives after a fallback.
const LostPrefix = "WebGPU device lost: "

// fallback is the App's part of surviving a lost device: what the page reports about the
// backend and the last host copy of the weights.
type fallback struct {
	info BackendInfo
	snap *weightSnap // of the current scene; nil until taken, cleared by a reset
}

// SetBackendInfo sets what the snapshot reports about the backend (the chooser's verdict).
func (a *App) SetBackendInfo(info BackendInfo) {
	a.fb.info = info
	a.publish()
}

// Backend returns the backend that the scenes run on now.
func (a *App) Backend() engine.Backend { return a.be }

// snapshotter is a scene whose weights can be copied to the host and rebuilt from such a copy
// on another backend (the Mixture scene); other scenes do not use the backend.
type snapshotter interface {
	// snapshot reads the weights; it fails (without panicking) when the device is lost.
	snapshot() (*weightSnap, error)
	// steps returns the training steps done.
	Steps() int
	// moveTo rebuilds the model on be from snap and goes on from its step.
	moveTo(be engine.Backend, snap *weightSnap) error
}

// guarded runs f (a scene's Update, Step, Render or a command) and keeps the App going when
// the backend's device is lost meanwhile: it recovers the panic of the read that failed,
// switches to the CPU backend and rebuilds the scene there from the last snapshot of its
// weights (see fallBack). Without a loss it takes a snapshot when SnapshotEvery steps have
// passed since the last. Panics that are not due to a lost device go on.
func (a *App) guarded(f func() error) (err error) {
	lb, ok := a.be.(Loser)
	if !ok {
		return f()
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				if lb.Lost() == nil {
					panic(r)
				}
			}
		}()
		err = f()
	}()
	if cause := lb.Lost(); cause != nil {
		a.fallBack(cause)
		return nil
	}
	a.maybeSnapshot()
	return err
}

// runGuarded runs a command under guarded. A step command cut short by a fallback runs
// again on the CPU backend (from the snapshot's step). Done runs once at the end, after the
// snapshot that guarded may take (so that a caller who waits for a step(n) finds the weights
// of that step saved), and also for a command cut short, so that a caller's promise settles.
func (a *App) runGuarded(c Command) {
	done := c.Done
	var result *Snapshot
	if done != nil {
		c.Done = func(sn Snapshot) { result = &sn }
	}
	before := a.be
	a.guarded(func() error { a.run(c); return nil })
	if a.be != before && result == nil && c.Kind == CmdStep {
		a.guarded(func() error { a.run(c); return nil })
	}
	if done == nil {
		return
	}
	if result == nil || a.be != before {
		a.publish()
		sn := a.Snapshot()
		result = &sn
	}
	done(*result)
}

// maybeSnapshot copies the weights of the current scene to the host when none was taken
// since its reset or SnapshotEvery steps have passed.
func (a *App) maybeSnapshot() {
	sc, ok := a.scene.(snapshotter)
	if !ok {
		return
	}
	if a.fb.snap != nil && sc.Steps() < a.fb.snap.step+SnapshotEvery && sc.Steps() >= a.fb.snap.step {
		return
	}
	if snap, err := sc.snapshot(); err == nil {
		a.fb.snap = snap
	}
}

// fallBack switches to the CPU backend after the device was lost (cause) and rebuilds the
// current scene there: the Mixture scene from the last snapshot of its weights when one was
// taken, any scene from its settings otherwise.
func (a *App) fallBack(cause error) {
	a.be = cpu.New()
	a.fb.info = BackendInfo{Name: a.be.Name(), Reason: LostPrefix + cause.Error()}
	sc, ok := a.scene.(snapshotter)
	if ok && a.fb.snap != nil {
		if err := sc.moveTo(a.be, a.fb.snap); err == nil {
			a.err = nil
			return
		} else {
			a.fb.info.Reason += fmt.Sprintf("; restarting from the settings (%v)", err)
		}
	} else if ok {
		a.fb.info.Reason += "; no snapshot of the weights yet, restarting from the settings"
	}
	a.fb.snap = nil
	a.reset()
}

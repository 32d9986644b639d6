package demos

import (
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/ganplay/ganplay/engine"
)

// CommandKind is what a Command asks for.
type CommandKind int

// The commands that the page, a slide deck (postMessage) or the keyboard send.
const (
	CmdPlay CommandKind = iota
	CmdPause
	CmdToggle
	CmdStep  // N steps
	CmdReset // rebuild the scene from the settings (same seed, same run)
	CmdSet   // apply Params, then reset
	CmdClick // at (X, Y)
	CmdDrag  // Phase at (X, Y), for scenes that are Draggers
	CmdKey   // Key, for scenes that are KeyHandlers
	// CmdPoints loads Text, a CSV of user points, as the target (csvpoints.go).
	CmdPoints
)

// Command is one request to the App. Done, when set, is called from Update once the command
// ran, with the errors of the parameters it rejected (CmdSet).
type Command struct {
	Kind   CommandKind
	N      int
	Which  Phase  // CmdStep: both, D or G
	Text   string // CmdPoints: the CSV
	Params url.Values
	X, Y   float64
	Phase  DragPhase
	Key    string
	Done   func(Snapshot)
}

// Snapshot is what callers outside the frame loop may read: the settings as the URL
// encodes them, the numbers on screen and the state of the run.
type Snapshot struct {
	Query   string
	Values  url.Values
	Metrics map[string]float64
	Playing bool
	Frames  int
	FPS     float64
	// RenderMs is how long the last Render took (scene read-back and drawing, not Ebiten's).
	RenderMs float64
	Errors   []string // bad parameters of the last Set (or of the URL)
	Err      string   // the error that stopped the scene, if any
	Backend  BackendInfo
}

// App is the scene switcher without Ebiten: it owns the settings and the current scene,
// drains commands once per tick, and publishes a Snapshot. Commands arrive from any
// goroutine (JS callbacks) through Send, which never blocks.
type App struct {
	be       engine.Backend
	s        Settings
	scene    Scene
	playing  bool
	cmds     chan Command
	canvas   *Canvas
	frames   int
	fpsStart time.Time
	fpsCount int
	fps      float64
	renderMs float64
	paramErr []string
	err      error
	assets   Fetcher  // where the image scenes get their data and weights
	fb       fallback // the backend's report and the weights' snapshot (fallback.go)

	mu   sync.Mutex
	snap Snapshot
}

// AppOption configures an App.
type AppOption func(*App)

// WithAssets gives the image scenes their asset source (fetches are cached in memory, so
// that a reset does not fetch again).
func WithAssets(f Fetcher) AppOption {
	return func(a *App) {
		if f != nil {
			a.assets = NewCache(f)
		}
	}
}

// NewApp starts the scene that s selects on backend be; bad are the URL's rejected
// parameters (shown until the next Set).
func NewApp(be engine.Backend, s Settings, bad []ParamError, opts ...AppOption) (*App, error) {
	a := &App{be: be, s: s, playing: s.Autoplay, cmds: make(chan Command, 256), canvas: NewCanvas(Width, Height),
		fb: fallback{info: BackendInfo{Name: be.Name()}}}
	for _, o := range opts {
		o(a)
	}
	for _, e := range bad {
		a.paramErr = append(a.paramErr, e.Error())
	}
	if err := a.reset(); err != nil {
		return nil, err
	}
	a.publish()
	return a, nil
}

// Settings returns the current settings.
func (a *App) Settings() Settings { return a.s }

// Scene returns the current scene.
func (a *App) Scene() Scene { return a.scene }

// Playing reports whether the scene runs.
func (a *App) Playing() bool { return a.playing }

// Send queues a command for the next Update. It never blocks: when the queue is full the
// command is dropped and Send returns false.
func (a *App) Send(c Command) bool {
	select {
	case a.cmds <- c:
		return true
	default:
		return false
	}
}

// Snapshot returns the state published by the last Update.
func (a *App) Snapshot() Snapshot {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.snap
}

func (a *App) reset() error {
	a.fb.snap = nil
	sc, err := NewSceneWith(a.be, a.s, a.assets)
	if err != nil {
		a.err = err
		return err
	}
	a.scene, a.err = sc, nil
	return nil
}

// Update runs one tick: drains the commands and advances the scene. Ebiten may run several
// ticks per drawn frame; Render, once per frame, reads back and draws.
func (a *App) Update() error {
	for {
		select {
		case c := <-a.cmds:
			a.runGuarded(c)
			continue
		default:
		}
		break
	}
	if a.scene != nil {
		if err := a.guarded(func() error { return a.scene.Update(a.playing) }); err != nil {
			a.err = err
		}
	}
	a.publish()
	return nil
}

// Render draws the scene into the canvas (reading back what it shows, once per frame) and
// publishes the snapshot.
func (a *App) Render() {
	start := time.Now()
	if a.scene != nil {
		a.guarded(func() error { a.scene.Render(a.canvas); return nil })
	}
	a.renderMs = float64(time.Since(start).Microseconds()) / 1000
	a.frames++
	a.fpsCount++
	now := time.Now()
	if a.fpsStart.IsZero() {
		a.fpsStart = now
	} else if d := now.Sub(a.fpsStart); d >= time.Second {
		a.fps = float64(a.fpsCount) / d.Seconds()
		a.fpsStart, a.fpsCount = now, 0
	}
	a.publish()
}

// Canvas returns the frame rendered by the last Update.
func (a *App) Canvas() *Canvas { return a.canvas }

func (a *App) run(c Command) {
	switch c.Kind {
	case CmdPlay:
		a.playing = true
	case CmdPause:
		a.playing = false
	case CmdToggle:
		a.playing = !a.playing
	case CmdStep:
		a.step(c.Which, max(c.N, 1))
	case CmdPoints:
		a.loadCSV(c.Text)
	case CmdReset:
		a.reset()
	case CmdSet:
		a.SetParams(c.Params)
	case CmdClick:
		if a.scene != nil {
			a.scene.Click(c.X, c.Y)
			a.keepPoints()
		}
	case CmdDrag:
		if d, ok := a.scene.(Dragger); ok {
			d.Drag(c.Phase, c.X, c.Y)
		}
	case CmdKey:
		if k, ok := a.scene.(KeyHandler); ok {
			k.Key(c.Key)
		}
	}
	if c.Done != nil {
		if a.scene != nil {
			a.scene.Render(a.canvas)
		}
		a.publish()
		c.Done(a.Snapshot())
	}
}

// SetParams applies URL parameters; bad ones are kept in the snapshot's Errors. The scene
// restarts (same seed, same run) unless only settings that it can retune changed (layers,
// speed, θ, a plan's ε). A change of "autoplay" also plays or pauses.
func (a *App) SetParams(q url.Values) {
	next := a.s
	bad := next.Apply(q)
	a.paramErr = a.paramErr[:0]
	for _, e := range bad {
		a.paramErr = append(a.paramErr, e.Error())
	}
	if _, ok := q["autoplay"]; ok {
		a.playing = next.Autoplay
	}
	a.s = next
	if r, ok := a.scene.(Retuner); ok && a.err == nil && r.Retune(next) {
		return
	}
	if err := a.reset(); err != nil {
		a.paramErr = append(a.paramErr, fmt.Sprintf("settings rejected: %v", err))
	}
}

// GoTo switches to scene k.
func (a *App) GoTo(k SceneKind) {
	a.SetParams(url.Values{"scene": {k.String()}})
}

func (a *App) publish() {
	sn := Snapshot{Query: a.s.Encode(), Values: a.s.Values(), Playing: a.playing, Frames: a.frames, FPS: a.fps, RenderMs: a.renderMs,
		Errors: append([]string(nil), a.paramErr...), Backend: a.fb.info}
	if a.scene != nil {
		sn.Metrics = a.scene.Metrics()
	}
	if a.err != nil {
		sn.Err = a.err.Error()
	} else if m, ok := a.scene.(interface{ Err() error }); ok && m.Err() != nil {
		sn.Err = m.Err().Error()
	}
	a.mu.Lock()
	a.snap = sn
	a.mu.Unlock()
}

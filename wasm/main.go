//go:build js && wasm

// Command wasm is ganplay's browser entry point (static/ganplay.wasm): it runs the demos
// (package demos, drawn by Ebiten into the page's canvas) and publishes
//
//	window.ganplay = {
//	  ready:    Promise, resolved once the first frame is drawn (rejected if the app fails),
//	  state:    () => the settings as the URL encodes them ({scene: "mixture", ...}),
//	  query:    () => the same as a query string,
//	  set:      (params) => Promise of state() once applied (params: object or query string),
//	  step:     (n, which) => Promise of metrics() after n steps of which: "both" (the
//	            default: whole iterations), "D" or "G" (that network's updates alone),
//	  loadCSV:  (text) => Promise of state() once the CSV's points are the target
//	            (data=points); rejected with the message (also in errors()) if malformed,
//	  play, pause, reset: () => undefined,
//	  playing:  () => bool,
//	  backend:  () => ({name, adapter, limits, reason}): the engine backend running now,
//	  simulateDeviceLoss: (reason) => bool, a test hook (see wasm/backend.go),
//	  metrics:  () => the numbers on screen ({step, loss_D, w1, ...}),
//	  errors:   () => messages about bad URL parameters (empty when none),
//	  fps:      () => frames per second,
//	  frames:   () => frames drawn,
//	  renderMs: () => the time the last frame's read-back and drawing took (ms),
//	}
//
// and accepts window.postMessage({ganplay: "play" | "pause" | "step" | "reset" | "set" |
// "csv", n, which, params, text}) from a slide deck. JS callbacks never block: they send a command on the
// App's channel, which Update drains once per frame, and read the snapshot it publishes.
package main

import (
	"fmt"
	"net/url"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/ganplay/ganplay/demos"
	"github.com/ganplay/ganplay/demos/game"
)

func main() {
	var resolve, reject js.Value
	ready := js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	}))
	api := js.Global().Get("Object").New()
	api.Set("ready", ready)
	js.Global().Set("ganplay", api)
	publishBenchmark(api) // window.ganplay.benchmark (benchmark.go)

	s, bad := demos.Parse(js.Global().Get("location").Get("search").String())
	be, info := pickBackend(s) // wasm/backend.go
	app, err := demos.NewApp(be, s, bad, demos.WithAssets(httpFetcher{}))
	if err != nil {
		js.Global().Get("console").Call("error", "ganplay:", err.Error())
		reject.Invoke(js.Global().Get("Error").New(err.Error()))
		select {}
	}
	app.SetBackendInfo(info)
	publish(api, app)
	publishBackend(api, app, be)

	g := game.New(app)
	g.OnFrame = func(n int) {
		if n == 1 {
			resolve.Invoke(true)
		}
	}
	ebiten.SetWindowTitle("ganplay")
	if err := ebiten.RunGame(g); err != nil {
		js.Global().Get("console").Call("error", "ganplay:", err.Error())
		reject.Invoke(js.Global().Get("Error").New(err.Error()))
	}
	select {}
}

// publish sets the methods of window.ganplay and the message listener.
func publish(api js.Value, app *demos.App) {
	promise := func(send func(done func(demos.Snapshot)) bool, result func(demos.Snapshot) any) any {
		var res, rej js.Value
		p := js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
			res, rej = args[0], args[1]
			return nil
		}))
		if !send(func(sn demos.Snapshot) { res.Invoke(result(sn)) }) {
			rej.Invoke(js.Global().Get("Error").New("ganplay: command queue full"))
		}
		return p
	}
	state := func(sn demos.Snapshot) any {
		m := map[string]any{}
		for k, v := range sn.Values {
			m[k] = v[0]
		}
		return m
	}
	metrics := func(sn demos.Snapshot) any {
		m := map[string]any{}
		for k, v := range sn.Metrics {
			m[k] = v
		}
		return m
	}
	errorsOf := func(sn demos.Snapshot) any {
		out := make([]any, len(sn.Errors))
		for i, e := range sn.Errors {
			out[i] = e
		}
		if sn.Err != "" {
			out = append(out, sn.Err)
		}
		return out
	}
	set := func(params js.Value, done func(demos.Snapshot)) bool {
		return app.Send(demos.Command{Kind: demos.CmdSet, Params: paramsOf(params), Done: done})
	}
	step := func(n int, which js.Value, done func(demos.Snapshot)) bool {
		return app.Send(demos.Command{Kind: demos.CmdStep, N: n, Which: phaseOf(which), Done: done})
	}
	fn := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) any { return f(args) })
	}
	api.Set("state", fn(func([]js.Value) any { return state(app.Snapshot()) }))
	api.Set("query", fn(func([]js.Value) any { return app.Snapshot().Query }))
	api.Set("metrics", fn(func([]js.Value) any { return metrics(app.Snapshot()) }))
	api.Set("errors", fn(func([]js.Value) any { return errorsOf(app.Snapshot()) }))
	api.Set("playing", fn(func([]js.Value) any { return app.Snapshot().Playing }))
	api.Set("fps", fn(func([]js.Value) any { return app.Snapshot().FPS }))
	api.Set("frames", fn(func([]js.Value) any { return app.Snapshot().Frames }))
	api.Set("renderMs", fn(func([]js.Value) any { return app.Snapshot().RenderMs }))
	api.Set("set", fn(func(args []js.Value) any {
		p := js.Undefined()
		if len(args) > 0 {
			p = args[0]
		}
		return promise(func(done func(demos.Snapshot)) bool { return set(p, done) }, state)
	}))
	api.Set("step", fn(func(args []js.Value) any {
		n, which := 1, js.Undefined()
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			n = args[0].Int()
		}
		if len(args) > 1 {
			which = args[1]
		}
		return promise(func(done func(demos.Snapshot)) bool { return step(n, which, done) }, metrics)
	}))
	api.Set("loadCSV", fn(func(args []js.Value) any { return loadCSV(app, args) }))
	for name, kind := range map[string]demos.CommandKind{"play": demos.CmdPlay, "pause": demos.CmdPause, "reset": demos.CmdReset} {
		api.Set(name, fn(func([]js.Value) any { app.Send(demos.Command{Kind: kind}); return nil }))
	}
	js.Global().Call("addEventListener", "message", fn(func(args []js.Value) any {
		data := args[0].Get("data")
		if data.Type() != js.TypeObject || data.Get("ganplay").Type() != js.TypeString {
			return nil
		}
		switch cmd := data.Get("ganplay").String(); cmd {
		case "play":
			app.Send(demos.Command{Kind: demos.CmdPlay})
		case "pause":
			app.Send(demos.Command{Kind: demos.CmdPause})
		case "reset":
			app.Send(demos.Command{Kind: demos.CmdReset})
		case "step":
			n := 1
			if v := data.Get("n"); v.Type() == js.TypeNumber {
				n = v.Int()
			}
			step(n, data.Get("which"), nil)
		case "set":
			set(data.Get("params"), nil)
		case "csv":
			if t := data.Get("text"); t.Type() == js.TypeString {
				app.Send(demos.Command{Kind: demos.CmdPoints, Text: t.String()})
			}
		default:
			js.Global().Get("console").Call("warn", fmt.Sprintf("ganplay: unknown message command %q", cmd))
		}
		return nil
	}))
}

// paramsOf reads URL parameters from a query string or a plain object.
func paramsOf(v js.Value) url.Values {
	switch v.Type() {
	case js.TypeString:
		q, _ := url.ParseQuery(trimQ(v.String()))
		return q
	case js.TypeObject:
		q := url.Values{}
		keys := js.Global().Get("Object").Call("keys", v)
		for i := range keys.Length() {
			k := keys.Index(i).String()
			q.Set(k, js.Global().Call("String", v.Get(k)).String())
		}
		return q
	}
	return url.Values{}
}

func trimQ(s string) string {
	if len(s) > 0 && s[0] == '?' {
		return s[1:]
	}
	return s
}

//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"github.com/ganplay/ganplay/demos"
)

// phaseOf reads step's second argument: "both" (or nothing), "D" or "G". An unknown value
// steps both and warns in the console.
func phaseOf(v js.Value) demos.Phase {
	if v.Type() != js.TypeString {
		return demos.PhaseBoth
	}
	p, err := demos.ParsePhase(v.String())
	if err != nil {
		js.Global().Get("console").Call("warn", "ganplay.step:", err.Error())
	}
	return p
}

// loadCSV is window.ganplay.loadCSV(text): a Promise of state() once the points of the CSV
// text are the Mixture scene's target, rejected with the parser's message (which errors()
// also shows) when the CSV is malformed.
func loadCSV(app *demos.App, args []js.Value) any {
	var res, rej js.Value
	p := js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, a []js.Value) any {
		res, rej = a[0], a[1]
		return nil
	}))
	if len(args) == 0 || args[0].Type() != js.TypeString {
		rej.Invoke(js.Global().Get("Error").New("ganplay.loadCSV: want the CSV text as a string"))
		return p
	}
	done := func(sn demos.Snapshot) {
		for _, e := range sn.Errors {
			if strings.HasPrefix(e, "points CSV:") || strings.HasPrefix(e, "points rejected:") {
				rej.Invoke(js.Global().Get("Error").New(e))
				return
			}
		}
		st := map[string]any{}
		for k, v := range sn.Values {
			st[k] = v[0]
		}
		res.Invoke(st)
	}
	if !app.Send(demos.Command{Kind: demos.CmdPoints, Text: args[0].String(), Done: done}) {
		rej.Invoke(js.Global().Get("Error").New("ganplay: command queue full"))
	}
	return p
}

//go:build js

package jspromise

import (
	"errors"
	"syscall/js"
)

// Await waits for the promise p to settle and returns its value, or an error with the
// rejection's text. It blocks the calling goroutine, so it must not be called from a JS
// callback (js.FuncOf): that deadlocks the Go program (DESIGN.md's browser pitfalls).
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			msg = js.Global().Call("String", args[0]).String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}

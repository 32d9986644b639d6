package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/backends"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// backendFlag adds -backend to a training command's flags; its default is GANPLAY_BACKEND,
// or auto.
func backendFlag(fs *flag.FlagSet) *string {
	return fs.String("backend", backends.FromEnv(), "engine backend: "+strings.Join(backends.Names, ", ")+
		" (auto: WebGPU when a GPU adapter and device can be had, the CPU otherwise; default from $"+backends.EnvVar+")")
}

// checkBackend rejects a bad -backend value as a usage error, before any work.
func checkBackend(want string) error {
	if _, err := backends.Parse(want); err != nil {
		return usagef("--backend: %v", err)
	}
	return nil
}

// openBackend chooses the backend that want names (engine/backends.Choose), prints which
// runs and why, and returns it with the function that frees it. A bad name is a usage
// error; webgpu without a usable GPU is an error.
func openBackend(want string, stdout io.Writer) (engine.Backend, func(), error) {
	if err := checkBackend(want); err != nil {
		return nil, nil, err
	}
	be, info, err := backends.Choose(context.Background(), want)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintln(stdout, info)
	closeFn := func() {}
	if gb, ok := be.(*webgpu.Backend); ok {
		closeFn = gb.Close
	}
	return be, closeFn, nil
}

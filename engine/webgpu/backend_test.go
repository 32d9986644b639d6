package webgpu

import (
	"context"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	sharedOnce sync.Once
	shared     *Backend
	sharedErr  error
)

// newBackend returns one backend shared by the tests of this package. Without an adapter the
// test is skipped, unless GANPLAY_E2E=1 (set by make test), where it fails: CI installs Mesa's
// lavapipe so that an adapter always exists there.
func newBackend(t *testing.T) *Backend {
	t.Helper()
	sharedOnce.Do(func() {
		start := time.Now()
		shared, sharedErr = New(context.Background())
		if sharedErr == nil {
			t.Logf("webgpu: %v (device and kernels ready in %v)", shared.Info(), time.Since(start).Round(time.Millisecond))
		}
	})
	if sharedErr != nil {
		msg := sharedErr.Error()
		if strings.HasPrefix(msg, "webgpu: no adapter") && os.Getenv("GANPLAY_E2E") != "1" {
			hint := "install mesa-vulkan-drivers and libvulkan1 for lavapipe"
			if runtime.GOOS == "js" {
				hint = "run the test binary in a browser with WebGPU"
			}
			t.Skipf("%v (%s; GANPLAY_E2E=1 makes this a failure)", sharedErr, hint)
		}
		t.Fatalf("New: %v", sharedErr)
	}
	return shared
}

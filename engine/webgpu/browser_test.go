//go:build js

package webgpu

import (
	"testing"
	"time"

	"github.com/ganplay/ganplay/engine/enginetest"
)

// TestBrowserConformance runs the conformance suite on the browser's WebGPU. It skips where
// there is no navigator.gpu (as under Node.js); a page that runs this test binary in
// headless Chromium (--enable-unsafe-webgpu --enable-unsafe-swiftshader) gets SwiftShader.
func TestBrowserConformance(t *testing.T) {
	b := newBackend(t)
	start := time.Now()
	enginetest.TestBackend(t, b)
	t.Logf("conformance suite on %s took %v", b.Info().Adapter, time.Since(start).Round(time.Millisecond))
}

package cpu_test

import (
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/enginetest"
)

func TestConformance(t *testing.T) { enginetest.TestBackend(t, cpu.New()) }

// narrow hides the CPU backend's optional interfaces (engine.WidePatches, engine.Releaser),
// so the conformance suite also covers the engine's fallbacks that every other backend
// takes.
type narrow struct{ engine.Backend }

func TestConformanceWithoutOptionalInterfaces(t *testing.T) {
	enginetest.TestBackend(t, narrow{cpu.New()})
}

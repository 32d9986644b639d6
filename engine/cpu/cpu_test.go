package cpu_test

import (
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/enginetest"
)

func TestConformance(t *testing.T) { enginetest.TestBackend(t, cpu.New()) }

package backends

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/webgpu"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]string{"": Auto, "auto": Auto, " WebGPU ": WebGPU, "cpu": CPU} {
		if got, err := Parse(in); got != want || err != nil {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Parse("cuda"); err == nil || !strings.Contains(err.Error(), "auto, webgpu, cpu") {
		t.Errorf("Parse(cuda) error = %v; want one that lists the choices", err)
	}
	if _, _, err := Choose(context.Background(), "cuda"); err == nil {
		t.Error("Choose(cuda) succeeded")
	}
}

func TestFromEnv(t *testing.T) {
	t.Setenv(EnvVar, "")
	if got := FromEnv(); got != Auto {
		t.Errorf("FromEnv() with %s unset = %q; want auto", EnvVar, got)
	}
	t.Setenv(EnvVar, "cpu")
	if got := FromEnv(); got != CPU {
		t.Errorf("FromEnv() with %s=cpu = %q", EnvVar, got)
	}
}

func TestChooseCPU(t *testing.T) {
	b, info, err := Choose(context.Background(), "cpu")
	if err != nil || b.Name() != "cpu" || info.Name != "cpu" || info.Reason == "" {
		t.Fatalf("Choose(cpu) = %v, %+v, %v", b, info, err)
	}
}

// noAdapter stands in for webgpu.New on a machine without an adapter.
func noAdapter(context.Context) (*webgpu.Backend, error) {
	return nil, errors.New("webgpu: no adapter: requestAdapter returned null")
}

// TestForcedFallback: with no adapter, auto runs on the CPU backend, says why, and a toy GAN
// trains on it; webgpu fails with the cause.
func TestForcedFallback(t *testing.T) {
	for _, software := range []func(webgpu.Info) bool{webgpu.Info.Software, func(webgpu.Info) bool { return false }} {
		b, info, err := choose(context.Background(), "auto", noAdapter, software)
		if err != nil || b.Name() != "cpu" || info.Name != "cpu" || !strings.Contains(info.Reason, "no WebGPU: webgpu: no adapter") {
			t.Fatalf("auto without an adapter = %v, %+v, %v; want cpu with the reason", b, info, err)
		}
		if _, _, err := choose(context.Background(), "webgpu", noAdapter, software); err == nil || !strings.Contains(err.Error(), "no adapter") {
			t.Errorf("webgpu without an adapter: error %v; want one that says there is no adapter", err)
		}
		trainToy(t, b, 30)
	}
}

// trainToy trains a small GAN for steps steps on b and checks that it ran.
func trainToy(t *testing.T, b engine.Backend, steps int) {
	t.Helper()
	dev := engine.NewDevice(b)
	modelRNG, dataRNG, _ := models.Streams(3)
	cfg := models.DefaultGAN()
	cfg.Net.Width, cfg.Batch = 16, 32
	m, err := models.NewGAN(dev, modelRNG, cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr := &models.Trainer{Model: m, Data: models.NewToySource(dev, dataRNG, toy2d.Ring8{}), Every: 10}
	if err := tr.Run(context.Background(), steps); err != nil {
		t.Fatalf("training on %s: %v", b.Name(), err)
	}
	if tr.Steps() != steps || len(tr.History) != steps/10 {
		t.Fatalf("on %s: %d steps, %d records; want %d, %d", b.Name(), tr.Steps(), len(tr.History), steps, steps/10)
	}
	for _, l := range tr.History[len(tr.History)-1].Losses {
		if math.IsNaN(l.V) || l.V == 0 {
			t.Errorf("on %s: loss %s = %v", b.Name(), l.Name, l.V)
		}
	}
}

// TestChooseWebGPU asks for WebGPU natively (Mesa's lavapipe where there is no GPU) and
// trains on it; auto takes it unless it is a software renderer.
func TestChooseWebGPU(t *testing.T) {
	b, info, err := Choose(context.Background(), "webgpu")
	if err != nil {
		if strings.Contains(err.Error(), "no adapter") && os.Getenv("GANPLAY_E2E") != "1" {
			t.Skipf("%v (install mesa-vulkan-drivers libvulkan1; GANPLAY_E2E=1 makes this a failure)", err)
		}
		t.Fatal(err)
	}
	gb := b.(*webgpu.Backend)
	defer gb.Close()
	if info.Name != "webgpu" || info.Adapter == "" || !strings.Contains(info.Limits, "maxStorageBufferBindingSize") {
		t.Errorf("Choose(webgpu) info = %+v", info)
	}
	t.Logf("%s", info)
	trainToy(t, b, 10)

	ab, ainfo, err := Choose(context.Background(), "auto")
	if err != nil {
		t.Fatal(err)
	}
	if g, ok := ab.(*webgpu.Backend); ok {
		g.Close()
	}
	software := gb.Info().Software()
	if software && (ainfo.Name != "cpu" || !strings.Contains(ainfo.Reason, "software renderer")) ||
		!software && ainfo.Name != "webgpu" {
		t.Errorf("auto with adapter %s (%s) = %+v", info.Adapter, gb.Info().DeviceType, ainfo)
	}
	t.Logf("auto: %s", ainfo)

	// An adapter judged software is passed over by auto, whatever its device type; one
	// judged hardware is taken.
	for _, sw := range []bool{true, false} {
		b, info, err := choose(context.Background(), "auto", webgpu.New, func(webgpu.Info) bool { return sw })
		if err != nil {
			t.Fatal(err)
		}
		if g, ok := b.(*webgpu.Backend); ok {
			g.Close()
		}
		if sw && (info.Name != "cpu" || !strings.Contains(info.Reason, gb.Info().Adapter+", is a software renderer")) ||
			!sw && (info.Name != "webgpu" || info.Adapter != gb.Info().Adapter) {
			t.Errorf("auto with an adapter described as software=%v: %+v", sw, info)
		}
	}
}

package experiment

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/models/toy2d"
)

// TestModeCollapseTable runs the quick preset on two methods and two seeds, once with one
// worker and once with two: the runs must not depend on the number of workers, and the
// table must have one row per method with the three columns per dataset.
func TestModeCollapseTable(t *testing.T) {
	p := Quick()
	p.Steps = 10
	mc := ModeCollapse{Preset: p, Seeds: []uint64{1, 2}, Methods: []Method{NonSaturatingGAN(), WGAN()},
		Datasets: []toy2d.Dataset{toy2d.Ring8{}, toy2d.Bimodal{}}, Workers: 1}
	a, err := mc.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	mc.Workers = 2
	b, err := mc.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Runs {
		ra, rb := a.Runs[i], b.Runs[i]
		ra.Elapsed, rb.Elapsed = 0, 0
		if !reflect.DeepEqual(ra, rb) {
			t.Errorf("run %d differs between 1 and 2 workers: %+v and %+v", i, ra, rb)
		}
	}
	if len(a.Runs) != 8 || len(a.Cells) != 2 || len(a.Cells[0]) != 2 || a.Cells[0][0].Modes.N != 2 || a.Cells[1][1].NumModes != 2 {
		t.Fatalf("table has %d runs and cells %+v; want 8 runs, 2 × 2 cells over 2 seeds", len(a.Runs), a.Cells)
	}
	var sb strings.Builder
	if err := a.WriteMarkdown(&sb); err != nil {
		t.Fatal(err)
	}
	out := sb.String()
	for _, want := range []string{
		"| model | ring8: modes (of 8) | ring8: high-quality % | ring8: reverse KL | bimodal: modes (of 2) | bimodal: high-quality % | bimodal: reverse KL |",
		"|---|---|---|---|---|---|---|", "| GAN (non-saturating) | ", "| WGAN | ", "seeds 1, 2", "mean ± s.e. over 2 seeds",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

// TestModeCollapseErrors checks the experiment's own validation.
func TestModeCollapseErrors(t *testing.T) {
	for _, mc := range []ModeCollapse{
		{Preset: Quick()},
		{Preset: Preset{Name: "bad", Net: Quick().Net, Batch: 0, Steps: 1}, Seeds: []uint64{1}},
		{Preset: Quick(), Seeds: []uint64{1}, Datasets: []toy2d.Dataset{toy2d.SwissRoll{}}},
	} {
		if _, err := mc.Run(context.Background()); err == nil {
			t.Errorf("ModeCollapse%+v.Run: no error", mc)
		}
	}
}

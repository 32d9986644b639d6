package experiment

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the table as Markdown: one row per method, and for each dataset the
// columns modes captured, high-quality % and reverse KL, each mean ± standard error over
// the seeds; then the settings and the wall time.
func (t *Table) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| model |")
	for j, ds := range t.Datasets {
		k := 0
		if len(t.Cells) > 0 {
			k = t.Cells[0][j].NumModes
		}
		fmt.Fprintf(&b, " %s: modes (of %d) | %s: high-quality %% | %s: reverse KL |", ds, k, ds, ds)
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|---|---|", len(t.Datasets)))
	b.WriteString("\n")
	diverged := 0
	for i, m := range t.Methods {
		fmt.Fprintf(&b, "| %s |", m)
		for _, c := range t.Cells[i] {
			fmt.Fprintf(&b, " %s | %s | %s |", c.Modes.Format(1), c.HighQuality.Format(1), c.ReverseKL.Format(2))
			diverged += c.Diverged
		}
		b.WriteString("\n")
	}
	p := t.Preset
	fmt.Fprintf(&b, "\npreset %s: G and D %d × %d ReLU, noise dimension %d, batch %d, %d G steps, ",
		p.Name, p.Net.Depth, p.Net.Width, p.Net.NoiseDim, p.Batch, p.Steps)
	fmt.Fprintf(&b, "learning rate %s, WGAN-GP λ %s; seeds %s; %d samples per evaluation; mean ± s.e. over %d seeds; wall time %s\n",
		orPaper(p.LR), orPaper(p.Lambda), seedList(t.Seeds), Samples, len(t.Seeds), t.Elapsed.Round(100_000_000))
	if diverged > 0 {
		fmt.Fprintf(&b, "%d runs diverged (NaN or Inf loss); they are counted as evaluated when they stopped.\n", diverged)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// orPaper prints a preset value, or "the paper's" for 0.
func orPaper(v float32) string {
	if v == 0 {
		return "the paper's"
	}
	return fmt.Sprintf("%g", v)
}

// seedList prints seeds compactly: "1-5" for a run of consecutive seeds.
func seedList(seeds []uint64) string {
	consecutive := len(seeds) > 2
	for i := 1; i < len(seeds); i++ {
		consecutive = consecutive && seeds[i] == seeds[i-1]+1
	}
	if consecutive {
		return fmt.Sprintf("%d-%d", seeds[0], seeds[len(seeds)-1])
	}
	s := make([]string, len(seeds))
	for i, v := range seeds {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}

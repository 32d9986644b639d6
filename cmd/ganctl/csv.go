package main

import (
	"encoding/csv"
	"os"
	"strconv"

	"github.com/ganplay/ganplay/models"
)

// csvOut writes the Trainer's records as CSV: a header "step,<losses>,<metrics>" from the
// first record, then one row per record.
type csvOut struct {
	f      *os.File
	w      *csv.Writer
	header bool
	closed bool
}

// createCSV creates the file; failing to create it is a usage error.
func createCSV(path string) (*csvOut, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usagef("train: --csv: %v", err)
	}
	return &csvOut{f: f, w: csv.NewWriter(f)}, nil
}

func (c *csvOut) write(r models.Record) error {
	vs := append(append([]models.Value(nil), r.Losses...), r.Metrics...)
	if !c.header {
		row := []string{"step"}
		for _, v := range vs {
			row = append(row, v.Name)
		}
		if err := c.w.Write(row); err != nil {
			return err
		}
		c.header = true
	}
	row := []string{strconv.Itoa(r.Step)}
	for _, v := range vs {
		row = append(row, strconv.FormatFloat(v.V, 'g', 8, 64))
	}
	return c.w.Write(row)
}

// close flushes and closes the file; it may be called twice.
func (c *csvOut) close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		c.f.Close()
		return err
	}
	return c.f.Close()
}

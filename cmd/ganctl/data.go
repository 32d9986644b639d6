package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ganplay/ganplay/models/toy2d"
)

// dataNames lists the built-in datasets of --data.
const dataNames = "bimodal, ring, grid, swissroll, or a FILE.csv / FILE.json of points"

// loadData returns the dataset named by --data: a built-in name or a point file.
func loadData(name string) (toy2d.Dataset, error) {
	switch name {
	case "bimodal":
		return toy2d.Bimodal{}, nil
	case "ring", "ring8":
		return toy2d.Ring8{}, nil
	case "grid", "grid25":
		return toy2d.Grid25{}, nil
	case "swissroll":
		return toy2d.SwissRoll{}, nil
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".csv" || ext == ".json" {
		return loadPoints(name)
	}
	return nil, usagef("unknown dataset %q (want %s)", name, dataNames)
}

// loadPoints reads a point set from a .csv or .json file.
func loadPoints(path string) (*toy2d.Points, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("%v", err)
	}
	defer f.Close()
	var p *toy2d.Points
	if strings.ToLower(filepath.Ext(path)) == ".json" {
		p, err = toy2d.ReadJSON(f)
	} else {
		p, err = toy2d.ReadCSV(f)
	}
	if err != nil {
		return nil, usagef("%s: %v", path, err)
	}
	return p, nil
}

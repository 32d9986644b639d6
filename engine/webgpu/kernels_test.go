package webgpu

import (
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/shaders"
)

// notKernels are the engine.Backend methods that run no compute shader.
var notKernels = []string{"Name", "Alloc", "Write", "Read"}

// TestKernelsMatchShaders checks that every compute method of engine.Backend (and of the
// optional engine.Standardizer, which the backend implements) has exactly one
// kernel family, that each family's WGSL file is embedded and defines its entry points with
// the bindings the Go side declares, and that every embedded .wgsl file is used.
func TestKernelsMatchShaders(t *testing.T) {
	methods := map[string]bool{}
	for _, bt := range []reflect.Type{reflect.TypeFor[engine.Backend](), reflect.TypeFor[engine.Standardizer]()} {
		for i := range bt.NumMethod() {
			if name := bt.Method(i).Name; !slices.Contains(notKernels, name) {
				methods[name] = true
			}
		}
	}
	files, err := fs.Glob(shaders.FS, "*.wgsl")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	seen := map[string]bool{}
	for _, s := range kernelSpecs {
		if !methods[s.method] {
			t.Errorf("kernel %s is for %s, which is not a compute method of engine.Backend or Standardizer", s.file, s.method)
		}
		if seen[s.method] {
			t.Errorf("engine.Backend.%s has more than one kernel family", s.method)
		}
		seen[s.method] = true
		if used[s.file] {
			t.Errorf("%s serves more than one method", s.file)
		}
		used[s.file] = true
		src, err := shaders.Source(s.file)
		if err != nil {
			t.Errorf("%s: %v", s.method, err)
			continue
		}
		if !regexp.MustCompile(`@group\(0\) @binding\(0\) var<uniform> P: Params;`).MatchString(src) {
			t.Errorf("%s does not bind its parameters at binding 0", s.file)
		}
		for _, e := range s.entries {
			if !regexp.MustCompile(`(?m)^fn ` + e.name + `\(`).MatchString(src) {
				t.Errorf("%s has no entry point %s", s.file, e.name)
			}
			for i, a := range e.bindings {
				mode := "read"
				if a == readWrite {
					mode = "read_write"
				}
				re := regexp.MustCompile(`@group\(0\) @binding\(` + string(rune('1'+i)) + `\) var<storage, ` + mode + `>`)
				if !re.MatchString(src) {
					t.Errorf("%s: binding %d of %s is not declared var<storage, %s>", s.file, i+1, e.name, mode)
				}
			}
		}
	}
	for m := range methods {
		if !seen[m] {
			t.Errorf("engine.Backend.%s has no kernel family (add it to kernelSpecs and shaders/)", m)
		}
	}
	for _, f := range files {
		if !used[f] {
			t.Errorf("shaders/%s is embedded but no kernel family uses it", f)
		}
	}
}

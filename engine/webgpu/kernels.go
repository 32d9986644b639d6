package webgpu

import (
	"fmt"

	"github.com/gogpu/gputypes"
	"github.com/gogpu/wgpu"

	"github.com/ganplay/ganplay/shaders"
)

// access is how an entry point binds a storage buffer.
type access uint8

const (
	readOnly access = iota
	readWrite
)

// entrySpec is one compute entry point: its name in the WGSL file and the storage buffers it
// binds from binding 1 on (binding 0 is always the uniform of parameters).
type entrySpec struct {
	name     string
	bindings []access
}

// kernelSpec ties one compute method of engine.Backend to its WGSL file.
type kernelSpec struct {
	method  string // the engine.Backend method
	file    string // the file in package shaders
	entries []entrySpec
}

// kernelSpecs lists every kernel family, one per compute method of engine.Backend and of the
// optional interfaces the backend implements (engine.Standardizer); a test
// checks that methods, specs and embedded files match one to one.
var kernelSpecs = []kernelSpec{
	{"Fill", "fill.wgsl", []entrySpec{{"fill", []access{readWrite}}}},
	{"Unary", "unary.wgsl", []entrySpec{
		{"unary", []access{readWrite, readOnly}},
		{"unary_inplace", []access{readWrite}},
	}},
	{"Binary", "binary.wgsl", []entrySpec{
		{"binary", []access{readWrite, readOnly, readOnly}},
		{"binary_inplace", []access{readWrite, readOnly, readOnly}},
	}},
	{"Reduce", "reduce.wgsl", []entrySpec{{"reduce", []access{readWrite, readOnly}}}},
	{"MatMul", "matmul.wgsl", []entrySpec{
		{"matmul", []access{readWrite, readOnly, readOnly}},
		{"matmul_small", []access{readWrite, readOnly, readOnly}},
		{"matmul_big", []access{readWrite, readOnly, readOnly}},
		{"matmul_thin", []access{readWrite, readOnly, readOnly}},
	}},
	{"Copy", "copy.wgsl", []entrySpec{{"copy", []access{readWrite, readOnly}}}},
	{"Im2Col", "im2col.wgsl", []entrySpec{{"im2col", []access{readWrite, readOnly}}}},
	{"Col2Im", "col2im.wgsl", []entrySpec{{"col2im", []access{readWrite, readOnly}}}},
	{"OptimStep", "optim.wgsl", []entrySpec{{"optim", []access{readWrite, readOnly, readWrite, readWrite}}}},
	// engine.Standardizer, an optional interface.
	{"Standardize", "standardize.wgsl", []entrySpec{{"standardize", []access{readWrite, readWrite, readWrite, readOnly}}}},
	{"StandardizeGrad", "standardize_grad.wgsl", []entrySpec{{"standardize_grad", []access{readWrite, readOnly, readOnly, readOnly}}}},
}

// kernel is a compiled entry point: its pipeline and the layout of its bind group.
type kernel struct {
	name     string
	spec     entrySpec
	pipeline *wgpu.ComputePipeline
	layout   *wgpu.BindGroupLayout
	plLayout *wgpu.PipelineLayout
}

// compileKernels compiles every entry point of every kernel family into a map keyed by entry
// point name.
func compileKernels(dev *wgpu.Device) (map[string]*kernel, []*wgpu.ShaderModule, error) {
	ks := make(map[string]*kernel)
	var modules []*wgpu.ShaderModule
	for _, s := range kernelSpecs {
		src, err := shaders.Source(s.file)
		if err != nil {
			return nil, modules, err
		}
		mod, err := dev.CreateShaderModule(&wgpu.ShaderModuleDescriptor{Label: s.file, WGSL: src})
		if err != nil {
			return nil, modules, fmt.Errorf("webgpu: compile %s: %w", s.file, err)
		}
		modules = append(modules, mod)
		for _, e := range s.entries {
			k, err := newKernel(dev, mod, s.file, e)
			if err != nil {
				return nil, modules, err
			}
			ks[e.name] = k
		}
	}
	return ks, modules, nil
}

func newKernel(dev *wgpu.Device, mod *wgpu.ShaderModule, file string, e entrySpec) (*kernel, error) {
	entries := []wgpu.BindGroupLayoutEntry{{
		Binding:    0,
		Visibility: wgpu.ShaderStageCompute,
		Buffer:     &gputypes.BufferBindingLayout{Type: gputypes.BufferBindingTypeUniform},
	}}
	for i, a := range e.bindings {
		t := gputypes.BufferBindingTypeReadOnlyStorage
		if a == readWrite {
			t = gputypes.BufferBindingTypeStorage
		}
		entries = append(entries, wgpu.BindGroupLayoutEntry{
			Binding:    uint32(i + 1),
			Visibility: wgpu.ShaderStageCompute,
			Buffer:     &gputypes.BufferBindingLayout{Type: t},
		})
	}
	layout, err := dev.CreateBindGroupLayout(&wgpu.BindGroupLayoutDescriptor{Label: e.name, Entries: entries})
	if err != nil {
		return nil, fmt.Errorf("webgpu: bind group layout of %s: %w", e.name, err)
	}
	pl, err := dev.CreatePipelineLayout(&wgpu.PipelineLayoutDescriptor{Label: e.name, BindGroupLayouts: []*wgpu.BindGroupLayout{layout}})
	if err != nil {
		return nil, fmt.Errorf("webgpu: pipeline layout of %s: %w", e.name, err)
	}
	p, err := dev.CreateComputePipeline(&wgpu.ComputePipelineDescriptor{Label: e.name, Layout: pl, Module: mod, EntryPoint: e.name})
	if err != nil {
		return nil, fmt.Errorf("webgpu: pipeline %s of %s: %w", e.name, file, err)
	}
	return &kernel{name: e.name, spec: e, pipeline: p, layout: layout, plLayout: pl}, nil
}

func (k *kernel) release() {
	k.pipeline.Release()
	k.plLayout.Release()
	k.layout.Release()
}

package webgpu

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/gogpu/gputypes"
	"github.com/gogpu/wgpu"

	"github.com/ganplay/ganplay/engine"
)

// Backend runs engine ops as WGSL compute shaders on one WebGPU device. Its zero value is not
// usable; call New. Like every backend it is driven from one goroutine at a time.
type Backend struct {
	instance *wgpu.Instance
	adapter  *wgpu.Adapter
	device   *wgpu.Device
	queue    *wgpu.Queue
	info     Info
	limits   wgpu.Limits

	kernels map[string]*kernel
	modules []*wgpu.ShaderModule
	scratch [2]*wgpu.Buffer // bound in place of OptimStep's unused states
	// matmulKernel, when set ("matmul", "matmul_small" or "matmul_thin"), makes MatMul use
	// that kernel whatever the product's size (tests and benchmarks).
	matmulKernel string

	mu       sync.Mutex
	cmds     []command             // recorded dispatches, not yet submitted
	uploads  []*wgpu.Buffer        // upload buffers read by cmds, released after the submission
	inflight bool                  // a submission may still be running (nothing has waited for it)
	err      error                 // the first failure of the device, returned by every later Read
	lost     atomic.Pointer[error] // b.err or a simulated loss, readable without b.mu (see Lost)
	pool     *pool
	staging  map[uint64][]*wgpu.Buffer // idle staging buffers for Read, by size
	stats    Stats
	created  uint64 // bytes of tensor buffers created since the last forced collection

	// Reused by submit: the uniform buffer of the i-th submission since the last wait for
	// the GPU (see uniformFor), the number of those submissions, the bind groups of earlier
	// submissions (see bindKey), and scratch slices.
	uniforms   []*wgpu.Buffer
	sinceWait  int
	bindGroups map[bindKey]*wgpu.BindGroup
	arena      []byte
	offsets    []uint64
	entries    []wgpu.BindGroupEntry

	profile map[profileKey]*KernelTime // per-dispatch times while profiling (profile.go)
}

// Software says whether the adapter runs on the host's processor rather than a GPU: a
// device type of CPU, as Mesa's lavapipe reports natively and as Info records in the
// browser for a fallback adapter such as Chromium's SwiftShader (adapterinfo_js.go). The
// matmul tiles and engine/backends' auto choice follow it.
func (i Info) Software() bool { return i.DeviceType == "CPU" }

// Stats counts the work a Backend has handed to the GPU.
type Stats struct {
	Submissions uint64 // queue submissions (one per Read, plus one per maxRecorded dispatches)
	Dispatches  uint64 // compute dispatches
	Uploads     uint64 // Writes that went through an upload buffer because work was pending
	BindGroups  uint64 // bind groups created (the others were reused from earlier submissions)
}

// Stats returns the counts of work submitted so far.
func (b *Backend) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stats
}

// Info describes the adapter and device that a Backend runs on.
type Info struct {
	Adapter    string // the adapter's name, such as "llvmpipe (LLVM 15.0.6, 256 bits)"
	Vendor     string
	Driver     string
	Backend    string // the native API ("Vulkan", "Metal", "DX12") or "BrowserWebGPU"
	DeviceType string // "DiscreteGPU", "IntegratedGPU", "CPU", …
	// Limits are the device's limits: the adapter's, requested explicitly.
	Limits wgpu.Limits
}

// String summarizes the adapter and the limits the backend depends on.
func (i Info) String() string {
	l := i.Limits
	return fmt.Sprintf("%s (%s, %s, %s): maxStorageBufferBindingSize %d, maxBufferSize %d, "+
		"maxComputeWorkgroupSizeX %d, maxComputeInvocationsPerWorkgroup %d, "+
		"maxComputeWorkgroupsPerDimension %d, maxComputeWorkgroupStorageSize %d",
		i.Adapter, i.Backend, i.DeviceType, i.Driver, l.MaxStorageBufferBindingSize, l.MaxBufferSize,
		l.MaxComputeWorkgroupSizeX, l.MaxComputeInvocationsPerWorkgroup,
		l.MaxComputeWorkgroupsPerDimension, l.MaxComputeWorkgroupStorageSize)
}

// The kernels run 64 invocations per workgroup (8×8 for matmul) and need 8 KiB of workgroup
// memory for the matmul tiles and 4 storage buffers per stage (optim.wgsl). Parameter blocks
// sit paramsAlign bytes apart in one uniform buffer per submission (or further apart when
// minUniformBufferOffsetAlignment says so).
const (
	workgroupSize      = 64
	minWorkgroupMemory = 8192
	paramsAlign        = 256
)

// New requests an adapter (a high-performance one when there is a choice) and a device with
// the adapter's limits, and compiles every kernel. It returns an error that starts with
// "webgpu: no adapter" when no usable adapter exists. In the browser it must not be called
// from a JS callback, since it waits on JS promises.
func New(ctx context.Context) (*Backend, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	inst, err := wgpu.CreateInstance(instanceDescriptor())
	if err != nil {
		return nil, fmt.Errorf("webgpu: no adapter: %w", err)
	}
	b := &Backend{instance: inst, staging: make(map[uint64][]*wgpu.Buffer), pool: newPool(),
		bindGroups: make(map[bindKey]*wgpu.BindGroup)}
	if err := b.open(ctx); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

func (b *Backend) open(ctx context.Context) error {
	ad, err := b.instance.RequestAdapter(&wgpu.RequestAdapterOptions{PowerPreference: wgpu.PowerPreferenceHighPerformance})
	if err != nil {
		return fmt.Errorf("webgpu: no adapter: %w", err)
	}
	b.adapter = ad
	ai := ad.Info()
	browserAdapterInfo(&ai) // the browser backend reports no name, vendor or type
	if ai.Backend == gputypes.BackendEmpty && runtime.GOOS != "js" {
		return fmt.Errorf("webgpu: no adapter: only %q without a GPU API (gogpu's software rasterizer cannot run these kernels)", ai.Name)
	}
	lim := ad.Limits()
	if err := checkLimits(lim); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	dev, err := ad.RequestDevice(&wgpu.DeviceDescriptor{Label: "ganplay", RequiredLimits: lim})
	if err != nil {
		return fmt.Errorf("webgpu: request device on %q: %w", ai.Name, err)
	}
	b.device, b.queue = dev, dev.Queue()
	b.limits = dev.Limits()
	if b.limits == (wgpu.Limits{}) {
		b.limits = lim
	}
	b.info = Info{Adapter: ai.Name, Vendor: ai.Vendor, Driver: ai.Driver, Backend: ai.Backend.String(),
		DeviceType: ai.DeviceType.String(), Limits: b.limits}
	if runtime.GOOS == "js" {
		b.info.Backend = gputypes.BackendBrowserWebGPU.String()
	}
	if err := checkLimits(b.limits); err != nil {
		return err
	}
	b.kernels, b.modules, err = compileKernels(dev)
	if err != nil {
		return err
	}
	for i := range b.scratch {
		if b.scratch[i], err = b.createBuffer("scratch", 16, tensorUsage); err != nil {
			return err
		}
	}
	return nil
}

// checkLimits reports limits below what the kernels need.
func checkLimits(l wgpu.Limits) error {
	switch {
	case l.MaxComputeWorkgroupSizeX < workgroupSize, l.MaxComputeInvocationsPerWorkgroup < workgroupSize,
		l.MaxComputeWorkgroupSizeY < 8:
		return fmt.Errorf("webgpu: workgroups of %d invocations exceed the adapter's limits (x %d, invocations %d)",
			workgroupSize, l.MaxComputeWorkgroupSizeX, l.MaxComputeInvocationsPerWorkgroup)
	case l.MaxComputeWorkgroupStorageSize < minWorkgroupMemory:
		return fmt.Errorf("webgpu: maxComputeWorkgroupStorageSize %d is below the %d bytes of the matmul tiles",
			l.MaxComputeWorkgroupStorageSize, minWorkgroupMemory)
	case l.MaxStorageBuffersPerShaderStage < 4, l.MaxComputeWorkgroupsPerDimension == 0:
		return fmt.Errorf("webgpu: the adapter's limits are too small (storage buffers per stage %d, workgroups per dimension %d)",
			l.MaxStorageBuffersPerShaderStage, l.MaxComputeWorkgroupsPerDimension)
	}
	return nil
}

// Info describes the adapter, its backend and the device's limits.
func (b *Backend) Info() Info { return b.info }

// Name returns "webgpu".
func (*Backend) Name() string { return "webgpu" }

// Close drops the work not yet submitted and frees the device and everything it holds. The
// backend and its buffers must not be used afterwards.
func (b *Backend) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cmds = nil
	b.flushBindGroups()
	for _, k := range b.kernels {
		k.release()
	}
	b.kernels = nil
	for _, m := range b.modules {
		m.Release()
	}
	b.modules = nil
	for _, s := range b.scratch {
		if s != nil {
			s.Release()
		}
	}
	for _, list := range b.staging {
		for _, s := range list {
			s.Release()
		}
	}
	b.staging = nil
	b.releaseUploads()
	for _, u := range b.uniforms {
		if u != nil {
			u.Release()
		}
	}
	b.uniforms = nil
	b.pool.releaseAll()
	if b.device != nil {
		b.device.Release()
		b.device = nil
	}
	if b.adapter != nil {
		b.adapter.Release()
		b.adapter = nil
	}
	if b.instance != nil {
		b.instance.Release()
		b.instance = nil
	}
}

// buffer is a tensor's storage on the GPU: n float32 values (the wgpu buffer holds at least 4
// bytes, since WebGPU cannot bind an empty buffer).
type buffer struct {
	wb       *wgpu.Buffer
	n        int
	b        *Backend
	cleanup  runtime.Cleanup // hands wb back to the pool once the buffer is unreachable
	released bool
}

// Len returns the number of float32 elements.
func (x *buffer) Len() int { return x.n }

// buf returns the buffer behind an engine.Buffer of this backend.
func (b *Backend) buf(x engine.Buffer) *buffer {
	bb, ok := x.(*buffer)
	if !ok || bb.b != b {
		panic(fmt.Sprintf("webgpu: buffer of type %T does not belong to this backend", x))
	}
	return bb
}

// createBuffer creates a GPU buffer of size bytes.
func (b *Backend) createBuffer(label string, size uint64, usage wgpu.BufferUsage) (*wgpu.Buffer, error) {
	wb, err := b.device.CreateBuffer(&wgpu.BufferDescriptor{Label: label, Size: size, Usage: usage})
	if err != nil {
		return nil, fmt.Errorf("webgpu: create %s buffer of %d bytes: %w", label, size, err)
	}
	return wb, nil
}

// tensorUsage is the usage of every tensor buffer: bound as storage, copied for readback.
const tensorUsage = wgpu.BufferUsageStorage | wgpu.BufferUsageCopySrc | wgpu.BufferUsageCopyDst

// Alloc returns a buffer of n elements with unspecified contents, recycled from buffers that
// are no longer referenced when possible. The GPU buffer is rounded up to 16 bytes, so that
// matmul.wgsl can bind every tensor as an array of vec4. It panics when n float32 values
// exceed the device's maxStorageBufferBindingSize or maxBufferSize.
func (b *Backend) Alloc(n int) engine.Buffer {
	if n < 0 {
		panic(fmt.Sprintf("webgpu: Alloc of %d elements", n))
	}
	size := roundUp(uint64(max(n, 1))*4, 16)
	if size > b.limits.MaxStorageBufferBindingSize {
		panic(fmt.Sprintf("webgpu: tensor of %d bytes exceeds maxStorageBufferBindingSize %d", size, b.limits.MaxStorageBufferBindingSize))
	}
	if b.limits.MaxBufferSize != 0 && size > b.limits.MaxBufferSize {
		panic(fmt.Sprintf("webgpu: tensor of %d bytes exceeds maxBufferSize %d", size, b.limits.MaxBufferSize))
	}
	wb := b.pool.get(size)
	if wb == nil {
		b.collectIfNeeded(size)
		var err error
		if wb, err = b.createBuffer("tensor", size, tensorUsage); err != nil {
			panic(err.Error())
		}
	}
	x := &buffer{wb: wb, n: n, b: b}
	x.cleanup = runtime.AddCleanup(x, b.pool.put, wb)
	return x
}

// Release implements engine.Releaser: the engine hands back a buffer it will not touch
// again, and the next Alloc of its size reuses it without waiting for the garbage collector.
// Work already recorded on the buffer still runs first (see pool).
func (b *Backend) Release(buf engine.Buffer) {
	x := b.buf(buf)
	if x.released {
		return
	}
	x.released = true
	x.cleanup.Stop()
	b.pool.put(x.wb)
}

// gcAfter is how many bytes of new GPU buffers may be created before the backend asks the
// garbage collector to find unreachable tensors: their device memory is invisible to the Go
// heap, which can stay small while dead tensors pin gigabytes on the GPU.
const gcAfter = 256 << 20

// collectIfNeeded counts size bytes of new device memory and runs a collection when gcAfter
// bytes were created since the last one, so that the cleanups of dead tensors refill the pool.
func (b *Backend) collectIfNeeded(size uint64) {
	b.mu.Lock()
	b.created += size
	run := b.created >= gcAfter
	if run {
		b.created = 0
	}
	b.mu.Unlock()
	if run {
		runtime.GC()
	}
}

// bytesOf views float32 values as their little-endian bytes (every target of Go's WebGPU
// support is little-endian).
func bytesOf(v []float32) []byte {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), 4*len(v))
}

// Write copies src into dst. With no work pending it is a plain queue write; otherwise the
// data goes to a fresh upload buffer that a recorded copy moves into dst, so that the write
// lands after the work recorded before it.
func (b *Backend) Write(dst engine.Buffer, src []float32) {
	d := b.buf(dst)
	if len(src) != d.n {
		panic(fmt.Sprintf("webgpu: Write of %d values into a buffer of %d", len(src), d.n))
	}
	if d.n == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failed() != nil {
		return
	}
	data := bytesOf(src)
	if len(b.cmds) == 0 && !b.inflight {
		if err := b.queue.WriteBuffer(d.wb, 0, data); err != nil {
			b.fail(fmt.Errorf("webgpu: write: %w", err))
		}
		return
	}
	up, err := b.createBuffer("upload", uint64(len(data)), wgpu.BufferUsageStorage|wgpu.BufferUsageCopyDst)
	if err != nil {
		b.fail(err)
		return
	}
	if err := b.queue.WriteBuffer(up, 0, data); err != nil {
		up.Release()
		b.fail(fmt.Errorf("webgpu: write: %w", err))
		return
	}
	b.uploads = append(b.uploads, up)
	b.stats.Uploads++
	p := copyParams(d.n)
	b.appendCmd(b.kernels["copy"], p, b.grid1D(d.n, p), []*wgpu.Buffer{d.wb, up}, true)
}

// Read copies src into dst once all work recorded so far has run: it submits that work with
// a copy of src into a staging buffer, maps the staging buffer and waits for it.
func (b *Backend) Read(ctx context.Context, src engine.Buffer, dst []float32) error {
	s := b.buf(src)
	if len(dst) != s.n {
		return fmt.Errorf("webgpu: Read of a buffer of %d into %d values", s.n, len(dst))
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.failed(); err != nil {
		return err
	}
	if s.n == 0 {
		return nil
	}
	return b.readLocked(ctx, []*wgpu.Buffer{s.wb}, [][]byte{bytesOf(dst)})
}

// ReadMany copies several buffers to the host with one submission and one map: what
// engine.ReadAll uses, so a snapshot of a model costs one round trip, not one per tensor.
func (b *Backend) ReadMany(ctx context.Context, srcs []engine.Buffer, dsts [][]float32) error {
	if len(srcs) != len(dsts) {
		return fmt.Errorf("webgpu: ReadMany of %d buffers into %d slices", len(srcs), len(dsts))
	}
	var bufs []*wgpu.Buffer
	var outs [][]byte
	for i, src := range srcs {
		s := b.buf(src)
		if len(dsts[i]) != s.n {
			return fmt.Errorf("webgpu: ReadMany of a buffer of %d into %d values", s.n, len(dsts[i]))
		}
		if s.n > 0 {
			bufs, outs = append(bufs, s.wb), append(outs, bytesOf(dsts[i]))
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.failed(); err != nil {
		return err
	}
	if len(bufs) == 0 {
		return nil
	}
	return b.readLocked(ctx, bufs, outs)
}

// readLocked submits the recorded work with copies of the first len(dsts[i]) bytes of each
// srcs[i] into one staging buffer, maps it once, waits and copies the parts into dsts. The
// caller holds b.mu.
func (b *Backend) readLocked(ctx context.Context, srcs []*wgpu.Buffer, dsts [][]byte) error {
	rb := &readback{}
	var size uint64
	for i, d := range dsts {
		rb.copies = append(rb.copies, readCopy{src: srcs[i], off: size, size: uint64(len(d))})
		size += uint64(len(d))
	}
	st, err := b.getStaging(size)
	if err != nil {
		return b.fail(err)
	}
	rb.dst = st
	if err := b.submit(rb); err != nil {
		return err
	}
	if err := st.Map(ctx, wgpu.MapModeRead, 0, size); err != nil {
		_ = st.Unmap()
		st.Release()
		if ctx.Err() != nil {
			return fmt.Errorf("webgpu: read: %w", err)
		}
		return b.fail(fmt.Errorf("webgpu: map for read: %w", err))
	}
	rng, err := st.MappedRange(0, size)
	if err != nil {
		_ = st.Unmap()
		st.Release()
		return b.fail(fmt.Errorf("webgpu: mapped range: %w", err))
	}
	all := rng.Bytes()
	for i, c := range rb.copies {
		copy(dsts[i], all[c.off:c.off+c.size])
	}
	if err := st.Unmap(); err != nil {
		st.Release()
		return b.fail(fmt.Errorf("webgpu: unmap: %w", err))
	}
	b.inflight = false // the map waited for the last submission
	b.sinceWait = 0
	b.staging[size] = append(b.staging[size], st)
	return nil
}

// getStaging returns an idle staging buffer of size bytes.
func (b *Backend) getStaging(size uint64) (*wgpu.Buffer, error) {
	if list := b.staging[size]; len(list) > 0 {
		st := list[len(list)-1]
		b.staging[size] = list[:len(list)-1]
		return st, nil
	}
	return b.createBuffer("staging", size, wgpu.BufferUsageMapRead|wgpu.BufferUsageCopyDst)
}

// fail records the first device failure; every later Read returns it, and Lost reports it.
// The caller holds b.mu.
func (b *Backend) fail(err error) error {
	if b.err == nil {
		b.err = err
		b.lost.CompareAndSwap(nil, &err)
	}
	return b.err
}

// Fill sets every element of dst to v.
func (b *Backend) Fill(dst engine.Buffer, v float32) {
	d := b.buf(dst)
	var p params
	p.u32(0, 0)
	p.f32(v)
	b.dispatch1D(b.kernels["fill"], d.n, &p, d.wb)
}

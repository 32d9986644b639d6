package webgpu

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/gogpu/wgpu"
)

// command is one recorded dispatch.
type command struct {
	k      *kernel
	params []byte         // the uniform block, a multiple of 16 bytes
	bufs   []*wgpu.Buffer // bindings 1, 2, … in the order of k.spec.bindings
	groups [3]uint32
	upload bool // binds an upload buffer, released after the submission: never cached
}

// maxBindings is the most storage buffers a kernel binds (optim.wgsl).
const maxBindings = 4

// bindKey identifies a bind group: the kernel's layout, the uniform buffer and the offset
// of the parameters in it, and the storage buffers. A training loop records the same
// dispatches on the same (pooled) buffers in the same order every iteration, so that its
// parameters land at the same offsets of the same uniform buffer and the bind groups of
// one iteration serve the next: only the uniform's contents change.
type bindKey struct {
	k      *kernel
	ub     *wgpu.Buffer
	offset uint64
	size   uint64
	bufs   [maxBindings]*wgpu.Buffer
}

// maxBindGroups bounds the bind group cache; beyond it the cache starts over. A CycleGAN
// step (64×64) records about 4500 dispatches, each with a bind group of its own: at 4096 the
// cache started over within every step and hit nothing.
const maxBindGroups = 16384

// maxUniforms is how many submissions in a row without a wait for the GPU get a kept
// uniform buffer (and cached bind groups); later ones get a buffer of their own.
const maxUniforms = 4

// flushBindGroups releases every cached bind group, before a buffer they bind is released.
// The caller holds b.mu (or owns b).
func (b *Backend) flushBindGroups() {
	for key, g := range b.bindGroups {
		g.Release()
		delete(b.bindGroups, key)
	}
}

// uniformFor returns the uniform buffer of the i-th submission since the last wait, with room
// for size bytes. Submission 0 runs after every earlier one has finished, so rewriting its
// buffer cannot race with the GPU; later ones (long recordings, no Read in between) get a
// buffer of their own until the next wait.
func (b *Backend) uniformFor(i int, size uint64) (*wgpu.Buffer, error) {
	for len(b.uniforms) <= i {
		b.uniforms = append(b.uniforms, nil)
	}
	if u := b.uniforms[i]; u != nil && u.Size() >= size {
		return u, nil
	}
	capacity := uint64(64 << 10)
	for capacity < size {
		capacity *= 2
	}
	u, err := b.createBuffer("params", capacity, wgpu.BufferUsageUniform|wgpu.BufferUsageCopyDst)
	if err != nil {
		return nil, err
	}
	if old := b.uniforms[i]; old != nil {
		b.flushBindGroups()
		old.Release()
	}
	b.uniforms[i] = u
	return u, nil
}

// readback asks a submission to end with copies of buffers into the staging buffer dst.
type readback struct {
	dst    *wgpu.Buffer
	copies []readCopy
}

// readCopy copies the first size bytes of src to byte off of a staging buffer.
type readCopy struct {
	src       *wgpu.Buffer
	off, size uint64
}

// maxRecorded is how many dispatches are recorded before they are submitted without waiting
// for a Read, which bounds the memory that recorded work holds on to.
const maxRecorded = 2048

// record appends a dispatch. Writable bindings must not alias any other binding (WebGPU
// forbids it); the op methods arrange that.
func (b *Backend) record(k *kernel, p *params, groups [3]uint32, bufs ...*wgpu.Buffer) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.appendCmd(k, p, groups, bufs, false)
}

// appendCmd is record for a caller that holds b.mu; upload says that bufs include an upload
// buffer. When the list is long it submits it.
func (b *Backend) appendCmd(k *kernel, p *params, groups [3]uint32, bufs []*wgpu.Buffer, upload bool) {
	if len(bufs) != len(k.spec.bindings) {
		panic(fmt.Sprintf("webgpu: %s binds %d buffers; got %d", k.name, len(k.spec.bindings), len(bufs)))
	}
	for i, a := range k.spec.bindings {
		if a != readWrite {
			continue
		}
		for j, o := range bufs {
			if j != i && o == bufs[i] {
				panic(fmt.Sprintf("webgpu: %s: writable binding %d aliases binding %d", k.name, i+1, j+1))
			}
		}
	}
	lim := b.limits.MaxComputeWorkgroupsPerDimension
	if groups[0] > lim || groups[1] > lim || groups[2] > lim {
		panic(fmt.Sprintf("webgpu: %s: dispatch of %v workgroups exceeds maxComputeWorkgroupsPerDimension %d", k.name, groups, lim))
	}
	if b.failed() != nil {
		return
	}
	b.cmds = append(b.cmds, command{k: k, params: p.bytes(), bufs: bufs, groups: groups, upload: upload})
	if b.profile != nil {
		b.profileLast(k.name, groups)
		return
	}
	if len(b.cmds) >= maxRecorded {
		_ = b.submit(nil)
	}
}

// grid spreads groups workgroups over a 2-D grid within maxComputeWorkgroupsPerDimension.
func (b *Backend) grid(groups int) (gx, gy uint32) {
	max := int(b.limits.MaxComputeWorkgroupsPerDimension)
	if groups <= max {
		return uint32(groups), 1
	}
	y := (groups + max - 1) / max
	if y > max {
		panic(fmt.Sprintf("webgpu: %d workgroups exceed a %d×%d grid", groups, max, max))
	}
	x := (groups + y - 1) / y
	return uint32(x), uint32(y)
}

// grid1D returns the grid of a kernel with one invocation per element of n, whose
// parameters begin with n and row (the invocations in one row of the grid), and fills in
// those two words of p.
func (b *Backend) grid1D(n int, p *params) [3]uint32 {
	gx, gy := b.grid((n + workgroupSize - 1) / workgroupSize)
	p.set(0, checkU32(n))
	p.set(1, gx*workgroupSize)
	return [3]uint32{gx, gy, 1}
}

// dispatch1D records a kernel with one invocation per element of n (see grid1D); nothing
// when n is 0.
func (b *Backend) dispatch1D(k *kernel, n int, p *params, bufs ...*wgpu.Buffer) {
	if n == 0 {
		return
	}
	b.record(k, p, b.grid1D(n, p), bufs...)
}

// copyParams are the parameters of the copy kernel for dst[i] = src[i], i < n.
func copyParams(n int) *params {
	var p params
	p.u32(0, 0, 1, 0) // n, row, rank, pad
	p.i32(0, 0)       // doff, soff
	p.u32(0, 0)
	p.vec8u([]int{n})
	p.vec8i([]int{1})
	p.vec8i([]int{1})
	return &p
}

// submit turns the recorded dispatches into one command encoder with one compute pass, adds
// the readback copy if any, and submits it. The caller holds b.mu.
func (b *Backend) submit(rb *readback) error {
	if err := b.failed(); err != nil {
		return err
	}
	cmds := b.cmds
	b.cmds = nil
	defer b.releaseUploads()
	if len(cmds) == 0 && rb == nil {
		return nil
	}
	align := uint64(max(b.limits.MinUniformBufferOffsetAlignment, paramsAlign))
	arena := b.arena[:0]
	offsets := b.offsets[:0]
	for _, c := range cmds {
		offsets = append(offsets, uint64(len(arena)))
		arena = append(arena, c.params...)
		for pad := roundUp(uint64(len(c.params)), align) - uint64(len(c.params)); pad > 0; pad-- {
			arena = append(arena, 0)
		}
	}
	b.arena, b.offsets = arena, offsets
	var ub *wgpu.Buffer
	cache := true
	if len(arena) > 0 {
		var err error
		if b.sinceWait < maxUniforms {
			ub, err = b.uniformFor(b.sinceWait, uint64(len(arena)))
		} else {
			// Many submissions without a wait: a buffer for this one only.
			cache = false
			ub, err = b.createBuffer("params", uint64(len(arena)), wgpu.BufferUsageUniform|wgpu.BufferUsageCopyDst)
			if err == nil {
				defer ub.Release()
			}
		}
		if err != nil {
			return b.fail(err)
		}
		if err := b.queue.WriteBuffer(ub, 0, arena); err != nil {
			return b.fail(fmt.Errorf("webgpu: write parameters: %w", err))
		}
	}
	enc, err := b.device.CreateCommandEncoder(&wgpu.CommandEncoderDescriptor{Label: "ganplay"})
	if err != nil {
		return b.fail(fmt.Errorf("webgpu: command encoder: %w", err))
	}
	if len(cmds) > 0 {
		pass, err := enc.BeginComputePass(nil)
		if err != nil {
			enc.DiscardEncoding()
			return b.fail(fmt.Errorf("webgpu: compute pass: %w", err))
		}
		var uncached []*wgpu.BindGroup
		defer func() {
			for _, g := range uncached {
				g.Release()
			}
		}()
		if len(b.bindGroups) > maxBindGroups {
			b.flushBindGroups()
		}
		entries := b.entries[:0]
		var last *wgpu.ComputePipeline
		for i, c := range cmds {
			key := bindKey{k: c.k, ub: ub, offset: offsets[i], size: uint64(len(c.params))}
			copy(key.bufs[:], c.bufs)
			g := b.bindGroups[key]
			if g == nil {
				entries = append(entries[:0], wgpu.BindGroupEntry{Binding: 0, Buffer: ub, Offset: offsets[i], Size: uint64(len(c.params))})
				for j, x := range c.bufs {
					entries = append(entries, wgpu.BindGroupEntry{Binding: uint32(j + 1), Buffer: x, Size: x.Size()})
				}
				g, err = b.device.CreateBindGroup(&wgpu.BindGroupDescriptor{Label: c.k.name, Layout: c.k.layout, Entries: entries})
				if err != nil {
					_ = pass.End()
					enc.DiscardEncoding()
					return b.fail(fmt.Errorf("webgpu: bind group of %s: %w", c.k.name, err))
				}
				if c.upload || !cache {
					uncached = append(uncached, g)
				} else {
					b.bindGroups[key] = g
				}
				b.stats.BindGroups++
			}
			if c.k.pipeline != last {
				pass.SetPipeline(c.k.pipeline)
				last = c.k.pipeline
			}
			pass.SetBindGroup(0, g, nil)
			pass.Dispatch(c.groups[0], c.groups[1], c.groups[2])
		}
		b.entries = entries
		if err := pass.End(); err != nil {
			enc.DiscardEncoding()
			return b.fail(fmt.Errorf("webgpu: end compute pass: %w", err))
		}
	}
	if rb != nil {
		for _, c := range rb.copies {
			enc.CopyBufferToBuffer(c.src, 0, rb.dst, c.off, c.size)
		}
	}
	cb, err := enc.Finish()
	if err != nil {
		return b.fail(fmt.Errorf("webgpu: finish commands: %w", err))
	}
	if _, err := b.queue.Submit(cb); err != nil {
		return b.fail(fmt.Errorf("webgpu: submit: %w", err))
	}
	b.inflight = true
	b.sinceWait++
	b.stats.Submissions++
	b.stats.Dispatches += uint64(len(cmds))
	b.pool.releaseDropped(b.flushBindGroups)
	return nil
}

// releaseUploads releases the upload buffers of the recorded work, which has just been
// submitted or dropped.
func (b *Backend) releaseUploads() {
	for _, u := range b.uploads {
		u.Release()
	}
	b.uploads = nil
}

func roundUp(n, align uint64) uint64 { return (n + align - 1) / align * align }

// params builds a uniform block: little-endian words, padded to 16 bytes.
type params struct{ b []byte }

// maxParams is the size of the largest uniform block (reduce.wgsl's), which params
// reserves at once instead of growing a word at a time.
const maxParams = 160

func (p *params) grow() {
	if p.b == nil {
		p.b = make([]byte, 0, maxParams)
	}
}

func (p *params) u32(vs ...uint32) {
	p.grow()
	for _, v := range vs {
		p.b = binary.LittleEndian.AppendUint32(p.b, v)
	}
}

func (p *params) i32(vs ...int32) {
	p.grow()
	for _, v := range vs {
		p.b = binary.LittleEndian.AppendUint32(p.b, uint32(v))
	}
}

func (p *params) f32(vs ...float32) {
	p.grow()
	for _, v := range vs {
		p.b = binary.LittleEndian.AppendUint32(p.b, math.Float32bits(v))
	}
}

// vec8u appends array<vec4<u32>, 2>: up to 8 non-negative values, zero-padded.
func (p *params) vec8u(vs []int) {
	if len(vs) > maxRank {
		panic(fmt.Sprintf("webgpu: rank %d exceeds %d", len(vs), maxRank))
	}
	for i := range maxRank {
		v := 0
		if i < len(vs) {
			v = vs[i]
		}
		p.u32(checkU32(v))
	}
}

// vec8i appends array<vec4<i32>, 2>.
func (p *params) vec8i(vs []int) {
	if len(vs) > maxRank {
		panic(fmt.Sprintf("webgpu: rank %d exceeds %d", len(vs), maxRank))
	}
	for i := range maxRank {
		v := 0
		if i < len(vs) {
			v = vs[i]
		}
		p.i32(checkI32(v))
	}
}

// set overwrites word i.
func (p *params) set(i int, v uint32) { binary.LittleEndian.PutUint32(p.b[4*i:], v) }

// bytes returns the block padded to a multiple of 16 bytes.
func (p *params) bytes() []byte {
	for len(p.b)%16 != 0 {
		p.b = append(p.b, 0)
	}
	return p.b
}

// maxRank is the largest rank of the strided kernels (after axes are merged).
const maxRank = 8

func checkU32(v int) uint32 {
	if v < 0 || uint64(v) > math.MaxUint32 {
		panic(fmt.Sprintf("webgpu: %d does not fit a kernel's u32 parameter", v))
	}
	return uint32(v)
}

func checkI32(v int) int32 {
	if v < math.MinInt32 || v > math.MaxInt32 {
		panic(fmt.Sprintf("webgpu: %d does not fit a kernel's i32 parameter", v))
	}
	return int32(v)
}

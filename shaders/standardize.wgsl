// standardize.wgsl: Backend.Standardize (engine.Standardizer), the forward pass of BatchNorm
// and InstanceNorm. x is viewed as [A, C, B]; for each channel c, over its n = A·B elements
// x(i, c, k) at (i·C + c)·B + k:
//
//	mean_c = Σ x / n,  var_c = Σ (x - mean_c)² / n (biased),  invstd_c = 1/√(var_c + eps),
//	y = (x - mean_c)·invstd_c,
//
// as engine/cpu/norm.go (the reference) computes them. One workgroup of 256 invocations per
// channel: each sums a strided share of the channel, then a tree in workgroup memory adds
// the 256 partial sums. Two passes over x (the mean, then the squared deviations) rather
// than Σx² - n·mean², which loses the variance to cancellation when the mean is large.
// Workgroup (x, y) runs channel y·row + x.

struct Params {
    a: u32,
    c: u32,
    b: u32,
    row: u32,
    eps: f32,
    pad0: u32,
    pad1: u32,
    pad2: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
@group(0) @binding(2) var<storage, read_write> mean: array<f32>;
@group(0) @binding(3) var<storage, read_write> invstd: array<f32>;
@group(0) @binding(4) var<storage, read> x: array<f32>;

const WG: u32 = 256u;

var<workgroup> partial: array<f32, 256>;

// total adds the workgroup's partial sums (v from invocation t) and returns the sum to all.
fn total(t: u32, v: f32) -> f32 {
    partial[t] = v;
    workgroupBarrier();
    for (var w = WG / 2u; w > 0u; w = w >> 1u) {
        if (t < w) {
            partial[t] = partial[t] + partial[t + w];
        }
        workgroupBarrier();
    }
    let s = partial[0];
    workgroupBarrier();
    return s;
}

// at returns the index of element j (of the channel's n) of channel ch.
fn at(ch: u32, j: u32) -> u32 {
    return ((j / P.b) * P.c + ch) * P.b + j % P.b;
}

@compute @workgroup_size(256)
fn standardize(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) t: u32) {
    let ch = wg.y * P.row + wg.x;
    if (ch >= P.c) {
        return;
    }
    let n = P.a * P.b;
    var s = 0.0;
    for (var j = t; j < n; j = j + WG) {
        s = s + x[at(ch, j)];
    }
    let m = total(t, s) / f32(n);
    var q = 0.0;
    for (var j = t; j < n; j = j + WG) {
        let d = x[at(ch, j)] - m;
        q = q + d * d;
    }
    let inv = 1.0 / sqrt(total(t, q) / f32(n) + P.eps);
    for (var j = t; j < n; j = j + WG) {
        let i = at(ch, j);
        y[i] = (x[i] - m) * inv;
    }
    if (t == 0u) {
        mean[ch] = m;
        invstd[ch] = inv;
    }
}

// standardize_grad.wgsl: Backend.StandardizeGrad (engine.Standardizer), the backward pass of
// standardize.wgsl. With x viewed as [A, C, B], y the standardized x, g the gradient with
// respect to y and invstd_c from the forward pass, per channel c over its n = A·B elements:
//
//	dx = invstd_c·(g - mean_c(g) - y·mean_c(g·y)),
//
// as engine/cpu/norm.go computes it. One workgroup of 256 invocations per channel sums g
// and g·y together (a tree in workgroup memory for each), then writes dx. Workgroup (x, y)
// runs channel y·row + x.

struct Params {
    a: u32,
    c: u32,
    b: u32,
    row: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dx: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read> y: array<f32>;
@group(0) @binding(4) var<storage, read> invstd: array<f32>;

const WG: u32 = 256u;

var<workgroup> pg: array<f32, 256>;
var<workgroup> pgy: array<f32, 256>;

// at returns the index of element j (of the channel's n) of channel ch.
fn at(ch: u32, j: u32) -> u32 {
    return ((j / P.b) * P.c + ch) * P.b + j % P.b;
}

@compute @workgroup_size(256)
fn standardize_grad(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) t: u32) {
    let ch = wg.y * P.row + wg.x;
    if (ch >= P.c) {
        return;
    }
    let n = P.a * P.b;
    var sg = 0.0;
    var sgy = 0.0;
    for (var j = t; j < n; j = j + WG) {
        let i = at(ch, j);
        sg = sg + g[i];
        sgy = sgy + g[i] * y[i];
    }
    pg[t] = sg;
    pgy[t] = sgy;
    workgroupBarrier();
    for (var w = WG / 2u; w > 0u; w = w >> 1u) {
        if (t < w) {
            pg[t] = pg[t] + pg[t + w];
            pgy[t] = pgy[t] + pgy[t + w];
        }
        workgroupBarrier();
    }
    let mg = pg[0] / f32(n);
    let mgy = pgy[0] / f32(n);
    let inv = invstd[ch];
    for (var j = t; j < n; j = j + WG) {
        let i = at(ch, j);
        dx[i] = inv * (g[i] - mg - y[i] * mgy);
    }
}

// reduce.wgsl: Backend.Reduce. One workgroup per output element: its 64 invocations fold
// strided slices of the reduced elements, then combine their partial results in workgroup
// memory as a tree. Output o (contiguous over the kept axes) starts at Σ o_d·kstride_d in x;
// reduced element r adds Σ r_d·rstride_d. engine/cpu/reduce.go is the reference.

struct Params {
    nout: u32,
    // gx is the number of workgroups in one row of the dispatch grid.
    gx: u32,
    nred: u32,
    op: u32,
    krank: u32,
    rrank: u32,
    // init is the identity of the fold: 0 for a sum, -Inf for a maximum. It comes from the
    // host because WGSL constant expressions cannot hold an infinity (Tint rejects even
    // bitcast<f32>(0xff800000u)).
    init: f32,
    pad0: u32,
    kshape: array<vec4<u32>, 2>,
    kstride: array<vec4<u32>, 2>,
    rshape: array<vec4<u32>, 2>,
    rstride: array<vec4<u32>, 2>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;

// The op selectors, in the order of engine.ReduceOp.
const OP_SUM: u32 = 0u;
const OP_MAX: u32 = 1u;

const WG: u32 = 64u;

var<workgroup> part: array<f32, 64>;

fn combine(op: u32, acc: f32, v: f32) -> f32 {
    if (op == OP_MAX) {
        return max(acc, v);
    }
    return acc + v;
}

fn kept_offset(o: u32) -> u32 {
    var rem = o;
    var off = 0u;
    for (var d = i32(P.krank) - 1; d >= 0; d = d - 1) {
        let q = u32(d) >> 2u;
        let r = u32(d) & 3u;
        let s = P.kshape[q][r];
        off = off + (rem % s) * P.kstride[q][r];
        rem = rem / s;
    }
    return off;
}

fn reduced_offset(j: u32) -> u32 {
    var rem = j;
    var off = 0u;
    for (var d = i32(P.rrank) - 1; d >= 0; d = d - 1) {
        let q = u32(d) >> 2u;
        let r = u32(d) & 3u;
        let s = P.rshape[q][r];
        off = off + (rem % s) * P.rstride[q][r];
        rem = rem / s;
    }
    return off;
}

@compute @workgroup_size(64)
fn reduce(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) t: u32) {
    // o is the same for the whole workgroup, so this return keeps the barriers below in
    // uniform control flow.
    let o = wg.y * P.gx + wg.x;
    if (o >= P.nout) {
        return;
    }
    let base = kept_offset(o);
    var acc = P.init;
    for (var j = t; j < P.nred; j = j + WG) {
        acc = combine(P.op, acc, x[base + reduced_offset(j)]);
    }
    part[t] = acc;
    workgroupBarrier();
    for (var s = WG / 2u; s > 0u; s = s >> 1u) {
        if (t < s) {
            part[t] = combine(P.op, part[t], part[t + s]);
        }
        workgroupBarrier();
    }
    if (t == 0u) {
        dst[o] = part[0];
    }
}

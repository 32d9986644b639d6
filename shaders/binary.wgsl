// binary.wgsl: Backend.Binary. dst[i] = op(a[oa(i)], b[ob(i)]; alpha) over a broadcast: the
// output is contiguous with shape P.shape, and oa, ob are Σ i_d·stride_d with the strides
// of each operand (0 on broadcast axes). engine/cpu/binary.go is the reference. Entry point
// binary_inplace reads a from dst itself (the backend picks it when dst is a, whose strides
// are then contiguous).

struct Params {
    n: u32,
    row: u32,
    op: u32,
    rank: u32,
    alpha: f32,
    pad0: u32,
    pad1: u32,
    pad2: u32,
    // Shape and strides, up to rank 8: axis d is element d % 4 of vector d / 4.
    shape: array<vec4<u32>, 2>,
    sa: array<vec4<i32>, 2>,
    sb: array<vec4<i32>, 2>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
@group(0) @binding(3) var<storage, read> rhs: array<f32>;

// The op selectors, in the order of engine.BinaryOp.
const OP_ADD: u32 = 0u;
const OP_SUB: u32 = 1u;
const OP_MUL: u32 = 2u;
const OP_DIV: u32 = 3u;
const OP_MAX: u32 = 4u;
const OP_EQ: u32 = 5u;
const OP_MUL_STEP: u32 = 6u;

fn apply(op: u32, x: f32, y: f32, alpha: f32) -> f32 {
    var r = 0.0;
    switch op {
        case OP_ADD: { r = x + y; }
        case OP_SUB: { r = x - y; }
        case OP_MUL: { r = x * y; }
        case OP_DIV: { r = x / y; }
        case OP_MAX: { r = max(x, y); }
        case OP_EQ: { r = select(0.0, 1.0, x == y); }
        case OP_MUL_STEP: { r = select(alpha * x, x, y > 0.0); }
        default: { r = x; }
    }
    return r;
}

// offsets returns the element offsets in a and b of output element i.
fn offsets(i: u32) -> vec2<i32> {
    var rem = i;
    var o = vec2<i32>(0, 0);
    for (var d = i32(P.rank) - 1; d >= 0; d = d - 1) {
        let q = u32(d) >> 2u;
        let r = u32(d) & 3u;
        let s = P.shape[q][r];
        let c = i32(rem % s);
        rem = rem / s;
        o = o + c * vec2<i32>(P.sa[q][r], P.sb[q][r]);
    }
    return o;
}

@compute @workgroup_size(64)
fn binary(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    let o = offsets(i);
    dst[i] = apply(P.op, lhs[o.x], rhs[o.y], P.alpha);
}

@compute @workgroup_size(64)
fn binary_inplace(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    let o = offsets(i);
    dst[i] = apply(P.op, dst[i], rhs[o.y], P.alpha);
}

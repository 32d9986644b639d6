// unary.wgsl: Backend.Unary. dst[i] = op(x[i]; a, b) for the engine's UnaryOp selector
// (engine/oplist.go); engine/cpu/unary.go is the reference. Entry point unary reads x and
// writes dst; unary_inplace updates dst in place (the backend picks it when dst is x, since
// WebGPU forbids binding one buffer as both read-only and writable storage).

struct Params {
    n: u32,
    row: u32,
    op: u32,
    pad0: u32,
    a: f32,
    b: f32,
    pad1: u32,
    pad2: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;

// The op selectors, in the order of engine.UnaryOp.
const OP_NEG: u32 = 0u;
const OP_EXP: u32 = 1u;
const OP_LOG: u32 = 2u;
const OP_SQRT: u32 = 3u;
const OP_ABS: u32 = 4u;
const OP_TANH: u32 = 5u;
const OP_SIGMOID: u32 = 6u;
const OP_RELU: u32 = 7u;
const OP_LEAKY_RELU: u32 = 8u;
const OP_SOFTPLUS: u32 = 9u;
const OP_POW: u32 = 10u;
const OP_CLAMP: u32 = 11u;
const OP_AFFINE: u32 = 12u;
const OP_SIGN: u32 = 13u;
const OP_STEP: u32 = 14u;
const OP_IN_RANGE: u32 = 15u;
const OP_RECIP: u32 = 16u;

// tanh_safe computes tanh from e^-2|v|, which never overflows: some drivers evaluate the
// builtin tanh as (e^2v - 1)/(e^2v + 1) and return NaN for |v| beyond about 44.
fn tanh_safe(v: f32) -> f32 {
    let t = exp(-2.0 * abs(v));
    let r = (1.0 - t) / (1.0 + t);
    return select(r, -r, v < 0.0);
}

// sigmoid_safe is 1/(1 + e^-v) evaluated on the side where the exponential cannot overflow.
fn sigmoid_safe(v: f32) -> f32 {
    if (v >= 0.0) {
        return 1.0 / (1.0 + exp(-v));
    }
    let e = exp(v);
    return e / (1.0 + e);
}

// log1p_safe is ln(1 + e) for e ≥ 0 without losing small e to rounding of 1 + e.
fn log1p_safe(e: f32) -> f32 {
    let u = 1.0 + e;
    if (u == 1.0) {
        return e;
    }
    return log(u) * e / (u - 1.0);
}

// pow_a is v^a. Small integer and half exponents are exact products or roots, as in the
// CPU reference; other integer exponents keep the sign of a negative base (WGSL's pow is
// undefined for v < 0).
fn pow_a(v: f32, a: f32) -> f32 {
    if (a == 0.0) {
        return 1.0;
    }
    if (a == 1.0) {
        return v;
    }
    if (a == 2.0) {
        return v * v;
    }
    if (a == 3.0) {
        return v * v * v;
    }
    if (a == -1.0) {
        return 1.0 / v;
    }
    if (a == -2.0) {
        return 1.0 / (v * v);
    }
    if (a == 0.5) {
        return sqrt(v);
    }
    if (a == floor(a)) {
        let m = pow(abs(v), a);
        let odd = abs(a) % 2.0 == 1.0;
        return select(m, -m, odd && v < 0.0);
    }
    return pow(v, a);
}

fn apply(op: u32, v: f32, a: f32, b: f32) -> f32 {
    var r = v;
    switch op {
        case OP_NEG: { r = -v; }
        case OP_EXP: { r = exp(v); }
        case OP_LOG: { r = log(v); }
        case OP_SQRT: { r = sqrt(v); }
        case OP_ABS: { r = abs(v); }
        case OP_TANH: { r = tanh_safe(v); }
        case OP_SIGMOID: { r = sigmoid_safe(v); }
        case OP_RELU: { r = max(v, 0.0); }
        case OP_LEAKY_RELU: { r = select(a * v, v, v > 0.0); }
        // ln(1 + e^v) = max(v, 0) + ln(1 + e^-|v|), which never overflows.
        case OP_SOFTPLUS: { r = max(v, 0.0) + log1p_safe(exp(-abs(v))); }
        case OP_POW: { r = pow_a(v, a); }
        case OP_CLAMP: { r = min(max(v, a), b); }
        case OP_AFFINE: { r = a * v + b; }
        case OP_SIGN: { r = select(0.0, 1.0, v > 0.0) - select(0.0, 1.0, v < 0.0); }
        case OP_STEP: { r = select(b, 1.0, v > a); }
        case OP_IN_RANGE: { r = select(0.0, 1.0, v >= a && v <= b); }
        case OP_RECIP: { r = 1.0 / v; }
        default: { r = v; }
    }
    return r;
}

@compute @workgroup_size(64)
fn unary(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    dst[i] = apply(P.op, x[i], P.a, P.b);
}

@compute @workgroup_size(64)
fn unary_inplace(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    dst[i] = apply(P.op, dst[i], P.a, P.b);
}

// optim.wgsl: Backend.OptimStep, one fused optimizer update per element of the parameter w
// from its gradient g and the state buffers s1, s2 (see engine.OptimOp for the formulas;
// engine/cpu/optim.go is the reference). Unused states are bound to scratch buffers.

struct Params {
    n: u32,
    row: u32,
    op: u32,
    pad0: u32,
    lr: f32,
    momentum: f32,
    beta1: f32,
    beta2: f32,
    eps: f32,
    scale: f32,
    pad1: u32,
    pad2: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> w: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read_write> s1: array<f32>;
@group(0) @binding(4) var<storage, read_write> s2: array<f32>;

// The op selectors, in the order of engine.OptimOp.
const OPT_SGD: u32 = 0u;
const OPT_ADAM: u32 = 1u;
const OPT_RMSPROP: u32 = 2u;

@compute @workgroup_size(64)
fn optim(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    let gi = g[i];
    switch P.op {
        case OPT_SGD: {
            if (P.momentum == 0.0) {
                w[i] = w[i] - P.lr * gi;
            } else {
                let v = P.momentum * s1[i] + gi;
                s1[i] = v;
                w[i] = w[i] - P.lr * v;
            }
        }
        case OPT_ADAM: {
            let m = P.beta1 * s1[i] + (1.0 - P.beta1) * gi;
            let v = P.beta2 * s2[i] + (1.0 - P.beta2) * gi * gi;
            s1[i] = m;
            s2[i] = v;
            w[i] = w[i] - P.lr * m / (sqrt(v) * P.scale + P.eps);
        }
        case OPT_RMSPROP: {
            let s = P.beta2 * s1[i] + (1.0 - P.beta2) * gi * gi;
            s1[i] = s;
            w[i] = w[i] - P.lr * gi / (sqrt(s) + P.eps);
        }
        default: {}
    }
}

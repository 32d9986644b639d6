// fill.wgsl: Backend.Fill. dst[i] = value for every i < n.

struct Params {
    n: u32,
    row: u32,
    value: f32,
    pad0: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(64)
fn fill(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    dst[i] = P.value;
}

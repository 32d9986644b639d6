// copy.wgsl: Backend.Copy. For every index (i_0, …) of the common shape, dst[doff + Σ i_d·ds_d]
// = src[soff + Σ i_d·ss_d]; source strides may be negative or zero. engine/cpu/copy.go is the
// reference. The backend also uses this kernel for uploads and to copy whole buffers.

struct Params {
    n: u32,
    row: u32,
    rank: u32,
    pad0: u32,
    doff: i32,
    soff: i32,
    pad1: u32,
    pad2: u32,
    shape: array<vec4<u32>, 2>,
    ds: array<vec4<i32>, 2>,
    ss: array<vec4<i32>, 2>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;

@compute @workgroup_size(64)
fn copy(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.y * P.row + gid.x;
    if (i >= P.n) {
        return;
    }
    var rem = i;
    var od = P.doff;
    var os = P.soff;
    for (var d = i32(P.rank) - 1; d >= 0; d = d - 1) {
        let q = u32(d) >> 2u;
        let r = u32(d) & 3u;
        let s = P.shape[q][r];
        let c = i32(rem % s);
        rem = rem / s;
        od = od + c * P.ds[q][r];
        os = os + c * P.ss[q][r];
    }
    dst[u32(od)] = src[u32(os)];
}

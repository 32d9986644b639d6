// im2col.wgsl: Backend.Im2Col. x is [N, C, H, W] and dst is [N, C·KH·KW, OH·OW]: row
// (c·KH + p)·KW + q, column i·OW + j of image n holds x[n, c, i·sh + p - ph, j·sw + q - pw],
// or 0 in the padding. One invocation per element of dst. engine/cpu/im2col.go is the
// reference.

struct Params {
    n: u32,
    row: u32,
    batch: u32,
    c: u32,
    h: u32,
    w: u32,
    kh: u32,
    kw: u32,
    sh: u32,
    sw: u32,
    ph: u32,
    pw: u32,
    oh: u32,
    ow: u32,
    pad0: u32,
    pad1: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;

@compute @workgroup_size(64)
fn im2col(@builtin(global_invocation_id) gid: vec3<u32>) {
    let e = gid.y * P.row + gid.x;
    if (e >= P.n) {
        return;
    }
    let l = P.oh * P.ow;
    let rows = P.c * P.kh * P.kw;
    let col = e % l;
    let rw = (e / l) % rows;
    let img = e / (l * rows);
    let ch = rw / (P.kh * P.kw);
    let p = (rw / P.kw) % P.kh;
    let q = rw % P.kw;
    let y = i32((col / P.ow) * P.sh + p) - i32(P.ph);
    let xx = i32((col % P.ow) * P.sw + q) - i32(P.pw);
    var v = 0.0;
    if (y >= 0 && y < i32(P.h) && xx >= 0 && xx < i32(P.w)) {
        v = x[((img * P.c + ch) * P.h + u32(y)) * P.w + u32(xx)];
    }
    dst[e] = v;
}

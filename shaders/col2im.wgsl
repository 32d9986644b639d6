// col2im.wgsl: Backend.Col2Im, the adjoint of Im2Col: dst[n, c, y, x] is the sum of every
// cols[n, (c·KH + p)·KW + q, i·OW + j] with i·sh + p - ph = y and j·sw + q - pw = x. One
// invocation per element of dst gathers its terms, so no atomics are needed.
// engine/cpu/im2col.go is the reference.

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
@group(0) @binding(2) var<storage, read> cols: array<f32>;

@compute @workgroup_size(64)
fn col2im(@builtin(global_invocation_id) gid: vec3<u32>) {
    let e = gid.y * P.row + gid.x;
    if (e >= P.n) {
        return;
    }
    let xx = i32(e % P.w);
    let y = i32((e / P.w) % P.h);
    let ch = (e / (P.w * P.h)) % P.c;
    let img = e / (P.w * P.h * P.c);
    let l = P.oh * P.ow;
    let rows = P.c * P.kh * P.kw;
    var acc = 0.0;
    for (var p = 0u; p < P.kh; p = p + 1u) {
        let ty = y + i32(P.ph) - i32(p);
        if (ty < 0 || ty % i32(P.sh) != 0) {
            continue;
        }
        let i = u32(ty) / P.sh;
        if (i >= P.oh) {
            continue;
        }
        for (var q = 0u; q < P.kw; q = q + 1u) {
            let tx = xx + i32(P.pw) - i32(q);
            if (tx < 0 || tx % i32(P.sw) != 0) {
                continue;
            }
            let j = u32(tx) / P.sw;
            if (j >= P.ow) {
                continue;
            }
            let rw = (ch * P.kh + p) * P.kw + q;
            acc = acc + cols[(img * rows + rw) * l + i * P.ow + j];
        }
    }
    dst[e] = acc;
}

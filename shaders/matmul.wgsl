// matmul.wgsl: Backend.MatMul. dst_i = op(a_i)·op(b_i) for every batch i, or with sum set,
// dst = Σ_i op(a_i)·op(b_i). op(a) is M×K and op(b) is K×N; element (i, k) of op(a_i) is at
// batch·strideA + i·sai + k·sak in a, which covers both transposes (see MatMulGeom).
//
// a and b are bound as arrays of vec4 (the backend rounds every tensor buffer up to 16
// bytes), so that an operand whose contiguous axis is a multiple of 4 long (and whose batch
// stride is too) is read with vec4 loads; any other operand is read one element at a time,
// x[i >> 2][i & 3]. The flags avec and bvec say which.
//
// matmul: each workgroup computes a 64×64 tile of dst with 8×8 invocations, each owning an
// 8×8 block of outputs held in sixteen vec4 accumulators; the K axis is walked in slices of
// 16 that the workgroup first stages in workgroup memory (8 KiB), k-major, so that at each
// step an invocation reads its 8 rows of op(a) and its 8 columns of op(b) as four vec4 for
// 64 multiply-adds. Workgroup (x, y, z) covers columns 64·x, rows 64·(y + row0) and batch
// z + batch0, so that large products split into several dispatches within the grid limits.
//
// matmul_small (see tile) has 32×32 tiles and 8×8 invocations owning 4×4 outputs each, for
// products too small to give many 64×64 tiles.
//
// matmul_thin runs one invocation per output element, a plain dot product over k, for
// products with very few rows or columns (a layer with one output, the weight gradient of
// a layer with two inputs), where a tile would compute mostly padding. Its invocations
// cover every batch (row0 and batch0 are unused) on a 2-D grid of 64-invocation workgroups.

struct Params {
    m: u32,
    n: u32,
    k: u32,
    // sum is 1 for SumBatch: every workgroup then loops over nbatch batches itself.
    sum: u32,
    sai: u32,
    sak: u32,
    sbk: u32,
    sbj: u32,
    stride_a: u32,
    stride_b: u32,
    nbatch: u32,
    batch0: u32,
    row0: u32,
    // avec (bvec) is 1 when a (b) may be read with vec4 loads along its contiguous axis.
    avec: u32,
    bvec: u32,
    // row is the number of invocations in one row of matmul_thin's grid.
    row: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> b: array<vec4<f32>>;

const BK: u32 = 16u;

// ta[off + k·(BM/4) + r/4][r%4] holds op(a)(i0 + r, k0 + k); tb[off + k·(BN/4) + c/4][c%4]
// holds op(b)(k0 + k, j0 + c). Every tiled entry point shares them: matmul stages 256 vec4 of
// each, matmul_small the first half of that, and matmul_big two buffers of 256 (off = 0 or
// 256), 16 KiB in all, WebGPU's default maxComputeWorkgroupStorageSize.
var<workgroup> ta: array<vec4<f32>, 512>;
var<workgroup> tb: array<vec4<f32>, 512>;

fn load_a(idx: u32) -> f32 {
    return a[idx >> 2u][idx & 3u];
}

fn load_b(idx: u32) -> f32 {
    return b[idx >> 2u][idx & 3u];
}

// fetch_a reads op(a)(i0 + r, k0 + k) for one group of 4 elements, number q of the
// workgroup's (bm/4)·BK groups: 4 consecutive k when a's contiguous axis is k (sak = 1),
// 4 consecutive rows otherwise, which is the axis a vec4 load can follow. Elements beyond
// the matrix read as 0.
fn fetch_a(q: u32, bm: u32, i0: u32, k0: u32, abase: u32) -> vec4<f32> {
    var v = vec4<f32>(0.0);
    if (P.sak == 1u) {
        // group q: row r = q % bm, k = 4·(q / bm) … +3
        let gi = i0 + q % bm;
        let gk = k0 + 4u * (q / bm);
        if (gi < P.m) {
            let base = abase + gi * P.sai + gk;
            if (P.avec != 0u) {
                if (gk < P.k) {
                    v = a[base >> 2u];
                }
            } else {
                if (gk < P.k) { v.x = load_a(base); }
                if (gk + 1u < P.k) { v.y = load_a(base + 1u); }
                if (gk + 2u < P.k) { v.z = load_a(base + 2u); }
                if (gk + 3u < P.k) { v.w = load_a(base + 3u); }
            }
        }
    } else {
        // group q: rows 4·(q % q4) … +3, k = q / q4; a(i, k) at i·sai + k·sak with sai = 1
        let q4 = bm / 4u;
        let gi = i0 + 4u * (q % q4);
        let gk = k0 + q / q4;
        if (gk < P.k) {
            let base = abase + gi * P.sai + gk * P.sak;
            if (P.avec != 0u) {
                if (gi < P.m) {
                    v = a[base >> 2u];
                }
            } else {
                if (gi < P.m) { v.x = load_a(base); }
                if (gi + 1u < P.m) { v.y = load_a(base + P.sai); }
                if (gi + 2u < P.m) { v.z = load_a(base + 2u * P.sai); }
                if (gi + 3u < P.m) { v.w = load_a(base + 3u * P.sai); }
            }
        }
    }
    return v;
}

// put_a writes group q, as fetch_a read it, into ta from index off on.
fn put_a(q: u32, bm: u32, v: vec4<f32>, off: u32) {
    let q4 = bm / 4u;
    if (P.sak == 1u) {
        let r = q % bm;
        let k = 4u * (q / bm);
        let c = r & 3u;
        let o = off + k * q4 + r / 4u;
        ta[o][c] = v.x;
        ta[o + q4][c] = v.y;
        ta[o + 2u * q4][c] = v.z;
        ta[o + 3u * q4][c] = v.w;
    } else {
        ta[off + (q / q4) * q4 + q % q4] = v;
    }
}

// stage_a stages group q of op(a) in ta.
fn stage_a(q: u32, bm: u32, i0: u32, k0: u32, abase: u32) {
    put_a(q, bm, fetch_a(q, bm, i0, k0, abase), 0u);
}

// fetch_b reads op(b)(k0 + k, j0 + c) for group q of the workgroup's (bn/4)·BK groups:
// 4 consecutive columns when b's contiguous axis is j (sbj = 1), 4 consecutive k otherwise.
fn fetch_b(q: u32, bn: u32, j0: u32, k0: u32, bbase: u32) -> vec4<f32> {
    var v = vec4<f32>(0.0);
    if (P.sbj == 1u) {
        let q4 = bn / 4u;
        let gj = j0 + 4u * (q % q4);
        let gk = k0 + q / q4;
        if (gk < P.k) {
            let base = bbase + gk * P.sbk + gj;
            if (P.bvec != 0u) {
                if (gj < P.n) {
                    v = b[base >> 2u];
                }
            } else {
                if (gj < P.n) { v.x = load_b(base); }
                if (gj + 1u < P.n) { v.y = load_b(base + 1u); }
                if (gj + 2u < P.n) { v.z = load_b(base + 2u); }
                if (gj + 3u < P.n) { v.w = load_b(base + 3u); }
            }
        }
    } else {
        // group q: column c = q % bn, k = 4·(q / bn) … +3; b(k, j) at k·sbk + j·sbj, sbk = 1
        let gj = j0 + q % bn;
        let gk = k0 + 4u * (q / bn);
        if (gj < P.n) {
            let base = bbase + gk * P.sbk + gj * P.sbj;
            if (P.bvec != 0u) {
                if (gk < P.k) {
                    v = b[base >> 2u];
                }
            } else {
                if (gk < P.k) { v.x = load_b(base); }
                if (gk + 1u < P.k) { v.y = load_b(base + P.sbk); }
                if (gk + 2u < P.k) { v.z = load_b(base + 2u * P.sbk); }
                if (gk + 3u < P.k) { v.w = load_b(base + 3u * P.sbk); }
            }
        }
    }
    return v;
}

// put_b writes group q, as fetch_b read it, into tb from index off on.
fn put_b(q: u32, bn: u32, v: vec4<f32>, off: u32) {
    let q4 = bn / 4u;
    if (P.sbj == 1u) {
        tb[off + (q / q4) * q4 + q % q4] = v;
    } else {
        let c = q % bn;
        let k = 4u * (q / bn);
        let e = c & 3u;
        let o = off + k * q4 + c / 4u;
        tb[o][e] = v.x;
        tb[o + q4][e] = v.y;
        tb[o + 2u * q4][e] = v.z;
        tb[o + 3u * q4][e] = v.w;
    }
}

// stage_b stages group q of op(b) in tb.
fn stage_b(q: u32, bn: u32, j0: u32, k0: u32, bbase: u32) {
    put_b(q, bn, fetch_b(q, bn, j0, k0, bbase), 0u);
}

// store writes one row of an invocation's 4×4 block.
fn store(dbase: u32, gi: u32, gj: u32, v: vec4<f32>) {
    if (gi >= P.m) {
        return;
    }
    let o = dbase + gi * P.n + gj;
    if (gj < P.n) { dst[o] = v.x; }
    if (gj + 1u < P.n) { dst[o + 1u] = v.y; }
    if (gj + 2u < P.n) { dst[o + 2u] = v.z; }
    if (gj + 3u < P.n) { dst[o + 3u] = v.w; }
}

// tile runs the whole product for the workgroup's tile of bm×bn outputs (bm/4 × bn/4
// invocations, t the invocation's index, (tx, ty) its position).
fn tile(wg: vec3<u32>, t: u32, tx: u32, ty: u32, bm: u32, bn: u32) {
    let threads = (bm / 4u) * (bn / 4u);
    let i0 = (wg.y + P.row0) * bm;
    let j0 = wg.x * bn;
    var acc0 = vec4<f32>(0.0);
    var acc1 = vec4<f32>(0.0);
    var acc2 = vec4<f32>(0.0);
    var acc3 = vec4<f32>(0.0);
    var nb = 1u;
    var first = wg.z + P.batch0;
    if (P.sum != 0u) {
        nb = P.nbatch;
        first = 0u;
    }
    let qa = bm / 4u;
    let qb = bn / 4u;
    for (var bi = 0u; bi < nb; bi = bi + 1u) {
        let batch = first + bi;
        let abase = batch * P.stride_a;
        let bbase = batch * P.stride_b;
        for (var k0 = 0u; k0 < P.k; k0 = k0 + BK) {
            for (var q = t; q < qa * BK; q = q + threads) {
                stage_a(q, bm, i0, k0, abase);
            }
            for (var q = t; q < qb * BK; q = q + threads) {
                stage_b(q, bn, j0, k0, bbase);
            }
            workgroupBarrier();
            for (var kk = 0u; kk < BK; kk = kk + 1u) {
                let av = ta[kk * qa + ty];
                let bv = tb[kk * qb + tx];
                acc0 = fma(vec4<f32>(av.x), bv, acc0);
                acc1 = fma(vec4<f32>(av.y), bv, acc1);
                acc2 = fma(vec4<f32>(av.z), bv, acc2);
                acc3 = fma(vec4<f32>(av.w), bv, acc3);
            }
            workgroupBarrier();
        }
    }
    var dbase = 0u;
    if (P.sum == 0u) {
        dbase = first * P.m * P.n;
    }
    let gi = i0 + 4u * ty;
    let gj = j0 + 4u * tx;
    store(dbase, gi, gj, acc0);
    store(dbase, gi + 1u, gj, acc1);
    store(dbase, gi + 2u, gj, acc2);
    store(dbase, gi + 3u, gj, acc3);
}

@compute @workgroup_size(8, 8)
fn matmul_small(@builtin(workgroup_id) wg: vec3<u32>,
                @builtin(local_invocation_id) lid: vec3<u32>,
                @builtin(local_invocation_index) t: u32) {
    tile(wg, t, lid.x, lid.y, 32u, 32u);
}

@compute @workgroup_size(8, 8)
fn matmul(@builtin(workgroup_id) wg: vec3<u32>,
          @builtin(local_invocation_id) lid: vec3<u32>,
          @builtin(local_invocation_index) t: u32) {
    let bm = 64u;
    let bn = 64u;
    let threads = 64u;
    let tx = lid.x;
    let ty = lid.y;
    let i0 = (wg.y + P.row0) * bm;
    let j0 = wg.x * bn;
    var c00 = vec4<f32>(0.0); var c01 = vec4<f32>(0.0);
    var c10 = vec4<f32>(0.0); var c11 = vec4<f32>(0.0);
    var c20 = vec4<f32>(0.0); var c21 = vec4<f32>(0.0);
    var c30 = vec4<f32>(0.0); var c31 = vec4<f32>(0.0);
    var c40 = vec4<f32>(0.0); var c41 = vec4<f32>(0.0);
    var c50 = vec4<f32>(0.0); var c51 = vec4<f32>(0.0);
    var c60 = vec4<f32>(0.0); var c61 = vec4<f32>(0.0);
    var c70 = vec4<f32>(0.0); var c71 = vec4<f32>(0.0);
    var nb = 1u;
    var first = wg.z + P.batch0;
    if (P.sum != 0u) {
        nb = P.nbatch;
        first = 0u;
    }
    for (var bi = 0u; bi < nb; bi = bi + 1u) {
        let batch = first + bi;
        let abase = batch * P.stride_a;
        let bbase = batch * P.stride_b;
        for (var k0 = 0u; k0 < P.k; k0 = k0 + BK) {
            for (var q = t; q < 256u; q = q + threads) {
                stage_a(q, bm, i0, k0, abase);
                stage_b(q, bn, j0, k0, bbase);
            }
            workgroupBarrier();
            for (var kk = 0u; kk < BK; kk = kk + 1u) {
                let a0 = ta[kk * 16u + 2u * ty];
                let a1 = ta[kk * 16u + 2u * ty + 1u];
                let b0 = tb[kk * 16u + 2u * tx];
                let b1 = tb[kk * 16u + 2u * tx + 1u];
                c00 = fma(vec4<f32>(a0.x), b0, c00); c01 = fma(vec4<f32>(a0.x), b1, c01);
                c10 = fma(vec4<f32>(a0.y), b0, c10); c11 = fma(vec4<f32>(a0.y), b1, c11);
                c20 = fma(vec4<f32>(a0.z), b0, c20); c21 = fma(vec4<f32>(a0.z), b1, c21);
                c30 = fma(vec4<f32>(a0.w), b0, c30); c31 = fma(vec4<f32>(a0.w), b1, c31);
                c40 = fma(vec4<f32>(a1.x), b0, c40); c41 = fma(vec4<f32>(a1.x), b1, c41);
                c50 = fma(vec4<f32>(a1.y), b0, c50); c51 = fma(vec4<f32>(a1.y), b1, c51);
                c60 = fma(vec4<f32>(a1.z), b0, c60); c61 = fma(vec4<f32>(a1.z), b1, c61);
                c70 = fma(vec4<f32>(a1.w), b0, c70); c71 = fma(vec4<f32>(a1.w), b1, c71);
            }
            workgroupBarrier();
        }
    }
    var dbase = 0u;
    if (P.sum == 0u) {
        dbase = first * P.m * P.n;
    }
    let gi = i0 + 8u * ty;
    let gj = j0 + 8u * tx;
    store(dbase, gi, gj, c00); store(dbase, gi, gj + 4u, c01);
    store(dbase, gi + 1u, gj, c10); store(dbase, gi + 1u, gj + 4u, c11);
    store(dbase, gi + 2u, gj, c20); store(dbase, gi + 2u, gj + 4u, c21);
    store(dbase, gi + 3u, gj, c30); store(dbase, gi + 3u, gj + 4u, c31);
    store(dbase, gi + 4u, gj, c40); store(dbase, gi + 4u, gj + 4u, c41);
    store(dbase, gi + 5u, gj, c50); store(dbase, gi + 5u, gj + 4u, c51);
    store(dbase, gi + 6u, gj, c60); store(dbase, gi + 6u, gj + 4u, c61);
    store(dbase, gi + 7u, gj, c70); store(dbase, gi + 7u, gj + 4u, c71);
}

// matmul_big: each workgroup computes a 128×128 tile of dst with 16×16 invocations, each
// owning 8×8 outputs: rows 4·ty … +3 and 64 + 4·ty … +3, columns 4·tx … +3 and
// 64 + 4·tx … +3, so that neighbouring invocations read neighbouring vec4 of workgroup
// memory. K is walked in slices of 8, one vec4 of op(a) and one of op(b) per invocation,
// double-buffered in ta and tb (offsets 0 and 256): while the workgroup multiplies one slice
// (64 multiply-adds per 4 vec4 reads) the next is loaded into registers, then stored in the
// other buffer, one barrier per slice. For large products, where 128×128 tiles still give
// many workgroups.
@compute @workgroup_size(16, 16)
fn matmul_big(@builtin(workgroup_id) wg: vec3<u32>,
              @builtin(local_invocation_id) lid: vec3<u32>,
              @builtin(local_invocation_index) t: u32) {
    let tx = lid.x;
    let ty = lid.y;
    let i0 = (wg.y + P.row0) * 128u;
    let j0 = wg.x * 128u;
    var c00 = vec4<f32>(0.0); var c01 = vec4<f32>(0.0);
    var c10 = vec4<f32>(0.0); var c11 = vec4<f32>(0.0);
    var c20 = vec4<f32>(0.0); var c21 = vec4<f32>(0.0);
    var c30 = vec4<f32>(0.0); var c31 = vec4<f32>(0.0);
    var c40 = vec4<f32>(0.0); var c41 = vec4<f32>(0.0);
    var c50 = vec4<f32>(0.0); var c51 = vec4<f32>(0.0);
    var c60 = vec4<f32>(0.0); var c61 = vec4<f32>(0.0);
    var c70 = vec4<f32>(0.0); var c71 = vec4<f32>(0.0);
    var nb = 1u;
    var first = wg.z + P.batch0;
    if (P.sum != 0u) {
        nb = P.nbatch;
        first = 0u;
    }
    for (var bi = 0u; bi < nb; bi = bi + 1u) {
        let batch = first + bi;
        let abase = batch * P.stride_a;
        let bbase = batch * P.stride_b;
        var va = fetch_a(t, 128u, i0, 0u, abase);
        var vb = fetch_b(t, 128u, j0, 0u, bbase);
        put_a(t, 128u, va, 0u);
        put_b(t, 128u, vb, 0u);
        workgroupBarrier();
        var cur = 0u;
        for (var k0 = 0u; k0 < P.k; k0 = k0 + 8u) {
            let more = k0 + 8u < P.k;
            if (more) {
                va = fetch_a(t, 128u, i0, k0 + 8u, abase);
                vb = fetch_b(t, 128u, j0, k0 + 8u, bbase);
            }
            for (var kk = 0u; kk < 8u; kk = kk + 1u) {
                let a0 = ta[cur + kk * 32u + ty];
                let a1 = ta[cur + kk * 32u + 16u + ty];
                let b0 = tb[cur + kk * 32u + tx];
                let b1 = tb[cur + kk * 32u + 16u + tx];
                c00 = fma(vec4<f32>(a0.x), b0, c00); c01 = fma(vec4<f32>(a0.x), b1, c01);
                c10 = fma(vec4<f32>(a0.y), b0, c10); c11 = fma(vec4<f32>(a0.y), b1, c11);
                c20 = fma(vec4<f32>(a0.z), b0, c20); c21 = fma(vec4<f32>(a0.z), b1, c21);
                c30 = fma(vec4<f32>(a0.w), b0, c30); c31 = fma(vec4<f32>(a0.w), b1, c31);
                c40 = fma(vec4<f32>(a1.x), b0, c40); c41 = fma(vec4<f32>(a1.x), b1, c41);
                c50 = fma(vec4<f32>(a1.y), b0, c50); c51 = fma(vec4<f32>(a1.y), b1, c51);
                c60 = fma(vec4<f32>(a1.z), b0, c60); c61 = fma(vec4<f32>(a1.z), b1, c61);
                c70 = fma(vec4<f32>(a1.w), b0, c70); c71 = fma(vec4<f32>(a1.w), b1, c71);
            }
            if (more) {
                put_a(t, 128u, va, 256u - cur);
                put_b(t, 128u, vb, 256u - cur);
            }
            workgroupBarrier();
            cur = 256u - cur;
        }
    }
    var dbase = 0u;
    if (P.sum == 0u) {
        dbase = first * P.m * P.n;
    }
    let gi = i0 + 4u * ty;
    let gj = j0 + 4u * tx;
    store(dbase, gi, gj, c00); store(dbase, gi, gj + 64u, c01);
    store(dbase, gi + 1u, gj, c10); store(dbase, gi + 1u, gj + 64u, c11);
    store(dbase, gi + 2u, gj, c20); store(dbase, gi + 2u, gj + 64u, c21);
    store(dbase, gi + 3u, gj, c30); store(dbase, gi + 3u, gj + 64u, c31);
    store(dbase, gi + 64u, gj, c40); store(dbase, gi + 64u, gj + 64u, c41);
    store(dbase, gi + 65u, gj, c50); store(dbase, gi + 65u, gj + 64u, c51);
    store(dbase, gi + 66u, gj, c60); store(dbase, gi + 66u, gj + 64u, c61);
    store(dbase, gi + 67u, gj, c70); store(dbase, gi + 67u, gj + 64u, c71);
}

@compute @workgroup_size(64)
fn matmul_thin(@builtin(global_invocation_id) gid: vec3<u32>) {
    let mn = P.m * P.n;
    var nb = P.nbatch;
    var total = P.nbatch * mn;
    if (P.sum != 0u) {
        total = mn;
    } else {
        nb = 1u;
    }
    let e = gid.y * P.row + gid.x;
    if (e >= total) {
        return;
    }
    let first = e / mn;
    let o = e % mn;
    let i = o / P.n;
    let j = o % P.n;
    var acc = 0.0;
    for (var bi = 0u; bi < nb; bi = bi + 1u) {
        let batch = first + bi;
        var ia = batch * P.stride_a + i * P.sai;
        var ib = batch * P.stride_b + j * P.sbj;
        for (var k = 0u; k < P.k; k = k + 1u) {
            acc = fma(load_a(ia), load_b(ib), acc);
            ia = ia + P.sak;
            ib = ib + P.sbk;
        }
    }
    dst[e] = acc;
}

// matmul.wgsl: Backend.MatMul. dst_i = op(a_i)·op(b_i) for every batch i, or with sum set,
// dst = Σ_i op(a_i)·op(b_i). op(a) is M×K and op(b) is K×N; element (i, k) of op(a_i) is at
// batch·strideA + i·sai + k·sak in a, which covers both transposes (see MatMulGeom).
//
// Each workgroup computes a 32×32 tile of dst with 8×8 invocations, each owning a 4×4 block
// of outputs; the K axis is walked in slices of 16 that the workgroup first stages in
// workgroup memory. Workgroup (x, y, z) covers columns 32·x, rows 32·(y + row0) and batch
// z + batch0, so that large products split into several dispatches within the grid limits.

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
    pad0: u32,
    pad1: u32,
    pad2: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;

const BM: u32 = 32u;
const BN: u32 = 32u;
const BK: u32 = 16u;
const TM: u32 = 4u;
const TN: u32 = 4u;
const THREADS: u32 = 64u;

// ta[k·BM + r] holds op(a)(row0 + r, k0 + k); tb[k·BN + c] holds op(b)(k0 + k, col0 + c).
var<workgroup> ta: array<f32, 512>;
var<workgroup> tb: array<f32, 512>;

@compute @workgroup_size(8, 8)
fn matmul(@builtin(workgroup_id) wg: vec3<u32>,
          @builtin(local_invocation_id) lid: vec3<u32>,
          @builtin(local_invocation_index) t: u32) {
    let i0 = (wg.y + P.row0) * BM;
    let j0 = wg.x * BN;
    var acc: array<f32, 16>;
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
            for (var e = t; e < BM * BK; e = e + THREADS) {
                let r = e % BM;
                let ka = k0 + e / BM;
                var va = 0.0;
                if (i0 + r < P.m && ka < P.k) {
                    va = a[abase + (i0 + r) * P.sai + ka * P.sak];
                }
                ta[e] = va;
                let c = e % BN;
                let kb = k0 + e / BN;
                var vb = 0.0;
                if (j0 + c < P.n && kb < P.k) {
                    vb = b[bbase + kb * P.sbk + (j0 + c) * P.sbj];
                }
                tb[e] = vb;
            }
            workgroupBarrier();
            for (var kk = 0u; kk < BK; kk = kk + 1u) {
                var av: array<f32, 4>;
                var bv: array<f32, 4>;
                for (var r = 0u; r < TM; r = r + 1u) {
                    av[r] = ta[kk * BM + lid.y * TM + r];
                }
                for (var c = 0u; c < TN; c = c + 1u) {
                    bv[c] = tb[kk * BN + lid.x * TN + c];
                }
                for (var r = 0u; r < TM; r = r + 1u) {
                    for (var c = 0u; c < TN; c = c + 1u) {
                        acc[r * TN + c] = fma(av[r], bv[c], acc[r * TN + c]);
                    }
                }
            }
            workgroupBarrier();
        }
    }
    var dbase = 0u;
    if (P.sum == 0u) {
        dbase = first * P.m * P.n;
    }
    for (var r = 0u; r < TM; r = r + 1u) {
        let gi = i0 + lid.y * TM + r;
        for (var c = 0u; c < TN; c = c + 1u) {
            let gj = j0 + lid.x * TN + c;
            if (gi < P.m && gj < P.n) {
                dst[dbase + gi * P.n + gj] = acc[r * TN + c];
            }
        }
    }
}

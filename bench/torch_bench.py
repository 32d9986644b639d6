#!/usr/bin/python3
"""PyTorch twins of the Go benchmarks in bench_test.go (same models, sizes and optimizers).

Run with Debian's python3-torch and libopenblas0-openmp (without OpenBLAS PyTorch uses a
reference BLAS some 30 times slower and any comparison is meaningless):

    /usr/bin/python3 bench/torch_bench.py --threads 1

Prints one line per workload in `go test -bench` format, so bench/compare can read both.
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def ring8(n, g):
    k = torch.randint(0, 8, (n,), generator=g)
    ang = 2 * math.pi * k.double() / 8
    c = torch.stack([2 * torch.cos(ang), 2 * torch.sin(ang)], 1)
    return ((c + 0.02 * torch.randn(n, 2, generator=g, dtype=torch.float64)) / 1.414).float()


def step(opt, loss, params):
    grads = torch.autograd.grad(loss, params)  # only this network's gradients, as the Go side
    for p, gr in zip(params, grads):
        p.grad = gr
    opt.step()


def toygan():
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(1)
    G = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2))
    D = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1))
    oG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    oD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    pG, pD = list(G.parameters()), list(D.parameters())
    bce = F.binary_cross_entropy_with_logits

    def it():
        real = ring8(256, g)
        with torch.no_grad():
            fake = G(torch.randn(256, 2))
        dr, df = D(real), D(fake)
        lossD = bce(dr, torch.ones_like(dr)) + bce(df, torch.zeros_like(df))
        step(oD, lossD, pD)
        out = D(G(torch.randn(256, 2)))
        step(oG, bce(out, torch.ones_like(out)), pG)
    return it


def dcgan():
    torch.manual_seed(1)
    G = nn.Sequential(nn.Linear(64, 128 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
                      nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
                      nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
    D = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                      nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                      nn.Flatten(), nn.Linear(128 * 7 * 7, 1))
    oG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    oD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    pG, pD = list(G.parameters()), list(D.parameters())
    x = torch.rand(64, 1, 28, 28) * 2 - 1
    bce = F.binary_cross_entropy_with_logits

    def it():
        with torch.no_grad():
            fake = G(torch.randn(64, 64))
        dr, df = D(x), D(fake)
        step(oD, bce(dr, torch.ones_like(dr)) + bce(df, torch.zeros_like(df)), pD)
        out = D(G(torch.randn(64, 64)))
        step(oG, bce(out, torch.ones_like(out)), pG)
    return it


def matmul512():
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    return lambda: a @ b


def conv2d():
    x, w, b = torch.randn(1, 32, 64, 64), torch.randn(32, 32, 3, 3) * 0.1, torch.zeros(32)
    return lambda: F.conv2d(x, w, b, 1, 1)


def measure(fn, seconds):
    fn()  # warm up
    n, start = 0, time.perf_counter()
    while True:
        fn()
        n += 1
        el = time.perf_counter() - start
        if el >= seconds and n >= 3:
            return n, el / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=1, help="measure every workload this many times")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    suffix = "" if args.threads == 1 else f"-{args.threads}"
    for _ in range(args.rounds):
        for name, make in [("ToyGAN", toygan), ("DCGAN", dcgan), ("MatMul512", matmul512), ("Conv2d", conv2d)]:
            n, per = measure(make(), args.seconds)
            extra = f"\t{2 * 512 ** 3 / per / 1e9:.3f} GFLOP/s" if name == "MatMul512" else ""
            print(f"BenchmarkTorch{name}{suffix}\t{n}\t{per * 1e9:.0f} ns/op{extra}", flush=True)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS: "
          f"{'openblas' if 'openblas' in torch.__config__.show().lower() else 'see torch.__config__.show()'}")


if __name__ == "__main__":
    main()

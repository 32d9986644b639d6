#!/usr/bin/python3
"""PyTorch CUDA twins of engine/webgpu's GPU benchmarks, for the device machine (bench/gpu/run.sh).

Prints `go test -bench` lines: FP32 matmul at 512³, 1024³ and 2048³ through cuBLAS (TF32 off,
so that it is the same arithmetic as the WGSL kernels), and the toy GAN (bench.ToyGAN's twin:
two 2-128-128 MLPs, Adam 2e-4, non-saturating loss, batch 256) in eager mode with one
loss read back per iteration, as the Go benchmark does.
"""
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

dev = "cuda"
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False


def timed(fn, seconds=2.0):
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    n, start = 0, time.perf_counter()
    while True:
        fn()
        n += 1
        if n % 10 == 0:
            torch.cuda.synchronize()
            el = time.perf_counter() - start
            if el >= seconds:
                return n, el / n


def matmul(n):
    a, b = torch.randn(n, n, device=dev), torch.randn(n, n, device=dev)
    out = torch.empty(n, n, device=dev)
    return lambda: torch.matmul(a, b, out=out)


def ring8(n):
    k = torch.randint(0, 8, (n,), device=dev)
    ang = 2 * math.pi * k.float() / 8
    c = torch.stack([2 * torch.cos(ang), 2 * torch.sin(ang)], 1)
    return (c + 0.02 * torch.randn(n, 2, device=dev)) / 1.414


def toygan():
    torch.manual_seed(1)
    G = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2)).to(dev)
    D = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 1)).to(dev)
    oG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    oD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = F.binary_cross_entropy_with_logits

    def it():
        real = ring8(256)
        with torch.no_grad():
            fake = G(torch.randn(256, 2, device=dev))
        dr, df = D(real), D(fake)
        lossD = bce(dr, torch.ones_like(dr)) + bce(df, torch.zeros_like(df))
        oD.zero_grad(set_to_none=True)
        lossD.backward()
        oD.step()
        out = D(G(torch.randn(256, 2, device=dev)))
        oG.zero_grad(set_to_none=True)
        bce(out, torch.ones_like(out)).backward()
        oG.step()
        lossD.item()  # one read back per iteration, as BenchmarkToyGAN
    return it


def main():
    print(f"# torch {torch.__version__} on {torch.cuda.get_device_name()}", flush=True)
    for n in (512, 1024, 2048):
        it, per = timed(matmul(n))
        print(f"BenchmarkTorchCUDAMatMul{n}\t{it}\t{per * 1e9:.0f} ns/op\t{2 * n ** 3 / per / 1e9:.1f} GFLOP/s", flush=True)
    it, per = timed(toygan())
    print(f"BenchmarkTorchCUDAToyGAN\t{it}\t{per * 1e9:.0f} ns/op\t{1 / per:.1f} iter/s", flush=True)


if __name__ == "__main__":
    main()

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


def init_gan(m, std=0.02):
    for mod in m.modules():
        if isinstance(mod, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            nn.init.normal_(mod.weight, 0, std)
            if mod.bias is not None:
                nn.init.zeros_(mod.bias)


class SkipBlock(nn.Module):
    """The reference's UnetSkipConnectionBlock (pytorch-CycleGAN-and-pix2pix), BatchNorm."""

    def __init__(self, outer, inner, input_nc=None, sub=None, outermost=False, innermost=False, dropout=False):
        super().__init__()
        self.outermost = outermost
        input_nc = outer if input_nc is None else input_nc
        down = nn.Conv2d(input_nc, inner, 4, 2, 1, bias=False)
        if outermost:
            up = nn.ConvTranspose2d(inner * 2, outer, 4, 2, 1)
            layers = [down, sub, nn.ReLU(True), up, nn.Tanh()]
        elif innermost:
            up = nn.ConvTranspose2d(inner, outer, 4, 2, 1, bias=False)
            layers = [nn.LeakyReLU(0.2, True), down, nn.ReLU(True), up, nn.BatchNorm2d(outer)]
        else:
            up = nn.ConvTranspose2d(inner * 2, outer, 4, 2, 1, bias=False)
            layers = [nn.LeakyReLU(0.2, True), down, nn.BatchNorm2d(inner), sub, nn.ReLU(True), up, nn.BatchNorm2d(outer)]
            if dropout:
                layers.append(nn.Dropout(0.5))
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        return self.model(x) if self.outermost else torch.cat([x, self.model(x)], 1)


def unet(inc, outc, downs, ngf):
    """The reference's UnetGenerator: filters ngf·min(2^i, 8), dropout in the ngf·8 middle blocks."""
    b = SkipBlock(ngf * 8, ngf * 8, innermost=True)
    for _ in range(downs - 5):
        b = SkipBlock(ngf * 8, ngf * 8, sub=b, dropout=True)
    b = SkipBlock(ngf * 4, ngf * 8, sub=b)
    b = SkipBlock(ngf * 2, ngf * 4, sub=b)
    b = SkipBlock(ngf, ngf * 2, sub=b)
    return SkipBlock(outc, ngf, input_nc=inc, sub=b, outermost=True)


def patchgan(inc, ndf, layers, norm):
    """The reference's NLayerDiscriminator."""
    bias = norm is nn.InstanceNorm2d
    seq = [nn.Conv2d(inc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
    mult = 1
    for n in range(1, layers + 1):
        prev, mult = mult, min(2 ** n, 8)
        seq += [nn.Conv2d(ndf * prev, ndf * mult, 4, 2 if n < layers else 1, 1, bias=bias), norm(ndf * mult),
                nn.LeakyReLU(0.2, True)]
    seq.append(nn.Conv2d(ndf * mult, 1, 4, 1, 1))
    return nn.Sequential(*seq)


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim))

    def forward(self, x):
        return x + self.conv_block(x)


def resnet_gen(c, ngf, blocks):
    """The reference's ResnetGenerator with instance norm (convolutions with bias)."""
    seq = [nn.ReflectionPad2d(3), nn.Conv2d(c, ngf, 7), nn.InstanceNorm2d(ngf), nn.ReLU(True)]
    for i in range(2):
        m = 2 ** i
        seq += [nn.Conv2d(ngf * m, ngf * m * 2, 3, 2, 1), nn.InstanceNorm2d(ngf * m * 2), nn.ReLU(True)]
    seq += [ResnetBlock(ngf * 4) for _ in range(blocks)]
    for i in range(2):
        m = 2 ** (2 - i)
        seq += [nn.ConvTranspose2d(ngf * m, ngf * m // 2, 3, 2, 1, output_padding=1), nn.InstanceNorm2d(ngf * m // 2),
                nn.ReLU(True)]
    seq += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, c, 7), nn.Tanh()]
    return nn.Sequential(*seq)


def pix2pix():
    """bench/imagegan.go's Pix2pix: 64×64, batch 1, U-Net 6 levels from 32 filters, PatchGAN 32/3."""
    torch.manual_seed(1)
    G, D = unet(3, 3, 6, 32), patchgan(6, 32, 3, nn.BatchNorm2d)
    init_gan(G)
    init_gan(D)
    oG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999))
    oD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    pG, pD = list(G.parameters()), list(D.parameters())
    xy = torch.rand(1, 6, 64, 64) * 2 - 1
    x, y = xy[:, :3], xy[:, 3:]
    bce = F.binary_cross_entropy_with_logits

    def it():
        fake = G(x)
        dr, df = D(torch.cat([x, y], 1)), D(torch.cat([x, fake.detach()], 1))
        step(oD, 0.5 * (bce(dr, torch.ones_like(dr)) + bce(df, torch.zeros_like(df))), pD)
        out = D(torch.cat([x, fake], 1))
        step(oG, bce(out, torch.ones_like(out)) + 100 * F.l1_loss(fake, y), pG)
    return it


class ImagePool:
    def __init__(self, size, g):
        self.size, self.images, self.g = size, [], g

    def query(self, images):
        out = []
        for img in images:
            img = img.unsqueeze(0)
            if len(self.images) < self.size:
                self.images.append(img.clone())
                out.append(img)
            elif torch.rand(1, generator=self.g).item() < 0.5:
                j = int(torch.randint(0, self.size, (1,), generator=self.g))
                out.append(self.images[j].clone())
                self.images[j] = img.clone()
            else:
                out.append(img)
        return torch.cat(out, 0)


def cyclegan():
    """bench/imagegan.go's CycleGAN: 64×64, batch 1, ResNet 32 filters 6 blocks, PatchGANs 32/3, instance norm."""
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(1)
    G, Fn = resnet_gen(3, 32, 6), resnet_gen(3, 32, 6)
    DX, DY = patchgan(3, 32, 3, nn.InstanceNorm2d), patchgan(3, 32, 3, nn.InstanceNorm2d)
    for m in (G, Fn, DX, DY):
        init_gan(m)
    pGF, pD = list(G.parameters()) + list(Fn.parameters()), list(DX.parameters()) + list(DY.parameters())
    oG = torch.optim.Adam(pGF, 2e-4, betas=(0.5, 0.999))
    oD = torch.optim.Adam(pD, 2e-4, betas=(0.5, 0.999))
    poolX, poolY = ImagePool(50, g), ImagePool(50, g)
    xy = torch.rand(1, 6, 64, 64) * 2 - 1
    x, y = xy[:, :3], xy[:, 3:]
    l1 = F.l1_loss

    def ls(d, t):
        return ((d - t) ** 2).mean()

    def it():
        fakeY = G(x)
        recX = Fn(fakeY)
        fakeX = Fn(y)
        recY = G(fakeX)
        total = (ls(DY(fakeY), 1) + ls(DX(fakeX), 1) + 10 * l1(recX, x) + 10 * l1(recY, y)
                 + 5 * l1(G(y), y) + 5 * l1(Fn(x), x))
        step(oG, total, pGF)
        fy, fx = poolY.query(fakeY.detach()), poolX.query(fakeX.detach())
        dY = 0.5 * (ls(DY(y), 1) + ls(DY(fy), 0))
        dX = 0.5 * (ls(DX(x), 1) + ls(DX(fx), 0))
        step(oD, dY + dX, pD)
    return it


def matmul512():
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    return lambda: a @ b


def conv2d():
    x, w, b = torch.randn(1, 32, 64, 64), torch.randn(32, 32, 3, 3) * 0.1, torch.zeros(32)
    return lambda: F.conv2d(x, w, b, 1, 1)


def measure(fn, seconds):
    """Returns the iterations run, the wall time per iteration and the CPU time per iteration
    (this process, all threads: on a shared machine the steadier figure)."""
    fn()  # warm up
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while True:
        fn()
        n += 1
        el = time.perf_counter() - start
        if el >= seconds and n >= 3:
            return n, el / n, (time.process_time() - cpu) / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--only", default="", help="comma-separated workloads to run (default: all)")
    ap.add_argument("--rounds", type=int, default=1, help="measure every workload this many times")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    suffix = "" if args.threads == 1 else f"-{args.threads}"
    for _ in range(args.rounds):
        for name, make in [("ToyGAN", toygan), ("DCGAN", dcgan), ("MatMul512", matmul512), ("Conv2d", conv2d),
                           ("Pix2pix", pix2pix), ("CycleGAN", cyclegan)]:
            if args.only and name not in args.only.split(","):
                continue
            n, per, cpu = measure(make(), args.seconds)
            extra = f"\t{2 * 512 ** 3 / per / 1e9:.3f} GFLOP/s" if name == "MatMul512" else ""
            extra += f"\t{cpu * 1e3:.3f} cpu-ms/op"
            print(f"BenchmarkTorch{name}{suffix}\t{n}\t{per * 1e9:.0f} ns/op{extra}", flush=True)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS: "
          f"{'openblas' if 'openblas' in torch.__config__.show().lower() else 'see torch.__config__.show()'}")


if __name__ == "__main__":
    main()

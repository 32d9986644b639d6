#!/usr/bin/python3
"""Write reference.json: outputs and gradients computed by PyTorch, for ganplay's engine tests.

Run from the repository root with Debian's PyTorch:

    /usr/bin/python3 testdata/torchref/gen.py

The Go tests (engine/nn/torchref_test.go, engine/optim/torchref_test.go) read only the JSON;
they never run this script. The script is deterministic (torch.manual_seed). Every input,
parameter, buffer and upstream tensor is first rounded to float32, so the float32 engine
sees exactly the values torch used; torch then computes in float64. Inputs are stored with 9
significant digits (exact for float32), computed values with 10.

Layer cases: for an upstream tensor R of the output's shape, L = sum(R * output), and the
case stores dL/d(input) ("x") and dL/d(param) for every parameter by its torch name.
"""

import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20240611)
torch.set_default_dtype(torch.float64)

COMMAND = "/usr/bin/python3 testdata/torchref/gen.py"
# float32 engine vs float64 torch. "values": outputs, losses and gradients of the layer,
# loss and gradient-penalty cases. Optimizers: "optimizer_params" for the parameters after
# each step, and "optimizer_displacement" for (parameters - starting parameters), which is
# small (lr-sized) and so needs its own relative bound. "lr": learning-rate schedules.
TOLERANCES = {
    "values": {"abs": 1e-5, "rel": 1e-4},
    "optimizer_params": {"abs": 1e-6, "rel": 1e-6},
    "optimizer_displacement": {"abs": 1e-6, "rel": 1e-3},
    "lr": {"abs": 1e-12, "rel": 1e-6},
}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")


def q(t):
    """Round to the float32 grid, keep float64."""
    return t.detach().float().double()


def enc(t, digits=10):
    t = t.detach().double().reshape(-1)
    return {"shape": None, "data": [float("%.*g" % (digits, v)) for v in t.tolist()]}


def tens(t, digits=10):
    d = enc(t, digits)
    d["shape"] = list(t.shape)
    return d


def inp(t):
    return tens(t, 9)


def randn(*shape, scale=1.0):
    return q(torch.randn(*shape) * scale)


def quantize_module(m):
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(q(p))
        for b in m.buffers():
            if b.is_floating_point():
                b.copy_(q(b))


def stat_buffers(m):
    return {n: b for n, b in m.named_buffers() if n.split(".")[-1] in ("running_mean", "running_var")}


def layer_case(name, kind, config, m, x, train):
    m = m.double()
    quantize_module(m)
    m.train(train)
    x = q(x).requires_grad_()
    case = {
        "name": name,
        "kind": kind,
        "config": config,
        "train": train,
        "inputs": {"x": inp(x)},
        "params": {n: inp(p) for n, p in m.named_parameters()},
        "buffers": {n: inp(b) for n, b in stat_buffers(m).items()},
    }
    y = m(x)
    r = randn(*y.shape)
    (r * y).sum().backward()
    case["upstream"] = inp(r)
    case["output"] = tens(y)
    case["grads"] = {"x": tens(x.grad)}
    for n, p in m.named_parameters():
        case["grads"][n] = tens(p.grad)
    if train and case["buffers"]:
        case["buffers_after"] = {n: tens(b) for n, b in stat_buffers(m).items()}
    return case


def set_running(bn, c):
    with torch.no_grad():
        bn.running_mean.copy_(randn(c, scale=0.5))
        bn.running_var.copy_(q(torch.rand(c) * 1.5 + 0.5))


def affine_random(m, c):
    with torch.no_grad():
        m.weight.copy_(q(1 + 0.3 * torch.randn(c)))
        m.bias.copy_(q(0.3 * torch.randn(c)))


def layers():
    cases = []

    def add(name, kind, config, m, x, train=True):
        cases.append(layer_case(name, kind, config, m, x, train))

    # Linear
    for n, i, o in [(4, 5, 3), (1, 6, 2)]:
        add("Linear(%d→%d) batch %d" % (i, o, n), "Linear", {"in": i, "out": o, "bias": True},
            nn.Linear(i, o), randn(n, i))

    # Conv2d
    for (n, ci, h, w), co, k, s, p, bias in [
        ((2, 3, 5, 6), 4, 3, 1, 1, True),
        ((2, 3, 5, 6), 4, 3, 1, 1, False),
        ((2, 2, 8, 6), 3, 4, 2, 1, True),
        ((1, 3, 7, 5), 2, 4, 2, 1, False),
    ]:
        add("Conv2d(k%d s%d p%d bias=%s) input %dx%dx%dx%d" % (k, s, p, bias, n, ci, h, w), "Conv2d",
            {"in": ci, "out": co, "k": k, "stride": s, "pad": p, "bias": bias},
            nn.Conv2d(ci, co, k, s, p, bias=bias), randn(n, ci, h, w))

    # ConvTranspose2d
    for (n, ci, h, w), co, k, s, p, op, bias in [
        ((2, 3, 3, 4), 2, 4, 2, 1, 0, True),
        ((1, 2, 3, 3), 3, 3, 2, 1, 1, True),
        ((1, 3, 4, 3), 2, 4, 2, 1, 0, False),
    ]:
        add("ConvTranspose2d(k%d s%d p%d op%d bias=%s) input %dx%dx%dx%d" % (k, s, p, op, bias, n, ci, h, w),
            "ConvTranspose2d",
            {"in": ci, "out": co, "k": k, "stride": s, "pad": p, "out_pad": op, "bias": bias},
            nn.ConvTranspose2d(ci, co, k, s, p, output_padding=op, bias=bias), randn(n, ci, h, w))

    # BatchNorm1d / 2d, train (batch statistics) and eval (running statistics)
    for shape, mom, train in [
        ((6, 4), 0.1, True),
        ((5, 3), 0.3, True),
        ((6, 4), 0.1, False),
        ((1, 4), 0.1, False),
        ((3, 2, 4, 5), 0.1, True),
        ((1, 3, 3, 4), 0.2, True),
        ((2, 3, 4, 4), 0.1, False),
        ((1, 2, 3, 3), 0.1, False),
    ]:
        c = shape[1]
        bn = nn.BatchNorm1d(c, momentum=mom) if len(shape) == 2 else nn.BatchNorm2d(c, momentum=mom)
        set_running(bn, c)
        affine_random(bn, c)
        kind = "BatchNorm1d" if len(shape) == 2 else "BatchNorm2d"
        add("%s(momentum %g, %s) input %s" % (kind, mom, "train" if train else "eval", "x".join(map(str, shape))),
            kind, {"c": c, "momentum": mom, "eps": 1e-5}, bn, randn(*shape, scale=2.0) + 0.5, train)

    # InstanceNorm2d
    for shape, affine in [((2, 3, 4, 5), False), ((1, 2, 4, 4), False), ((2, 3, 4, 5), True), ((1, 2, 3, 5), True)]:
        c = shape[1]
        m = nn.InstanceNorm2d(c, affine=affine)
        if affine:
            affine_random(m, c)
        add("InstanceNorm2d(affine=%s) input %s" % (affine, "x".join(map(str, shape))), "InstanceNorm2d",
            {"c": c, "affine": affine, "eps": 1e-5}, m, randn(*shape, scale=1.5) - 0.3)

    # Dropout in eval mode: the identity.
    add("Dropout(p 0.5, eval)", "Dropout", {"p": 0.5}, nn.Dropout(0.5), randn(3, 7), train=False)

    # Sequential Linear-LeakyReLU(0.2)-Linear-Tanh
    for n in (5, 1):
        add("Sequential(Linear-LeakyReLU(0.2)-Linear-Tanh) batch %d" % n, "MLP",
            {"in": 4, "hidden": 8, "out": 3, "slope": 0.2},
            nn.Sequential(nn.Linear(4, 8), nn.LeakyReLU(0.2), nn.Linear(8, 3), nn.Tanh()), randn(n, 4))

    # Activations; inputs include large magnitudes (±30) to check stability.
    xa = torch.cat([randn(3, 6, scale=2.0).reshape(-1), torch.tensor([-30.0, 30.0, -12.5, 12.5, 0.75, -0.25])]).reshape(4, 6)
    for name, kind, cfg, m in [
        ("ReLU", "ReLU", {}, nn.ReLU()),
        ("LeakyReLU(0.2)", "LeakyReLU", {"slope": 0.2}, nn.LeakyReLU(0.2)),
        ("Tanh", "Tanh", {}, nn.Tanh()),
        ("Sigmoid", "Sigmoid", {}, nn.Sigmoid()),
        ("Softplus", "Softplus", {}, nn.Softplus()),
    ]:
        add(name, kind, cfg, m, xa)

    # ReflectionPad2d (left, right, top, bottom)
    for pads, shape in [((1, 1, 1, 1), (2, 2, 4, 5)), ((2, 1, 0, 3), (1, 3, 5, 4))]:
        add("ReflectionPad2d%s input %s" % (pads, "x".join(map(str, shape))), "ReflectionPad2d",
            {"pads": list(pads)}, nn.ReflectionPad2d(pads), randn(*shape))

    # AvgPool2d (count_include_pad=True, torch's default)
    for k, s, p, shape in [(2, 2, 0, (2, 3, 4, 6)), (3, 2, 1, (1, 2, 5, 6)), (3, 1, 1, (1, 2, 4, 3))]:
        add("AvgPool2d(k%d s%d p%d) input %s" % (k, s, p, "x".join(map(str, shape))), "AvgPool2d",
            {"k": k, "stride": s, "pad": p}, nn.AvgPool2d(k, s, p), randn(*shape))

    # Upsample nearest
    for scale, shape in [(2, (2, 2, 3, 4)), (3, (1, 1, 2, 3))]:
        add("Upsample(nearest, x%d) input %s" % (scale, "x".join(map(str, shape))), "UpsampleNearest",
            {"scale": scale}, nn.Upsample(scale_factor=scale, mode="nearest"), randn(*shape))
    return cases


def loss_case(name, loss, fn, inputs, grad_names):
    ts = {}
    for n, t in inputs.items():
        ts[n] = q(t).requires_grad_(n in grad_names)
    out = fn(**ts)
    out.backward()
    return {
        "name": name,
        "kind": "loss",
        "config": {"loss": loss},
        "inputs": {n: inp(t) for n, t in ts.items()},
        "output": tens(out),
        "grads": {n: tens(ts[n].grad) for n in grad_names},
    }


def losses():
    cases = []
    bce = lambda x, target: F.binary_cross_entropy_with_logits(x, target)
    x = randn(4, 3, scale=2.0)
    cases.append(loss_case("BCEWithLogits targets 0/1", "bce_with_logits", bce,
                           {"x": x, "target": (torch.rand(4, 3) > 0.5).double()}, ["x", "target"]))
    cases.append(loss_case("BCEWithLogits soft targets", "bce_with_logits", bce,
                           {"x": x, "target": torch.rand(4, 3)}, ["x", "target"]))
    big = torch.tensor([[50.0, -50.0, 49.5], [-49.0, 0.5, -0.5]])
    cases.append(loss_case("BCEWithLogits logits ±50 targets 0/1", "bce_with_logits", bce,
                           {"x": big, "target": torch.tensor([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]])}, ["x", "target"]))
    cases.append(loss_case("BCEWithLogits logits ±50 soft targets", "bce_with_logits", bce,
                           {"x": big, "target": torch.tensor([[0.9, 0.1, 0.3], [0.7, 0.5, 0.2]])}, ["x", "target"]))
    for t in (1.0, 0.0):
        cases.append(loss_case("BCEWithLogits constant target %g (logits ±50)" % t, "bce_with_logits", bce,
                               {"x": torch.cat([big.reshape(-1), randn(6, scale=3.0)]).reshape(3, 4),
                                "target": torch.full((3, 4), t)}, ["x", "target"]))
    cases.append(loss_case("MSELoss", "mse", lambda x, y: F.mse_loss(x, y),
                           {"x": randn(2, 3, 4), "y": randn(2, 3, 4)}, ["x", "y"]))
    cases.append(loss_case("L1Loss", "l1", lambda x, y: F.l1_loss(x, y),
                           {"x": randn(2, 3, 4), "y": randn(2, 3, 4)}, ["x", "y"]))
    cases.append(loss_case("Wasserstein critic mean(f_fake) - mean(f_real)", "wgan_critic",
                           lambda f_real, f_fake: f_fake.mean() - f_real.mean(),
                           {"f_real": randn(6, 1), "f_fake": randn(6, 1)}, ["f_real", "f_fake"]))
    cases.append(loss_case("Wasserstein generator -mean(f_fake)", "wgan_generator",
                           lambda f_fake: -f_fake.mean(), {"f_fake": randn(5, 1)}, ["f_fake"]))
    return cases


def optim_case(name, kind, config, make, steps=5):
    w = randn(3, 4, scale=0.5).requires_grad_()
    b = randn(4, scale=0.5).requires_grad_()
    params = {"weight": w, "bias": b}
    case = {"name": name, "kind": kind, "config": config,
            "params": {n: inp(p) for n, p in params.items()}, "grads": [], "after": []}
    opt = make([w, b])
    for _ in range(steps):
        gs = {n: randn(*p.shape) for n, p in params.items()}
        for n, p in params.items():
            p.grad = gs[n].clone()
        opt.step()
        case["grads"].append({n: inp(g) for n, g in gs.items()})
        case["after"].append({n: tens(p) for n, p in params.items()})
    return case


def optimizers():
    cases = []
    cases.append(optim_case("SGD(lr 0.01, momentum 0.9)", "sgd", {"lr": 0.01, "momentum": 0.9},
                            lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9)))
    cases.append(optim_case("SGD(lr 0.05, momentum 0)", "sgd", {"lr": 0.05, "momentum": 0.0},
                            lambda ps: torch.optim.SGD(ps, lr=0.05)))
    for lr, b1, b2 in [(2e-4, 0.5, 0.999), (1e-4, 0.5, 0.9)]:
        cases.append(optim_case("Adam(lr %g, betas %g/%g)" % (lr, b1, b2), "adam",
                                {"lr": lr, "beta1": b1, "beta2": b2, "eps": 1e-8},
                                lambda ps, lr=lr, b1=b1, b2=b2: torch.optim.Adam(ps, lr=lr, betas=(b1, b2), eps=1e-8)))
    for lr in (5e-5, 1e-2):
        cases.append(optim_case("RMSProp(lr %g)" % lr, "rmsprop", {"lr": lr, "alpha": 0.99, "eps": 1e-8},
                                lambda ps, lr=lr: torch.optim.RMSprop(ps, lr=lr, alpha=0.99, eps=1e-8)))
    # Weight clipping, as WGAN's critic: clamp_ to [-c, c].
    c = 0.01
    w = q(torch.randn(3, 4) * 0.02)
    b = q(torch.randn(4) * 0.02)
    case = {"name": "Clip(0.01)", "kind": "clip", "config": {"c": c},
            "params": {"weight": inp(w), "bias": inp(b)}, "grads": [], "after": []}
    with torch.no_grad():
        w.clamp_(-c, c)
        b.clamp_(-c, c)
    case["after"].append({"weight": tens(w), "bias": tens(b)})
    cases.append(case)
    return cases


def schedules():
    out = []
    for base, hold, decay in [(2e-4, 3, 4), (1e-3, 5, 2)]:
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=base)
        # CycleGAN's rule (networks.get_scheduler, lr_policy 'linear', epoch_count 1).
        rule = lambda epoch, hold=hold, decay=decay: 1.0 - max(0, epoch + 1 - hold) / float(decay + 1)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda=rule)
        lrs = []
        for t in range(10):
            lrs.append(float("%.10g" % sched.get_last_lr()[0]))
            opt.step()
            sched.step()
        out.append({"name": "LambdaLR linear (hold %d, decay %d)" % (hold, decay),
                    "base_lr": base, "hold": hold, "decay": decay, "lr": lrs})
    return out


def gradient_penalty():
    cases = []
    for act, n in [("tanh", "Tanh"), ("leaky_relu", "LeakyReLU(0.2)")]:
        a = nn.Tanh() if act == "tanh" else nn.LeakyReLU(0.2)
        f = nn.Sequential(nn.Linear(2, 16), a, nn.Linear(16, 16), a, nn.Linear(16, 1)).double()
        quantize_module(f)
        x = randn(8, 2).requires_grad_()
        params = {k: inp(p) for k, p in f.named_parameters()}
        out = f(x)
        (gx,) = torch.autograd.grad(out, x, grad_outputs=torch.ones_like(out), create_graph=True)
        pen = ((gx.norm(2, dim=1) - 1) ** 2).mean()
        pen.backward()
        cases.append({
            "name": "WGAN-GP critic 2→16→16→1 %s" % n,
            "kind": "gradient_penalty",
            "config": {"act": act, "slope": 0.2},
            "inputs": {"x": inp(x)},
            "params": params,
            "output": tens(pen),
            "critic_output": tens(out),
            "grad_x": tens(gx),
            # A parameter that P does not depend on (the last bias) gets zeros.
            "grads": {k: tens(p.grad if p.grad is not None else torch.zeros_like(p)) for k, p in f.named_parameters()},
        })
    return cases


def main():
    ref = {
        "header": {
            "torch_version": torch.__version__,
            "command": COMMAND,
            "seed": 20240611,
            "dtype": "float64 computation on float32-rounded inputs",
            "loss": "layer cases: L = sum(upstream * output); grads are dL/d(input x) and dL/d(param)",
            # The Go tests' tolerances, stated once for both packages: |got - want| <= abs + rel*|want|.
            "tolerances": TOLERANCES,
        },
        "layers": layers(),
        "losses": losses(),
        "optimizers": optimizers(),
        "schedules": schedules(),
        "gradient_penalty": gradient_penalty(),
    }
    with open(OUT, "w") as fh:
        json.dump(ref, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)))


if __name__ == "__main__":
    main()

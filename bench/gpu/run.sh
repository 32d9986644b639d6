#!/bin/bash
# The device machine's GPU check (see docs/benchmarks-gpu.md). Run from the repository root on
# a machine with an NVIDIA GPU, after `make gpu-bench-prep` here built bench/gpu/out/webgpu.test and ganctl
# and downloaded the Vulkan loader into .gl/ (carry both):
#   conformance of the WebGPU backend on the GPU, its matmul and toy-GAN benchmarks, and the
#   same workloads in PyTorch CUDA for the ratios.
set -u
for f in .gl/*.deb; do dpkg -x "$f" /; done
ldconfig
if ! ls /usr/share/vulkan/icd.d/*nvidia* /etc/vulkan/icd.d/*nvidia* >/dev/null 2>&1; then
	export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
fi
OUT=${OUT:-/tmp/gpu-out}
mkdir -p "$OUT"
nvidia-smi -L
t=bench/gpu/out/webgpu.test
cd engine/webgpu # the test binary reads nothing relative, but keep go test's working directory
../../$t -test.v -test.count=1 -test.run ${GPU_TESTS:-'TestRoundTrip|TestConformance$|TestMatMulKernels|TestToyGANAgreesWithCPU|TestStorageLimit'} 2>&1 |
	grep -v '^    --- PASS\|^=== RUN' | tee "$OUT/conformance.txt" | tail -25
../../$t -test.run '^$' -test.bench 'MatMul(512|1024|2048)/webgpu|ToyGAN/webgpu|Dispatch139|RoundTrip' \
	-test.benchtime 2s 2>&1 | tee "$OUT/bench-webgpu.txt"
cd ../..
# The workloads of window.ganplay.benchmark (toy GAN, 256³ matmul, Pix2pix and CycleGAN 64×64).
bench/gpu/out/ganctl bench --backend webgpu --seconds 3 ${GANCTL_FLAGS:-} 2>&1 | tee "$OUT/bench-run.txt"
python3 bench/gpu/torch_gpu.py 2>&1 | tee "$OUT/bench-torch.txt"

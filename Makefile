# ganplay's tasks. GNU make. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go

# Debian packages the tests need; later issues add theirs (mesa-vulkan-drivers, ...).
# Node.js and npm come from Debian only where the machine has none.
APT_PACKAGES := chromium mesa-vulkan-drivers libvulkan1
# Ebiten's native build (cgo, GL, X11) and Xvfb for the desktop test.
APT_PACKAGES += gcc pkg-config libc6-dev libgl1-mesa-dev libx11-dev libxext-dev libxrandr-dev \
	libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev xvfb
APT_PACKAGES += $(if $(shell command -v node 2>/dev/null),,nodejs)
APT_PACKAGES += $(if $(shell command -v npm 2>/dev/null),,npm)

SUDO := $(if $(filter 0,$(shell id -u)),,$(if $(shell command -v sudo 2>/dev/null),sudo,))

# `make test DEPS=` skips the install step (for machines without apt-get).
DEPS ?= deps
TEST_TIMEOUT ?= 40m

# Everything the wasm build reads (the same rule as serve.go's needsBuild).
WASM_INPUTS := $(shell find . -mindepth 1 \( -name '.*' -o -name '_*' -o -name testdata -o -name node_modules \
	-o -path ./static -o -path ./dist \) -prune -false -o \( -name '*.go' -o -name '*.wgsl' \) -print) go.mod \
	$(wildcard go.sum)

.PHONY: all deps test build serve e2e dist clean bench bench-deps bench-browser desktop gpu-bench-prep

all: build

deps:
	@missing=""; \
	if command -v apt-get >/dev/null 2>&1; then \
		for p in $(APT_PACKAGES); do \
			[ "$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null)" = "install ok installed" ] || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "deps: installing Debian packages:$$missing"; \
			$(SUDO) apt-get update -q; \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
		else \
			echo "deps: Debian packages present: $(strip $(APT_PACKAGES))"; \
		fi; \
	else \
		echo "deps: apt-get not found. Install these (Debian names) by hand: $(strip $(APT_PACKAGES))" >&2; \
		echo "deps: chromium must be at /usr/bin/chromium; then run 'make test DEPS=' to skip this step." >&2; \
		exit 1; \
	fi
	@if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then \
		echo "deps: installing e2e/node_modules (missing, or older than e2e/package-lock.json)"; \
		cd e2e && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi; \
	else \
		echo "deps: e2e/node_modules present"; \
	fi

# Runs every step, prints a summary, and fails if any step failed.
test: $(DEPS)
	@failed=(); \
	step() { \
		local name="$$1"; shift; \
		echo; echo "=== $$name"; \
		if "$$@"; then results+=("ok    $$name"); else results+=("FAIL  $$name"); failed+=("$$name"); fi; \
	}; \
	results=(); \
	gofmt_check() { \
		local out; out=$$(find . -mindepth 1 \( -name '.*' -o -name node_modules -o -path ./dist \) -prune -false -o -name '*.go' -print \
			| xargs -r gofmt -l) || return 1; \
		[ -z "$$out" ] || { echo "gofmt needed on:"; echo "$$out"; return 1; }; \
	}; \
	step "gofmt -l" gofmt_check; \
	step "go vet ./..." $(GO) vet ./...; \
	step "GOOS=js GOARCH=wasm go vet ./..." env GOOS=js GOARCH=wasm $(GO) vet ./...; \
	step "GOOS=js GOARCH=wasm go build ./..." env GOOS=js GOARCH=wasm $(GO) build ./...; \
	step "go build ./..." $(GO) build ./...; \
	step "go test ./..." env GANPLAY_E2E=1 $(GO) test -count=1 -timeout $(TEST_TIMEOUT) ./...; \
	echo; echo "=== summary"; printf '%s\n' "$${results[@]}"; \
	if [ $${#failed[@]} -gt 0 ]; then echo "make test: $${#failed[@]} step(s) failed"; exit 1; fi; \
	echo "make test: all steps passed"

static/ganplay.wasm: $(WASM_INPUTS)
	GOOS=js GOARCH=wasm $(GO) build -o $@ ./wasm

static/wasm_exec.js: FORCE
	@src="$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js"; \
	cmp -s "$$src" $@ || { cp "$$src" $@; echo "copied $$src to static/"; }

build: static/ganplay.wasm static/wasm_exec.js
	$(GO) build ./...

serve:
	$(GO) run .

# The desktop program (an Ebiten window, CPU backend).
desktop:
	$(GO) run ./cmd/ganplay

e2e: $(DEPS)
	GANPLAY_E2E=1 $(GO) test -count=1 -timeout $(TEST_TIMEOUT) -v ./e2e/

# A folder any static host can serve: the page fetches everything by relative URL and
# instantiates the wasm from bytes, so neither gzip nor application/wasm is required. The
# image demos fetch assets/digits.gz and assets/weights/*.safetensors when opened (the
# layout of package demos/assets).
dist: static/ganplay.wasm static/wasm_exec.js
	rm -rf dist
	mkdir -p dist
	cp -R static/. dist/
	mkdir -p dist/assets/weights
	cp models/imagedata/assets/digits.gz dist/assets/
	cp models/pretrained/*.safetensors dist/assets/weights/
	@echo "dist/ is ready: $$(ls dist | tr '\n' ' ')"

# Benchmarks: ganplay's CPU backend beside PyTorch on the same machine, as ratios measured
# in one run. PyTorch needs Debian's python3-torch with libopenblas0-openmp (without OpenBLAS
# it falls back to a reference BLAS some 30 times slower): `make bench-deps` installs both.
BENCH_APT_PACKAGES := python3-torch libopenblas0-openmp
BENCH_FLAGS ?= -benchtime 2s -count 3

bench-deps:
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(BENCH_APT_PACKAGES)

bench:
	mkdir -p bench/out
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1,2 $(BENCH_FLAGS) ./bench/ | tee bench/out/go.txt
	$(GO) test -run '^$$' -bench 'Sgemm/512' -cpu 1 $(BENCH_FLAGS) ./engine/cpu/gemm/ | tee bench/out/gemm.txt
	@if /usr/bin/python3 -c 'import torch' 2>/dev/null; then \
		/usr/bin/python3 bench/torch_bench.py --threads 1 --rounds 3 | tee bench/out/torch.txt; \
		/usr/bin/python3 bench/torch_bench.py --threads 2 | tee -a bench/out/torch.txt; \
		echo; $(GO) run ./bench/compare bench/out/go.txt bench/out/torch.txt; \
	else \
		echo "bench: PyTorch is not installed (make bench-deps), so only ganplay's figures are shown"; \
	fi
	@if [ -x /usr/bin/chromium ] && [ -f e2e/node_modules/@tensorflow/tfjs/package.json ]; then \
		$(MAKE) --no-print-directory bench-browser; \
	else \
		echo "bench: no /usr/bin/chromium or e2e/node_modules (make deps), so no browser figures"; \
	fi

# The browser benchmark (a few minutes): TF.js 4.22 on webgpu, wasm and cpu beside
# window.ganplay.benchmark on webgpu and cpu, toy GAN and 256³ matmul (and ganplay alone on
# the Pix2pix and CycleGAN 64×64 iterations), in one headless
# Chromium session (e2e/bench/, e2e/benchmark.mjs, e2e/benchmark_test.go). The table of
# best medians and ratios goes to bench/out/browser.txt; docs/benchmarks-browser.md has one.
BENCH_BROWSER_SECONDS ?= 3
BENCH_BROWSER_ROUNDS ?= 2

bench-browser:
	mkdir -p bench/out
	GANPLAY_E2E=1 GANPLAY_BENCH_BROWSER=1 GANPLAY_BENCH_SECONDS=$(BENCH_BROWSER_SECONDS) \
		GANPLAY_BENCH_ROUNDS=$(BENCH_BROWSER_ROUNDS) \
		$(GO) test -count=1 -run '^TestBrowserBench$$' -timeout $(TEST_TIMEOUT) -v ./e2e/

clean:
	rm -rf dist e2e/artifacts static/ganplay.wasm static/wasm_exec.js

.PHONY: FORCE
FORCE:

# Prepares the GPU check for the device machine (docs/benchmarks-gpu.md): the engine/webgpu
# test binary, ganctl and the Vulkan loader's Debian packages, all carried there.
gpu-bench-prep:
	mkdir -p bench/gpu/out .gl /tmp/amd64/partial
	CGO_ENABLED=0 $(GO) test -c -o bench/gpu/out/webgpu.test ./engine/webgpu
	CGO_ENABLED=0 $(GO) build -o bench/gpu/out/ganctl ./cmd/ganctl
	o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'; \
		apt-get $$o update -q && cd .gl && apt-get $$o download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2

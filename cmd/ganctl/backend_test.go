package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestBackendFlag checks -backend and GANPLAY_BACKEND on the training commands: a bad name
// is a usage error, cpu runs on the CPU and says so, the environment variable sets the
// default, and webgpu trains on the GPU adapter (lavapipe where there is no GPU).
func TestBackendFlag(t *testing.T) {
	train := []string{"train", "--data", "ring", "--steps", "4", "--every", "2", "--batch", "16", "--width", "8", "--w1-samples", "32"}
	if out, err, code := runCmd(append(train, "--backend", "cuda")...); code != 2 || !strings.Contains(err.Error(), "auto, webgpu, cpu") {
		t.Errorf("train --backend cuda: exit %d, %v\n%s", code, err, out)
	}
	if out, err, code := runCmd("train-image", "--backend", "cuda", "--steps", "1"); code != 2 || !strings.Contains(err.Error(), `unknown backend "cuda"`) {
		t.Errorf("train-image --backend cuda: exit %d, %v\n%s", code, err, out)
	}
	out, err, _ := runCmd(append(train, "--backend", "cpu")...)
	if err != nil || !strings.Contains(out, "backend: cpu (the CPU backend was asked for)") {
		t.Errorf("train --backend cpu: %v\n%s", err, out)
	}
	t.Setenv("GANPLAY_BACKEND", "cpu")
	if out, err, _ := runCmd(train...); err != nil || !strings.Contains(out, "backend: cpu (the CPU backend was asked for)") {
		t.Errorf("train with GANPLAY_BACKEND=cpu: %v\n%s", err, out)
	}
	t.Setenv("GANPLAY_BACKEND", "webgpu")
	out, err, _ = runCmd(train...)
	if err != nil {
		if strings.Contains(err.Error(), "no adapter") && os.Getenv("GANPLAY_E2E") != "1" {
			t.Skipf("train on webgpu: %v (install mesa-vulkan-drivers libvulkan1)", err)
		}
		t.Fatalf("train with GANPLAY_BACKEND=webgpu: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^backend: webgpu on .+maxStorageBufferBindingSize`).MatchString(out) ||
		len(regexp.MustCompile(`(?m)^step +\d+ .*D=.*w1=`).FindAllString(out, -1)) != 2 {
		t.Errorf("train with GANPLAY_BACKEND=webgpu printed:\n%s\nwant the adapter, its limits and two metric lines", out)
	}
}

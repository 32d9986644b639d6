// Package bench holds the engine's benchmark workloads, defined once so that the Go
// benchmarks, the end-to-end training test and the PyTorch twins in torch_bench.py measure
// the same models: the toy 2-D GAN and a DCGAN on 28×28 images.
package bench

package vec

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

var benchSizes = []int{32768, 1 << 20}

// bench runs f for every kernel and size as NAME/n=N/KERNEL, so that one run
// compares the assembly with the Go loops on the same machine. streams is the
// number of float32 slices f reads or writes, for the GB/s figure.
func bench(b *testing.B, streams int, f func(k *kernel, x [4][]float32)) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, n := range benchSizes {
		var x [4][]float32
		for i := range x {
			x[i] = data(r, n, false)
		}
		for i := range x[3] {
			x[3][i] *= x[3][i] // a second moment must not be negative
		}
		for _, k := range kernels() {
			b.Run(fmt.Sprintf("n=%d/%s", n, k.name), func(b *testing.B) {
				b.SetBytes(int64(4 * streams * n))
				for b.Loop() {
					f(k, x)
				}
			})
		}
	}
}

func BenchmarkBinary(b *testing.B) {
	for _, c := range []struct {
		name string
		op   Op
	}{{"add", OpAdd}, {"sub", OpSub}, {"mul", OpMul}, {"div", OpDiv}, {"max", OpMax}} {
		b.Run(c.name, func(b *testing.B) {
			bench(b, 3, func(k *kernel, x [4][]float32) { k.Binary(c.op, x[0], x[1], x[2]) })
		})
	}
}

func BenchmarkScalar(b *testing.B) {
	for _, c := range []struct {
		name string
		op   Op
	}{{"add", OpAdd}, {"subrev", OpSubRev}, {"mul", OpMul}, {"div", OpDiv}, {"divrev", OpDivRev}, {"max", OpMax}} {
		b.Run(c.name, func(b *testing.B) {
			bench(b, 2, func(k *kernel, x [4][]float32) { k.Scalar(c.op, x[0], x[1], 0.5) })
		})
	}
}

func BenchmarkAffine(b *testing.B) {
	bench(b, 2, func(k *kernel, x [4][]float32) { k.Affine(x[0], x[1], 0.5, 0.25) })
}

func BenchmarkRelu(b *testing.B) {
	bench(b, 2, func(k *kernel, x [4][]float32) { k.Relu(x[0], x[1]) })
}

func BenchmarkLeakyRelu(b *testing.B) {
	bench(b, 2, func(k *kernel, x [4][]float32) { k.LeakyRelu(x[0], x[1], 0.2) })
}

func BenchmarkStep(b *testing.B) {
	bench(b, 2, func(k *kernel, x [4][]float32) { k.Step(x[0], x[1], 0, 0.2) })
}

func BenchmarkStepMul(b *testing.B) {
	bench(b, 3, func(k *kernel, x [4][]float32) { k.StepMul(x[0], x[1], x[2], 0.2) })
}

func BenchmarkAddTo(b *testing.B) {
	bench(b, 3, func(k *kernel, x [4][]float32) { k.AddTo(x[0], x[1]) })
}

func BenchmarkMaxTo(b *testing.B) {
	bench(b, 3, func(k *kernel, x [4][]float32) { k.MaxTo(x[0], x[1]) })
}

var sinkF64 float64
var sinkF32 float32

func BenchmarkSum(b *testing.B) {
	bench(b, 1, func(k *kernel, x [4][]float32) { sinkF64 = k.Sum(x[1]) })
}

func BenchmarkMaxOf(b *testing.B) {
	bench(b, 1, func(k *kernel, x [4][]float32) { sinkF32 = k.MaxOf(x[1]) })
}

// The optimizer benchmarks use tiny rates so that repeated steps stay finite.

func BenchmarkAdam(b *testing.B) {
	bench(b, 7, func(k *kernel, x [4][]float32) {
		k.Adam(x[0], x[1], x[2], x[3], 0.9, 0.999, 1e-9, 1, 1e-8)
	})
}

func BenchmarkSGD(b *testing.B) {
	bench(b, 3, func(k *kernel, x [4][]float32) { k.SGD(x[0], x[1], nil, 1e-9, 0) })
}

func BenchmarkSGDMomentum(b *testing.B) {
	bench(b, 5, func(k *kernel, x [4][]float32) { k.SGD(x[0], x[1], x[2], 1e-9, 0.5) })
}

func BenchmarkRMSProp(b *testing.B) {
	bench(b, 5, func(k *kernel, x [4][]float32) { k.RMSProp(x[0], x[1], x[3], 1e-9, 0.99, 1e-8) })
}

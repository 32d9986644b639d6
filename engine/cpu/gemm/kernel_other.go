//go:build !amd64

package gemm

// available lists the portable Go kernel, the only one on this architecture.
func available() []*kernel { return []*kernel{genericKernel} }

// selectKernel returns the portable Go kernel.
func selectKernel() *kernel { return genericKernel }

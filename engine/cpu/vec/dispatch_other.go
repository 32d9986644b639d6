//go:build !amd64

package vec

// selectKernel returns the portable Go kernel, the only one on this
// architecture.
func selectKernel() *kernel { return genericKernel }

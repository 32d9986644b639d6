package gemm

// kernels lists the kernels the tests exercise: every one this machine
// supports, the portable Go kernel included.
func kernels() []*kernel { return available() }

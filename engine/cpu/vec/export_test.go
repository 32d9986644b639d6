package vec

// kernels lists the kernels the tests exercise: the portable Go kernel always,
// plus the one selected on this machine when it differs.
func kernels() []*kernel {
	if active == genericKernel {
		return []*kernel{genericKernel}
	}
	return []*kernel{active, genericKernel}
}

//go:build !js

package cpu

const maxFree = 256 << 20 // elements (1 GiB)

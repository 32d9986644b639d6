// Package cpu is the reference compute backend: gonum blas32 for matrix products and
// plain Go for everything else. It defines what every engine op means.
package cpu

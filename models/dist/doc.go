// Package dist computes distances and divergences between probability distributions for the
// playground: the exact Wasserstein-1 distance between equal-size point sets (an assignment
// problem solved by shortest augmenting paths), the exact 1-D Wasserstein-1 distance by sorting,
// entropic optimal transport by log-domain Sinkhorn iterations, the Sinkhorn divergence, and the
// numerically computed divergences (JS, KL, TV, W_1) of the θ demo of THEORY.md section 2.
//
// Everything is deterministic and the package holds no mutable state. Functions whose inputs
// are programmer-controlled shapes (Assignment, W1Exact, W1Sorted) panic with a "dist: "
// message on malformed input; functions that take user data (Sinkhorn, SinkhornDivergence)
// return errors.
package dist

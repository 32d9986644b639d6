package dist

import (
	"fmt"
	"math"
)

// Default settings used by Sinkhorn when the corresponding Options field is zero.
const (
	// DefaultMaxIter is the iteration cap used when Options.MaxIter is 0.
	DefaultMaxIter = 100000
	// DefaultTol is the marginal tolerance used when Options.Tol is 0.
	DefaultTol = 1e-6
	// weightTol is how far the weights may sum away from 1.
	weightTol = 1e-6
	// annealTol is the marginal tolerance of the intermediate ε-scaling stages.
	annealTol = 1e-3
)

// Options controls the Sinkhorn iterations. The zero value selects the defaults.
type Options struct {
	// MaxIter caps the number of iterations (one iteration updates f, then g). Zero means
	// DefaultMaxIter.
	MaxIter int
	// Tol is the stopping tolerance on the marginal error ||P 1 − a||_1 (the column marginal
	// is exact after each g update). Zero means DefaultTol.
	Tol float64
	// NoAnneal disables ε-scaling. By default the potentials are first computed for
	// ε_k = ε_0 / 2^k, ε_0 = max |C_ij|, k = 0, 1, … while ε_k > 2ε (each stage stopped at
	// marginal error max(1e-3, Tol)), then refined at ε. The answer is the same fixed point;
	// for small ε it is reached in far fewer iterations. Iterations counts all stages.
	NoAnneal bool
}

// StopReason says why Sinkhorn stopped.
type StopReason int

const (
	// StopTolerance means the marginal error fell to Options.Tol or below.
	StopTolerance StopReason = iota
	// StopMaxIter means the iteration cap Options.MaxIter was reached first.
	StopMaxIter
)

// String returns "tolerance reached" or "iteration cap reached".
func (s StopReason) String() string {
	switch s {
	case StopTolerance:
		return "tolerance reached"
	case StopMaxIter:
		return "iteration cap reached"
	}
	return fmt.Sprintf("StopReason(%d)", int(s))
}

// Result is the outcome of Sinkhorn.
type Result struct {
	// Plan is the n×m transport plan P_ij = exp((f_i + g_j − C_ij) / ε).
	Plan [][]float64
	// F and G are the dual potentials f (length n) and g (length m); F[i] is −Inf where a_i = 0.
	F, G []float64
	// Cost is the transport cost <P, C> = Σ_ij P_ij C_ij.
	Cost float64
	// OTeps is the entropic objective <P, C> − ε H(P) at Plan, with the entropy convention
	// H(P) = −Σ_ij P_ij (log P_ij − 1) (as in POT and Peyré-Cuturi), 0 log 0 = 0.
	OTeps float64
	// Iterations is the number of (f, g) update pairs performed.
	Iterations int
	// Converged reports whether the tolerance was reached.
	Converged bool
	// Stop says why the iterations stopped.
	Stop StopReason
	// MarginalError is max(||P 1 − a||_1, ||Pᵀ 1 − b||_1) at Plan.
	MarginalError float64
}

// Sinkhorn solves the entropic optimal transport problem of Cuturi (2013),
//
//	OT_ε(a, b) = min_P <P, C> − ε H(P)  subject to  P 1 = a, Pᵀ 1 = b, P ≥ 0,
//
// with H(P) = −Σ_ij P_ij (log P_ij − 1), by Sinkhorn-Knopp iterations in the log domain. The
// scaling updates u = a ./ (K v), v = b ./ (Kᵀ u) with K = exp(−C/ε) are carried out on the
// dual potentials f = ε log u, g = ε log v with log-sum-exp:
//
//	f_i = ε log a_i − ε log Σ_j exp((g_j − C_ij) / ε)
//	g_j = ε log b_j − ε log Σ_i exp((f_i − C_ij) / ε)
//
// so that small ε (1e-3 with costs of order 1) does not underflow. The plan is
// P_ij = exp((f_i + g_j − C_ij) / ε). Unless opts.NoAnneal is set, the potentials are
// warm-started by ε-scaling (see Options). Iterations stop when ||P 1 − a||_1 ≤ opts.Tol or
// after opts.MaxIter iterations; Result reports which.
//
// The weights a (length n) and b (length m) must be finite, non-negative and sum to 1 within
// 1e-6; C must be n×m and finite; ε must be positive and finite (and max |C_ij| / ε must not
// overflow). Otherwise Sinkhorn returns an error. Each iteration costs 2nm exponentials; the
// number of iterations grows as ε shrinks (thousands for ε = 1e-3 with costs of order 1), so
// set opts.MaxIter to bound the time.
func Sinkhorn(a, b []float64, C [][]float64, eps float64, opts Options) (Result, error) {
	n, m := len(a), len(b)
	if err := checkWeights("a", a); err != nil {
		return Result{}, err
	}
	if err := checkWeights("b", b); err != nil {
		return Result{}, err
	}
	if len(C) != n {
		return Result{}, fmt.Errorf("dist: sinkhorn: cost matrix has %d rows, want %d (len(a))", len(C), n)
	}
	for i, row := range C {
		if len(row) != m {
			return Result{}, fmt.Errorf("dist: sinkhorn: cost row %d has %d entries, want %d (len(b))", i, len(row), m)
		}
		for j, c := range row {
			if math.IsNaN(c) || math.IsInf(c, 0) {
				return Result{}, fmt.Errorf("dist: sinkhorn: cost[%d][%d] is %v", i, j, c)
			}
		}
	}
	if math.IsNaN(eps) || math.IsInf(eps, 0) || eps <= 0 {
		return Result{}, fmt.Errorf("dist: sinkhorn: eps must be positive and finite, got %v", eps)
	}
	maxC := 0.0
	for _, row := range C {
		for _, c := range row {
			maxC = math.Max(maxC, math.Abs(c))
		}
	}
	if math.IsInf(maxC/eps, 0) {
		return Result{}, fmt.Errorf("dist: sinkhorn: eps %v too small for costs up to %v", eps, maxC)
	}
	maxIter, tol := opts.MaxIter, opts.Tol
	if maxIter < 0 {
		return Result{}, fmt.Errorf("dist: sinkhorn: negative MaxIter %d", maxIter)
	}
	if math.IsNaN(tol) || math.IsInf(tol, 0) || tol < 0 {
		return Result{}, fmt.Errorf("dist: sinkhorn: tolerance must be non-negative and finite, got %v", tol)
	}
	if maxIter == 0 {
		maxIter = DefaultMaxIter
	}
	if tol == 0 {
		tol = DefaultTol
	}

	loga := logs(a)
	logb := logs(b)
	f := make([]float64, n)
	g := make([]float64, m)
	lseRow := make([]float64, n) // log Σ_j exp((g_j − C_ij)/ε)
	tmp := make([]float64, max(n, m))
	inv := 1 / eps
	// ct is Cᵀ stored row-major (ct[j*n+i] = C_ij) for cache-friendly g updates.
	ct := make([]float64, m*n)
	for i, row := range C {
		for j, c := range row {
			ct[j*n+i] = c
		}
	}

	rowLSE := func() {
		t := tmp[:m]
		for i, row := range C {
			for j, c := range row {
				t[j] = (g[j] - c) * inv
			}
			lseRow[i] = logSumExp(t)
		}
	}
	rowError := func() float64 {
		s := 0.0
		for i := range f {
			s += math.Abs(math.Exp(f[i]*inv+lseRow[i]) - a[i])
		}
		return s
	}

	var res Result
	it := 0
	// iterate runs Sinkhorn iterations at regularisation e until the row marginal error is
	// at most stopTol or the total iteration count reaches maxIter; it reports whether the
	// tolerance was reached.
	iterate := func(e, stopTol float64) bool {
		inv = 1 / e
		for k := 0; ; k++ {
			rowLSE()
			if k > 0 || it > 0 {
				res.MarginalError = rowError()
				if res.MarginalError <= stopTol {
					return true
				}
			}
			if it == maxIter {
				return false
			}
			for i := range f {
				f[i] = e * (loga[i] - lseRow[i])
			}
			t := tmp[:n]
			for j := range g {
				for i, c := range ct[j*n : (j+1)*n] {
					t[i] = (f[i] - c) * inv
				}
				g[j] = e * (logb[j] - logSumExp(t))
			}
			it++
		}
	}
	if !opts.NoAnneal {
		// ε-scaling: warm-start from coarser problems ε_k = ε_0 / 2^k, ε_0 = max |C_ij|.
		for e := maxC; e > 2*eps; e /= 2 {
			if !iterate(e, math.Max(tol, annealTol)) {
				break
			}
		}
	}
	if iterate(eps, tol) {
		res.Converged = true
		res.Stop = StopTolerance
	} else {
		res.Stop = StopMaxIter
	}
	inv = 1 / eps
	res.Iterations = it

	plan := make([][]float64, n)
	flat := make([]float64, n*m)
	colSum := make([]float64, m)
	rowErr := 0.0
	for i, row := range C {
		plan[i] = flat[i*m : (i+1)*m : (i+1)*m]
		rs := 0.0
		for j, c := range row {
			lp := (f[i] + g[j] - c) * inv
			p := math.Exp(lp)
			plan[i][j] = p
			if p == 0 {
				continue
			}
			rs += p
			colSum[j] += p
			res.Cost += p * c
			res.OTeps += p * c
			res.OTeps += eps * p * (lp - 1)
		}
		rowErr += math.Abs(rs - a[i])
	}
	colErr := 0.0
	for j, s := range colSum {
		colErr += math.Abs(s - b[j])
	}
	res.MarginalError = math.Max(rowErr, colErr)
	res.Plan = plan
	res.F = f
	res.G = g
	return res, nil
}

// checkWeights validates a probability vector: non-empty, finite, non-negative, summing to 1
// within weightTol.
func checkWeights(name string, w []float64) error {
	if len(w) == 0 {
		return fmt.Errorf("dist: sinkhorn: weights %s are empty", name)
	}
	s := 0.0
	for i, x := range w {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("dist: sinkhorn: weight %s[%d] is %v", name, i, x)
		}
		if x < 0 {
			return fmt.Errorf("dist: sinkhorn: weight %s[%d] is negative (%v)", name, i, x)
		}
		s += x
	}
	if math.Abs(s-1) > weightTol {
		return fmt.Errorf("dist: sinkhorn: weights %s sum to %v, want 1 (within %g)", name, s, weightTol)
	}
	return nil
}

// logs returns log w_i for each weight (−Inf for a zero weight).
func logs(w []float64) []float64 {
	l := make([]float64, len(w))
	for i, x := range w {
		l[i] = math.Log(x)
	}
	return l
}

// logSumExp returns log Σ_k exp(x_k), computed stably as M + log Σ_k exp(x_k − M) with
// M = max_k x_k. It returns −Inf when every x_k is −Inf or x is empty.
func logSumExp(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		if v > m {
			m = v
		}
	}
	if math.IsInf(m, -1) {
		return m
	}
	s := 0.0
	for _, v := range x {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

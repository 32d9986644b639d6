package dist

import (
	"fmt"
	"math"
)

// Assignment solves the linear assignment problem for the square cost matrix cost (n rows of
// n entries): it returns the permutation perm minimising total = Σ_i cost[i][perm[i]], where
// perm[i] is the column assigned to row i.
//
// It is the shortest augmenting path method of Jonker-Volgenant type (the O(n³) Hungarian
// algorithm with dual potentials), in float64. The total is summed from the original costs.
// Assignment panics if cost is not square or holds NaN or ±Inf. An empty matrix gives an empty
// permutation and total 0.
func Assignment(cost [][]float64) (perm []int, total float64) {
	n := len(cost)
	flat := make([]float64, n*n)
	for i, row := range cost {
		if len(row) != n {
			panic(fmt.Sprintf("dist: assignment: cost matrix is not square: row %d has %d entries, want %d", i, len(row), n))
		}
		copy(flat[i*n:], row)
	}
	return AssignmentFlat(flat, n)
}

// AssignmentFlat is Assignment for a row-major n×n cost matrix stored in one slice:
// cost[i*n+j] is the cost of assigning row i to column j. It returns perm (perm[i] is the
// column of row i) and total = Σ_i cost[i*n+perm[i]]. It panics if len(cost) != n*n or if
// the matrix holds NaN or ±Inf.
func AssignmentFlat(cost []float64, n int) (perm []int, total float64) {
	if n < 0 || len(cost) != n*n {
		panic(fmt.Sprintf("dist: assignment: cost has %d entries, want %d×%d", len(cost), n, n))
	}
	for k, c := range cost {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			panic(fmt.Sprintf("dist: assignment: cost[%d][%d] is %v", k/n, k%n, c))
		}
	}
	if n == 0 {
		return []int{}, 0
	}
	// Index 0 is a sentinel column/row; rows and columns are 1-based below.
	u := make([]float64, n+1)    // row potentials
	v := make([]float64, n+1)    // column potentials
	p := make([]int, n+1)        // p[j]: row matched to column j (0: free)
	way := make([]int, n+1)      // way[j]: previous column on the shortest path to j
	minv := make([]float64, n+1) // minv[j]: shortest reduced path length to column j
	used := make([]bool, n+1)
	inf := math.Inf(1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0 := p[j0]
			row := cost[(i0-1)*n : i0*n]
			ui := u[i0]
			delta := inf
			j1 := 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := row[j-1] - ui - v[j]
				if cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	perm = make([]int, n)
	for j := 1; j <= n; j++ {
		perm[p[j]-1] = j - 1
	}
	for i, j := range perm {
		total += cost[i*n+j]
	}
	return perm, total
}

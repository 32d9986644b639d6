package engine

// MatMul returns op(a)·op(b), where op transposes the last two axes when the flag is set.
// Operands are 2-D ([M, K]) or batched 3-D ([B, M, K]); a 2-D operand is shared by every
// batch of the other. The gradients are
//
//	∂/∂a = g·op(b)ᵀ (or op(b)·gᵀ when transA),  ∂/∂b = op(a)ᵀ·g (or gᵀ·op(a) when transB),
//
// summed over the batch for a shared 2-D operand (one SumBatch product, no batch of copies).
func MatMul(a, b *Tensor, transA, transB bool) *Tensor {
	return matmul(a, b, transA, transB, false)
}

// MatMul returns t·u.
func (t *Tensor) MatMul(u *Tensor) *Tensor { return MatMul(t, u, false, false) }

// matmulSum returns Σ_i op(a_i)·op(b_i) over the batch of two 3-D operands, shaped [M, N].
// Its gradients are batched products with the 2-D g shared by every batch.
func matmulSum(a, b *Tensor, transA, transB bool) *Tensor {
	return matmul(a, b, transA, transB, true)
}

func matmul(a, b *Tensor, transA, transB, sumBatch bool) *Tensor {
	if a.dev != b.dev {
		panicf("MatMul of tensors on different devices")
	}
	ra, rb := len(a.shape), len(b.shape)
	if ra < 2 || ra > 3 || rb < 2 || rb > 3 {
		panicf("MatMul of shapes %v and %v: want 2-D or 3-D operands", a.shape, b.shape)
	}
	m, ka := a.shape[ra-2], a.shape[ra-1]
	if transA {
		m, ka = ka, m
	}
	kb, n := b.shape[rb-2], b.shape[rb-1]
	if transB {
		kb, n = n, kb
	}
	if ka != kb {
		panicf("MatMul of shapes %v and %v (transA %v, transB %v): inner sizes %d and %d", a.shape, b.shape, transA, transB, ka, kb)
	}
	batch, sa, sb := 1, 0, 0
	if ra == 3 {
		batch, sa = a.shape[0], m*ka
	}
	if rb == 3 {
		if ra == 3 && b.shape[0] != batch {
			panicf("MatMul of shapes %v and %v: batch sizes differ", a.shape, b.shape)
		}
		batch, sb = b.shape[0], kb*n
	}
	shape := []int{m, n}
	if (ra == 3 || rb == 3) && !sumBatch {
		shape = []int{batch, m, n}
	}
	out := a.dev.empty(shape)
	a.dev.b.MatMul(out.buf, a.buf, b.buf, MatMulGeom{Batch: batch, M: m, K: ka, N: n,
		TransA: transA, TransB: transB, StrideA: sa, StrideB: sb, SumBatch: sumBatch})
	record(out, "matmul", []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		var ga, gb *Tensor
		if a.needsGrad() {
			if transA {
				ga = product(b, g, transB, true, ra)
			} else {
				ga = product(g, b, false, !transB, ra)
			}
		}
		if b.needsGrad() {
			if transB {
				gb = product(g, a, true, transA, rb)
			} else {
				gb = product(a, g, !transA, false, rb)
			}
		}
		return []*Tensor{ga, gb}
	})
	return out
}

// product multiplies x and y for a gradient of rank rank: a 2-D gradient of a batched
// product is the batch sum of the products.
func product(x, y *Tensor, transX, transY bool, rank int) *Tensor {
	if rank == 2 && x.Rank() == 3 && y.Rank() == 3 {
		return matmulSum(x, y, transX, transY)
	}
	return matmul(x, y, transX, transY, false)
}

package engine

// node records the op that produced a tensor: its inputs and the rule that maps the
// gradient of the output to the gradients of the inputs. The rule is written with Tensor
// ops, so running it with recording on builds the graph of the gradient itself.
type node struct {
	op       string
	inputs   []*Tensor
	backward func(g *Tensor) []*Tensor // one gradient per input, nil where none flows
}

// record attaches history to out when recording is on and some input needs a gradient.
func record(out *Tensor, op string, inputs []*Tensor, backward func(g *Tensor) []*Tensor) {
	if !out.dev.GradEnabled() {
		return
	}
	for _, in := range inputs {
		if in.requiresGrad {
			out.requiresGrad = true
			out.node = &node{op: op, inputs: inputs, backward: backward}
			return
		}
	}
}

// needsGrad reports whether the backward pass under way wants t's gradient: t requires
// grad and, when the pass follows only the paths to some tensors (Grad), leads to one.
// Backward rules call it before computing an input's gradient.
func (t *Tensor) needsGrad() bool {
	return t.requiresGrad && (t.dev.want == nil || t.dev.want[t])
}

// Backward computes the gradient of the scalar t with respect to every leaf that requires
// grad and adds it to that leaf's Grad (gradients accumulate, as when a parameter is used
// twice or Backward runs twice). The gradient itself records no history.
func (t *Tensor) Backward() {
	if t.Len() != 1 {
		panicf("Backward of a tensor of shape %v: want one element", t.shape)
	}
	if !t.requiresGrad {
		panicf("Backward of a tensor that does not depend on any parameter")
	}
	grads := backprop([]*Tensor{t}, nil, false, nil, isLeaf)
	for x, g := range grads {
		if x.Grad == nil {
			x.Grad = g
		} else {
			x.Grad = x.Grad.Add(g)
		}
	}
}

// ZeroGrad clears the accumulated gradient of a leaf.
func (t *Tensor) ZeroGrad() { t.Grad = nil }

// GradOptions configure Grad.
type GradOptions struct {
	// Seeds are the vectors in the vector-Jacobian products, one per output, shaped like it;
	// nil means ones.
	Seeds []*Tensor
	// CreateGraph records the backward pass so the gradients can be differentiated again.
	CreateGraph bool
}

// Grad returns the gradients of the sum of outputs (each weighted by its seed) with respect
// to inputs, like torch.autograd.grad: ∂(Σ_k ⟨seed_k, y_k⟩)/∂x_i. An input that the outputs
// do not depend on gets a zero tensor. Leaves' Grad fields are left untouched.
func Grad(outputs, inputs []*Tensor, opts GradOptions) []*Tensor {
	want := make(map[*Tensor]bool, len(inputs))
	for _, x := range inputs {
		want[x] = true
	}
	inputSet := make(map[*Tensor]bool, len(inputs))
	for _, x := range inputs {
		inputSet[x] = true
	}
	grads := backprop(outputs, opts.Seeds, opts.CreateGraph, want, func(x *Tensor) bool { return inputSet[x] })
	res := make([]*Tensor, len(inputs))
	for i, x := range inputs {
		if g, ok := grads[x]; ok {
			res[i] = g
		} else {
			res[i] = x.dev.Zeros(x.shape...)
		}
	}
	return res
}

// backprop walks the graph below roots in reverse topological order and returns the
// gradients of the tensors for which keep is true. When want is non-nil, only paths that
// lead to a tensor in want are followed. Without createGraph, gradients that are consumed
// (and temporaries of the backward rules) go back to a backend that can recycle them.
func backprop(roots, seeds []*Tensor, createGraph bool, want map[*Tensor]bool, keep func(*Tensor) bool) map[*Tensor]*Tensor {
	order := topoSort(roots, want)
	grads := make(map[*Tensor]*Tensor, len(order))
	dev := roots[0].dev
	// Backward rules skip the gradients of inputs off every wanted path (a GAN's G step
	// needs no gradient for D's weights); a nested pass restores the outer set.
	outer := dev.want
	dev.want = want
	defer func() { dev.want = outer }()
	var rc *recycler
	if rel, ok := dev.b.(Releaser); ok && !createGraph {
		rc = newRecycler(dev, rel)
		defer rc.stop()
	}
	add := func(x, g *Tensor) {
		if prev, ok := grads[x]; ok {
			sum := prev.Add(g)
			rc.unref(prev)
			g = sum
		}
		grads[x] = g
		rc.ref(g)
	}
	run := func() {
		for i, r := range roots {
			if !r.requiresGrad {
				continue
			}
			var s *Tensor
			if seeds != nil && seeds[i] != nil {
				s = seeds[i]
				if !sameShape(s.shape, r.shape) {
					panicf("Grad: seed shape %v for output shape %v", s.shape, r.shape)
				}
			} else {
				s = dev.Full(1, r.shape...)
			}
			add(r, s)
		}
		rc.settle()
		for i := len(order) - 1; i >= 0; i-- {
			t := order[i]
			g, ok := grads[t]
			if !ok || t.node == nil {
				continue
			}
			gs := t.node.backward(g)
			for j, in := range t.node.inputs {
				if gs[j] == nil || !in.requiresGrad {
					continue
				}
				if want != nil && !want[in] {
					continue
				}
				if !sameShape(gs[j].shape, in.shape) {
					panicf("%s backward: gradient %v for input %v", t.node.op, gs[j].shape, in.shape)
				}
				add(in, gs[j])
			}
			if !keep(t) {
				delete(grads, t)
				rc.unref(g)
			}
			rc.settle()
		}
		for x, g := range grads {
			if !keep(x) {
				delete(grads, x)
				rc.unref(g)
			}
		}
		rc.settle()
	}
	if createGraph {
		run()
	} else {
		dev.NoGrad(run)
	}
	return grads
}

// topoSort lists the tensors that need gradients below roots, inputs before outputs. With
// want, it also marks in want every tensor from which a path leads to a wanted one.
func topoSort(roots []*Tensor, want map[*Tensor]bool) []*Tensor {
	var order []*Tensor
	seen := make(map[*Tensor]bool)
	type frame struct {
		t    *Tensor
		next int
	}
	for _, r := range roots {
		if !r.requiresGrad || seen[r] {
			continue
		}
		seen[r] = true
		stack := []frame{{t: r}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.t.node != nil && top.next < len(top.t.node.inputs) {
				in := top.t.node.inputs[top.next]
				top.next++
				if in.requiresGrad && !seen[in] {
					seen[in] = true
					stack = append(stack, frame{t: in})
				}
				continue
			}
			order = append(order, top.t)
			stack = stack[:len(stack)-1]
		}
	}
	if want != nil {
		// Inputs come before outputs in order, so one forward pass settles reachability.
		for _, t := range order {
			r := want[t]
			if !r && t.node != nil {
				for _, in := range t.node.inputs {
					if want[in] {
						r = true
						break
					}
				}
			}
			if r {
				want[t] = true
			}
		}
	}
	return order
}

// isLeaf reports whether t is a parameter: a tensor that requires grad and has no history.
func isLeaf(t *Tensor) bool { return t.node == nil && t.requiresGrad }

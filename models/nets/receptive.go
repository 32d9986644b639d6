package nets

// ConvSpec is the geometry of one convolution along one axis.
type ConvSpec struct{ Kernel, Stride, Pad int }

// PatchWindow says which input pixels one output of a stack of convolutions sees: output i
// sees inputs Offset + i·Jump ≤ p < Offset + i·Jump + Size (some of them padding).
type PatchWindow struct{ Size, Jump, Offset int }

// Window returns the window of a stack of convolutions, applied first to last. With J_l the
// product of the strides before layer l,
//
//	Size   = 1 + Σ_l (k_l - 1)·J_l   (the receptive field)
//	Jump   = Π_l s_l
//	Offset = -Σ_l p_l·J_l
//
// equivalently Size = r_0 from r_L = 1 and r_{l-1} = s_l·(r_l - 1) + k_l.
func Window(layers []ConvSpec) PatchWindow {
	w := PatchWindow{Size: 1, Jump: 1}
	for _, l := range layers {
		w.Size += (l.Kernel - 1) * w.Jump
		w.Offset -= l.Pad * w.Jump
		w.Jump *= l.Stride
	}
	return w
}

// ReceptiveField returns Window(layers).Size.
func ReceptiveField(layers []ConvSpec) int { return Window(layers).Size }

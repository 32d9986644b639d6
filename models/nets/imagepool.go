package nets

import (
	"math/rand/v2"
	"slices"

	"github.com/ganplay/ganplay/engine"
)

// ImagePool is CycleGAN's history of generated images (Shrivastava et al. 2017): the
// discriminators learn from a mix of the newest fakes and older ones, which damps
// oscillation. Until it holds Size images it stores and returns every image; after that,
// each image is, with probability ½, returned as is, and otherwise stored in place of a
// uniformly chosen older image, which is returned instead. The paper uses Size 50.
type ImagePool struct {
	Size   int
	images []*engine.Tensor // each [1, C, H, W], detached
	rng    *rand.Rand
}

// NewImagePool returns an empty pool of the given size that draws its choices from rng.
// Size 0 turns the pool off: Query returns its input.
func NewImagePool(size int, rng *rand.Rand) *ImagePool {
	if size < 0 {
		panicf("image pool size %d must be ≥ 0", size)
	}
	return &ImagePool{Size: size, rng: rng}
}

// Len returns the number of stored images.
func (p *ImagePool) Len() int { return len(p.images) }

// Query passes a batch [N, C, H, W] of generated images through the pool and returns a
// detached batch of the same shape, image by image as described on ImagePool. The pool
// keeps its own copies, made outside any open Device.Scope and overwritten in place when
// replaced, so a training step that queries it inside a scope leaves nothing behind that
// the scope releases, and a full pool allocates nothing.
func (p *ImagePool) Query(images *engine.Tensor) *engine.Tensor {
	if p.Size == 0 {
		return images
	}
	dev := images.Device()
	out := make([]*engine.Tensor, images.Dim(0))
	dev.NoGrad(func() {
		for i := range out {
			img := images.Slice(0, i, i+1).Detach()
			switch {
			case len(p.images) < p.Size:
				var kept *engine.Tensor
				dev.Outside(func() { kept = img.Copy() })
				p.images = append(p.images, kept)
				out[i] = img
			case p.rng.Float64() < 0.5:
				j := p.rng.IntN(p.Size)
				out[i] = p.images[j].Copy()
				if slices.Equal(p.images[j].Shape(), img.Shape()) {
					p.images[j].Set(img)
				} else {
					dev.Outside(func() { p.images[j] = img.Copy() })
				}
			default:
				out[i] = img
			}
		}
	})
	return engine.Concat(0, out...)
}

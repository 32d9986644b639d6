package nets

import "github.com/ganplay/ganplay/engine"

// OneHot returns the one-hot codes [N, k] of labels: row n is e_{labels[n]}.
func OneHot(dev *engine.Device, labels []int, k int) *engine.Tensor {
	return LabelMaps(dev, labels, k, 1, 1).Reshape(len(labels), k)
}

// LabelMaps returns [N, k, h, w] with channel labels[n] of image n all ones and the other
// channels zero: the one-hot code broadcast over an image, for a conditional D(x | y).
func LabelMaps(dev *engine.Device, labels []int, k, h, w int) *engine.Tensor {
	data := make([]float32, len(labels)*k*h*w)
	for n, y := range labels {
		if y < 0 || y >= k {
			panicf("label %d of image %d outside [0, %d)", y, n, k)
		}
		plane := data[(n*k+y)*h*w:][:h*w]
		for i := range plane {
			plane[i] = 1
		}
	}
	return dev.FromSlice(data, len(labels), k, h, w)
}

package demos

// DragPhase is where a drag (mouse button or finger held down) is.
type DragPhase int

// The phases of a drag: pressed, moved while pressed, released.
const (
	DragStart DragPhase = iota
	DragMove
	DragEnd
)

// Dragger is a scene that follows drags (the Pix2pix scenes draw with them).
type Dragger interface {
	Drag(phase DragPhase, x, y float64)
}

// KeyHandler is a scene with keyboard shortcuts of its own (the Pix2pix scenes: c clears
// the drawing, e shows the next example).
type KeyHandler interface {
	Key(k string)
}

// Key handles the Pix2pix scenes' shortcuts: "c" clears, "e" shows the next example.
func (p *Pix2pix) Key(k string) {
	switch k {
	case "c":
		p.Clear()
	case "e":
		p.ShowExample(p.example + 1)
	}
}

package game

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/ganplay/ganplay/demos"
)

// sceneKeys are the number keys that pick the scenes.
var sceneKeys = map[ebiten.Key]demos.SceneKind{
	ebiten.Key1: demos.SceneMixture, ebiten.Key2: demos.SceneDivergence, ebiten.Key3: demos.SceneTransport,
	ebiten.Key4: demos.SceneDCGAN, ebiten.Key5: demos.SceneCGAN, ebiten.Key6: demos.ScenePix2pixEdges,
	ebiten.Key7: demos.ScenePix2pixSketch, ebiten.Key8: demos.SceneCycleGAN,
}

// sceneLetterKeys are the keys that scenes handle themselves (demos.KeyHandler).
var sceneLetterKeys = map[ebiten.Key]string{ebiten.KeyC: "c", ebiten.KeyE: "e"}

// dragState follows one drag: the left mouse button or the first finger held down.
type dragState struct {
	on    bool
	touch bool
	id    ebiten.TouchID
	lastX int
	lastY int
}

// dragInput sends DragStart when the mouse button (or a finger) goes down, DragMove when
// it moves while down and DragEnd when it is lifted.
func (g *Game) dragInput() {
	d := &g.drag
	send := func(p demos.DragPhase, x, y int) {
		g.App.Send(demos.Command{Kind: demos.CmdDrag, Phase: p, X: float64(x), Y: float64(y)})
		d.lastX, d.lastY = x, y
	}
	if !d.on {
		if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
			x, y := ebiten.CursorPosition()
			*d = dragState{on: true}
			send(demos.DragStart, x, y)
			return
		}
		if ids := inpututil.AppendJustPressedTouchIDs(nil); len(ids) > 0 {
			x, y := ebiten.TouchPosition(ids[0])
			*d = dragState{on: true, touch: true, id: ids[0]}
			send(demos.DragStart, x, y)
		}
		return
	}
	if d.touch {
		if inpututil.IsTouchJustReleased(d.id) {
			d.on = false
			send(demos.DragEnd, d.lastX, d.lastY)
			return
		}
		if x, y := ebiten.TouchPosition(d.id); x != d.lastX || y != d.lastY {
			send(demos.DragMove, x, y)
		}
		return
	}
	x, y := ebiten.CursorPosition()
	if !ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		d.on = false
		send(demos.DragEnd, x, y)
		return
	}
	if x != d.lastX || y != d.lastY {
		send(demos.DragMove, x, y)
	}
}

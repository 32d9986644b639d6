package vec

import "math"

// The optimizer loops convert every product to float32 before it is added, so
// that no architecture fuses it into an FMA and all kernels agree bit for bit.
// Like the elementwise loops they update four elements per iteration, through
// per-element helpers the compiler inlines.

// sqrt32 is the correctly rounded float32 square root (the float64 root of a
// float32 rounds to the same value).
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }

// adamStep returns the updated w, m and v of one element, with c1 = 1-β1 and
// c2 = 1-β2.
func adamStep(w, g, m, v, b1, c1, b2, c2, lr, scale, eps float32) (float32, float32, float32) {
	m = float32(b1*m) + float32(c1*g)
	v = float32(b2*v) + float32(float32(c2*g)*g)
	return w - float32(lr*m)/(float32(sqrt32(v)*scale)+eps), m, v
}

// adamGeneric applies the Adam update with c1 = 1-β1 and c2 = 1-β2.
func adamGeneric(w, g, m, v []float32, b1, c1, b2, c2, lr, scale, eps float32) {
	n := len(w)
	g, m, v = g[:n:n], m[:n:n], v[:n:n]
	i := 0
	for ; i <= n-4; i += 4 {
		w, g, m, v := w[i:i+4:i+4], g[i:i+4:i+4], m[i:i+4:i+4], v[i:i+4:i+4]
		w[0], m[0], v[0] = adamStep(w[0], g[0], m[0], v[0], b1, c1, b2, c2, lr, scale, eps)
		w[1], m[1], v[1] = adamStep(w[1], g[1], m[1], v[1], b1, c1, b2, c2, lr, scale, eps)
		w[2], m[2], v[2] = adamStep(w[2], g[2], m[2], v[2], b1, c1, b2, c2, lr, scale, eps)
		w[3], m[3], v[3] = adamStep(w[3], g[3], m[3], v[3], b1, c1, b2, c2, lr, scale, eps)
	}
	for ; i < n; i++ {
		w[i], m[i], v[i] = adamStep(w[i], g[i], m[i], v[i], b1, c1, b2, c2, lr, scale, eps)
	}
}

// sgdGeneric computes w[i] -= lr*g[i].
func sgdGeneric(w, g []float32, lr float32) {
	n := len(w)
	g = g[:n:n]
	i := 0
	for ; i <= n-4; i += 4 {
		w, g := w[i:i+4:i+4], g[i:i+4:i+4]
		w[0] -= float32(lr * g[0])
		w[1] -= float32(lr * g[1])
		w[2] -= float32(lr * g[2])
		w[3] -= float32(lr * g[3])
	}
	for ; i < n; i++ {
		w[i] -= float32(lr * g[i])
	}
}

// momentumStep returns the updated w and velocity of one element.
func momentumStep(w, g, vel, lr, mu float32) (float32, float32) {
	vel = float32(mu*vel) + g
	return w - float32(lr*vel), vel
}

// momentumGeneric computes vel[i] = mu*vel[i] + g[i]; w[i] -= lr*vel[i].
func momentumGeneric(w, g, vel []float32, lr, mu float32) {
	n := len(w)
	g, vel = g[:n:n], vel[:n:n]
	i := 0
	for ; i <= n-4; i += 4 {
		w, g, vel := w[i:i+4:i+4], g[i:i+4:i+4], vel[i:i+4:i+4]
		w[0], vel[0] = momentumStep(w[0], g[0], vel[0], lr, mu)
		w[1], vel[1] = momentumStep(w[1], g[1], vel[1], lr, mu)
		w[2], vel[2] = momentumStep(w[2], g[2], vel[2], lr, mu)
		w[3], vel[3] = momentumStep(w[3], g[3], vel[3], lr, mu)
	}
	for ; i < n; i++ {
		w[i], vel[i] = momentumStep(w[i], g[i], vel[i], lr, mu)
	}
}

// rmspropStep returns the updated w and s of one element, with c = 1-α.
func rmspropStep(w, g, s, alpha, c, lr, eps float32) (float32, float32) {
	s = float32(alpha*s) + float32(float32(c*g)*g)
	return w - float32(lr*g)/(sqrt32(s)+eps), s
}

// rmspropGeneric applies the RMSProp update with c = 1-α.
func rmspropGeneric(w, g, s []float32, alpha, c, lr, eps float32) {
	n := len(w)
	g, s = g[:n:n], s[:n:n]
	i := 0
	for ; i <= n-4; i += 4 {
		w, g, s := w[i:i+4:i+4], g[i:i+4:i+4], s[i:i+4:i+4]
		w[0], s[0] = rmspropStep(w[0], g[0], s[0], alpha, c, lr, eps)
		w[1], s[1] = rmspropStep(w[1], g[1], s[1], alpha, c, lr, eps)
		w[2], s[2] = rmspropStep(w[2], g[2], s[2], alpha, c, lr, eps)
		w[3], s[3] = rmspropStep(w[3], g[3], s[3], alpha, c, lr, eps)
	}
	for ; i < n; i++ {
		w[i], s[i] = rmspropStep(w[i], g[i], s[i], alpha, c, lr, eps)
	}
}

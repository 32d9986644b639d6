//go:build js

package webgpu

import "time"

// cpuTime is not measured in the browser.
func cpuTime() time.Duration { return 0 }

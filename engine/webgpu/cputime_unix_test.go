//go:build !js && !windows

package webgpu

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) of the whole process so far, lavapipe's
// threads included: on a machine shared with other work it varies far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

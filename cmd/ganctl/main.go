// Command ganctl is ganplay's headless command line: it trains the 2-D GANs, runs the
// experiments, and computes the distances of the playground, with no window.
//
//	ganctl train --model gan|gan-minimax|lsgan|wgan|wgan-gp|cgan --data ring --steps N --seed S [--backend auto|webgpu|cpu]
//	ganctl experiment mode-collapse [--quick] [--seeds N] [--steps N]
//	ganctl ot --a A.csv --b B.csv [--eps E]
//	ganctl divergence --theta T [--sigma S]
//	ganctl train-image --model M [--steps N] [--out FILE] [--backend auto|webgpu|cpu]
//	ganctl bench [--workload toygan,matmul256,pix2pix64,cyclegan64] [--seconds S] [--backend auto|webgpu|cpu]
//
// Bad flags or inputs print a message and exit with status 2; other failures (a training
// run that diverged) exit with status 1.
package main

import (
	"fmt"
	"os"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ganctl:", err)
	}
	os.Exit(exitCode(err))
}

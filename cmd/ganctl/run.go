package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

const usage = `usage: ganctl <command> [flags]

commands:
  train       train a 2-D GAN and print metrics every --every steps
  experiment  run an experiment (mode-collapse)
  ot          exact W_1 and Sinkhorn values between two point sets
  divergence  JS, KL, TV and W_1 of the θ demo (segments and Gaussians)
  train-image train an image GAN (dcgan, cgan, pix2pix-edges, pix2pix-sketch, cyclegan) and save its weights
  bench       time the benchmark workloads (toygan, matmul256, pix2pix64, cyclegan64) on a backend

Run "ganctl <command> -h" for a command's flags.`

// usageError is a bad command line or bad input: the message is printed and ganctl exits
// with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// exitCode maps run's error to the process status: 0, 2 for usage errors, 1 otherwise.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// run runs ganctl with the arguments after the program name, writing results to stdout.
func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usagef("no command\n%s", usage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "train":
		return runTrain(rest, stdout)
	case "experiment":
		return runExperiment(rest, stdout)
	case "ot":
		return runOT(rest, stdout)
	case "divergence":
		return runDivergence(rest, stdout)
	case "train-image":
		return runTrainImage(rest, stdout)
	case "bench":
		return runBench(rest, stdout)
	case "help", "-h", "-help", "--help":
		_, err := fmt.Fprintln(stdout, usage)
		return err
	}
	return usagef("unknown command %q\n%s", cmd, usage)
}

// parse parses args into fs. Errors become usage errors that carry the flags' help; -h
// prints the help to stdout and returns errHelp.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	var help strings.Builder
	fs.SetOutput(&help)
	fs.PrintDefaults()
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(stdout, "usage of ganctl %s:\n%s", fs.Name(), help.String())
		return errHelp
	case err != nil:
		return usagef("%s: %v\nusage of ganctl %s:\n%s", fs.Name(), err, fs.Name(), help.String())
	case fs.NArg() > 0:
		return usagef("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}

// errHelp is returned by parse after printing the help for -h; commands return nil then.
var errHelp = errors.New("help requested")

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

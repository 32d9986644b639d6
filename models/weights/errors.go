package weights

import (
	"errors"
	"fmt"
)

// ErrFormat is wrapped by every error about a corrupt or truncated file.
var ErrFormat = errors.New("corrupt safetensors file")

// ErrMismatch is wrapped by every error about a valid file that does not fit the model.
var ErrMismatch = errors.New("file does not fit the model")

// Error is a problem with a file, or with one of its tensors when Tensor is not empty. It
// unwraps to ErrFormat or ErrMismatch. Its text reads
//
//	weights: tensor "3.weight": shape [64 3 4 4] in file, [64 1 4 4] in model
type Error struct {
	Tensor  string // the tensor's name; empty for a problem with the whole file
	Problem string
	kind    error
}

// Error returns the text shown above.
func (e *Error) Error() string {
	if e.Tensor == "" {
		return "weights: " + e.Problem
	}
	return fmt.Sprintf("weights: tensor %q: %s", e.Tensor, e.Problem)
}

// Unwrap returns ErrFormat or ErrMismatch.
func (e *Error) Unwrap() error { return e.kind }

func formatErr(format string, args ...any) error {
	return &Error{Problem: fmt.Sprintf(format, args...), kind: ErrFormat}
}

func tensorErr(name, format string, args ...any) error {
	return &Error{Tensor: name, Problem: fmt.Sprintf(format, args...), kind: ErrFormat}
}

func mismatchErr(name, format string, args ...any) error {
	return &Error{Tensor: name, Problem: fmt.Sprintf(format, args...), kind: ErrMismatch}
}

// Package weights reads and writes model weights in the safetensors format, the format that
// PyTorch users already have, so weights trained elsewhere load by name.
//
// Layout of a file (all integers little-endian):
//
//	offset 0       8 bytes   N, the length of the header in bytes (uint64)
//	offset 8       N bytes   the header: one UTF-8 JSON object, padded with spaces so that
//	                         8 + N is a multiple of 8
//	offset 8 + N   the rest  the data section: the raw elements of every tensor, row-major
//
// The header maps each tensor name to its dtype, shape and the byte range of its elements,
// relative to the start of the data section, plus an optional "__metadata__" object of
// string values:
//
//	{"__metadata__": {"seed": "1"},
//	 "model.0.weight": {"dtype": "F32", "shape": [8, 3, 4, 4], "data_offsets": [0, 1536]},
//	 "model.0.bias":   {"dtype": "F32", "shape": [8], "data_offsets": [1536, 1568]}}
//
// A tensor of shape s and dtype d occupies exactly Π s · size(d) bytes (one element for the
// scalar shape []). The byte ranges tile the data section: they neither overlap nor leave
// gaps, and the last one ends where the file ends, as the reference (Rust) implementation
// requires.
//
// Save writes F32 (or F16/BF16 with SaveAs, to halve a file for the web page). Read and Load
// accept F32, F16, BF16 and F64 and the integer and BOOL dtypes, all converted to float32.
// Load fills existing tensors by name (nn.State gives the names) and changes nothing unless
// the whole file fits the model: a corrupt file is an error wrapping ErrFormat, a valid file
// that does not fit (a missing or extra tensor, another shape) one wrapping ErrMismatch; each
// names the tensor and the problem.
//
// PyTorch's BatchNorm also saves an I64 "num_batches_tracked" that ganplay's layers do not
// have: load such files with Options.AllowExtra.
package weights

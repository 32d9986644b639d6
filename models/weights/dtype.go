package weights

import (
	"encoding/binary"
	"math"
)

// DType names an element type as the safetensors header spells it.
type DType string

// The dtypes that Read and Load convert to float32. Save writes F32, F16 or BF16.
const (
	F64  DType = "F64"
	F32  DType = "F32"
	F16  DType = "F16"
	BF16 DType = "BF16"
	I64  DType = "I64"
	I32  DType = "I32"
	I16  DType = "I16"
	I8   DType = "I8"
	U64  DType = "U64"
	U32  DType = "U32"
	U16  DType = "U16"
	U8   DType = "U8"
	Bool DType = "BOOL"
)

// Size returns the bytes per element of d, or 0 for a dtype this package does not know.
func (d DType) Size() int {
	switch d {
	case F64, I64, U64:
		return 8
	case F32, I32, U32:
		return 4
	case F16, BF16, I16, U16:
		return 2
	case I8, U8, Bool:
		return 1
	}
	return 0
}

// decode converts the little-endian elements in b (len(b) = n·d.Size()) to float32.
func (d DType) decode(b []byte) []float32 {
	le := binary.LittleEndian
	n := len(b) / d.Size()
	out := make([]float32, n)
	for i := range out {
		switch d {
		case F64:
			out[i] = float32(math.Float64frombits(le.Uint64(b[8*i:])))
		case F32:
			out[i] = math.Float32frombits(le.Uint32(b[4*i:]))
		case F16:
			out[i] = halfToFloat(le.Uint16(b[2*i:]))
		case BF16:
			out[i] = math.Float32frombits(uint32(le.Uint16(b[2*i:])) << 16)
		case I64:
			out[i] = float32(int64(le.Uint64(b[8*i:])))
		case I32:
			out[i] = float32(int32(le.Uint32(b[4*i:])))
		case I16:
			out[i] = float32(int16(le.Uint16(b[2*i:])))
		case I8:
			out[i] = float32(int8(b[i]))
		case U64:
			out[i] = float32(le.Uint64(b[8*i:]))
		case U32:
			out[i] = float32(le.Uint32(b[4*i:]))
		case U16:
			out[i] = float32(le.Uint16(b[2*i:]))
		case U8, Bool:
			out[i] = float32(b[i])
		}
	}
	return out
}

// encode appends the elements of v to b as little-endian d (F32, F16 or BF16).
func (d DType) encode(b []byte, v []float32) []byte {
	le := binary.LittleEndian
	for _, x := range v {
		switch d {
		case F32:
			b = le.AppendUint32(b, math.Float32bits(x))
		case F16:
			b = le.AppendUint16(b, floatToHalf(x))
		case BF16:
			b = le.AppendUint16(b, floatToBF16(x))
		default:
			panic("weights: cannot encode " + string(d))
		}
	}
	return b
}

// halfToFloat converts an IEEE 754 binary16 value to float32 exactly:
// (-1)^s · 2^(e-15) · (1 + m/1024) for normal numbers, (-1)^s · 2^-14 · m/1024 for
// subnormal ones, and infinities and NaNs kept.
func halfToFloat(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	man := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f: // infinity or NaN
		return math.Float32frombits(sign | 0xff<<23 | man<<13)
	case exp != 0: // normal: rebias the exponent from 15 to 127
		return math.Float32frombits(sign | (exp+112)<<23 | man<<13)
	case man == 0:
		return math.Float32frombits(sign)
	}
	v := float32(man) / (1 << 24) // subnormal: m · 2^-24
	if sign != 0 {
		v = -v
	}
	return v
}

// floatToHalf rounds a float32 to the nearest binary16 (ties to even); values beyond the
// range of binary16 become infinities.
func floatToHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b>>23) & 0xff
	man := b & 0x7fffff
	if exp == 0xff { // infinity or NaN (keep NaN quiet and non-zero)
		if man != 0 {
			return sign | 0x7e00
		}
		return sign | 0x7c00
	}
	e := exp - 127 + 15
	if e >= 0x1f {
		return sign | 0x7c00
	}
	if e <= 0 { // subnormal or zero in binary16
		if e < -10 {
			return sign
		}
		man |= 0x800000 // the implicit bit
		shift := uint(14 - e)
		return sign | uint16(roundShift(man, shift))
	}
	h := uint32(e)<<10 | man>>13
	rem := man & 0x1fff
	if rem > 0x1000 || (rem == 0x1000 && h&1 == 1) {
		h++ // may carry into the exponent, which is correct (up to infinity)
	}
	return sign | uint16(h)
}

// roundShift returns v >> s rounded to the nearest integer, ties to even.
func roundShift(v uint32, s uint) uint32 {
	q := v >> s
	rem := v & (1<<s - 1)
	half := uint32(1) << (s - 1)
	if rem > half || (rem == half && q&1 == 1) {
		q++
	}
	return q
}

// floatToBF16 rounds a float32 to bfloat16 (its top 16 bits), ties to even.
func floatToBF16(f float32) uint16 {
	b := math.Float32bits(f)
	if b&0x7fffffff > 0x7f800000 { // NaN
		return uint16(b>>16) | 0x40
	}
	return uint16(roundShift(b, 16))
}

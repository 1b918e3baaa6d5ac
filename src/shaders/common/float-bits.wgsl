// f32 values read as raw bits: NaN and ±Inf recognised from the exponent (a compiler may assume
// `v != v` is false) and an integer key whose unsigned order is the numeric order of the float.

const EXPONENT_BITS = 0x7f800000u;
const MANTISSA_BITS = 0x007fffffu;
const SIGN_BIT = 0x80000000u;

// Neither NaN nor ±Inf.
fn is_finite_bits(bits: u32) -> bool {
  return (bits & EXPONENT_BITS) != EXPONENT_BITS;
}

fn is_nan_bits(bits: u32) -> bool {
  return (bits & ~SIGN_BIT) > EXPONENT_BITS;
}

// Unsigned order of the key is the numeric order of the float (-0 just below +0).
fn order_key(bits: u32) -> u32 {
  if ((bits & SIGN_BIT) != 0u) {
    return ~bits;
  }
  return bits | SIGN_BIT;
}

// Where a value goes in a histogram of NBINS equal bins over [lo, hi] (the last bin closed): its
// bin, or NBINS (below lo), NBINS + 1 (above hi), NBINS + 2 (NaN). scale = f32(NBINS / (hi − lo));
// the float32 arithmetic is that of histogram.cpu.ts. The including kernel declares NBINS.

//!include float-bits

fn histogram_slot(v: f32, lo: f32, hi: f32, scale: f32) -> u32 {
  if (is_nan_bits(bitcast<u32>(v))) { return NBINS + 2u; }
  if (v < lo) { return NBINS; }
  if (v > hi) { return NBINS + 1u; }
  return min(u32((v - lo) * scale), NBINS - 1u);
}

// Two real rows a, b travel as one complex line z = a + i·b (the row pairs of the real FFT in
// fft-line.wgsl and rfft.wgsl). Z = FFT(z) holds both half spectra,
//   A[k] = (Z[k] + conj Z[n−k]) / 2,  B[k] = (Z[k] − conj Z[n−k]) / 2i,
// and the way back builds Z = A + i·B over the full length from the half spectra (Hermitian
// extension; the imaginary parts of bins 0 and n/2 are ignored).

struct PairSpectra {
  a: vec2f,
  b: vec2f,
}

// A[k] and B[k] from z = Z[k] and zc = Z[(n − k) mod n].
fn split_pair(z: vec2f, zc: vec2f) -> PairSpectra {
  let c = vec2f(zc.x, -zc.y);
  let d = z - c;
  return PairSpectra(0.5 * (z + c), 0.5 * vec2f(d.y, -d.x));
}

// The half-spectrum bin that full-length bin k mirrors (n − k past the half).
fn half_bin(k: u32, n: u32, nh: u32) -> u32 {
  return select(k, n - k, k >= nh);
}

// Z[k] = A[k] + i·B[k] from a = A[j], b = B[j], j = half_bin(k, n, nh) (conjugates past the half).
fn join_pair(a: vec2f, b: vec2f, k: u32, n: u32, nh: u32) -> vec2f {
  let j = half_bin(k, n, nh);
  let self_conj = j == 0u || 2u * j == n;
  let sgn = select(1.0, -1.0, k >= nh);
  let ai = select(sgn * a.y, 0.0, self_conj);
  let bi = select(sgn * b.y, 0.0, self_conj);
  return vec2f(a.x - bi, ai + b.x);
}

// Real <-> half-spectrum steps of the real FFT along x, for row lengths that the fused kernels of
// fft-line.wgsl (main_r2c / main_c2r) cannot take (too long for workgroup memory, or not smooth).
// Rows 2p and 2p+1 (length NX) travel as one complex line z = a + i b of the `pairs` buffer:
//   pack_pairs:     real rows -> z                          (then a forward complex FFT of z)
//   unpack_pairs:   Z -> A[k] = (Z[k] + conj Z[NX-k]) / 2, B[k] = (Z[k] - conj Z[NX-k]) / 2i
//   pack_hermitian: A, B (half spectra) -> Z = A + i B over the full length, Hermitian extension,
//                   imaginary parts of bins 0 and NX/2 ignored   (then an inverse complex FFT)
//   unpack_real:    z -> rows (Re z, Im z)

//!include grid real-pairs

override WG: u32 = 64u;

struct Params {
  rows: u32,
  pairs: u32,
  nx: u32,
  nh: u32,    // nx / 2 + 1
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> src_real: array<f32>;
@group(0) @binding(4) var<storage, read_write> dst_real: array<f32>;

@compute @workgroup_size(WG)
fn pack_pairs(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.pairs * P.nx) {
    return;
  }
  let row = 2u * (i / P.nx);
  let k = i % P.nx;
  let b = select(0.0, src_real[(row + 1u) * P.nx + k], row + 1u < P.rows);
  dst[i] = vec2f(src_real[row * P.nx + k], b);
}

@compute @workgroup_size(WG)
fn unpack_pairs(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.pairs * P.nh) {
    return;
  }
  let p = i / P.nh;
  let k = i % P.nh;
  let row = 2u * p;
  let s = split_pair(src[p * P.nx + k], src[p * P.nx + (P.nx - k) % P.nx]);
  dst[row * P.nh + k] = s.a;
  if (row + 1u < P.rows) {
    dst[(row + 1u) * P.nh + k] = s.b;
  }
}

@compute @workgroup_size(WG)
fn pack_hermitian(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.pairs * P.nx) {
    return;
  }
  let row = 2u * (i / P.nx);
  let k = i % P.nx;
  let j = half_bin(k, P.nx, P.nh);
  let a = src[row * P.nh + j];
  var b = vec2f(0.0);
  if (row + 1u < P.rows) {
    b = src[(row + 1u) * P.nh + j];
  }
  dst[i] = join_pair(a, b, k, P.nx, P.nh);
}

@compute @workgroup_size(WG)
fn unpack_real(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.pairs * P.nx) {
    return;
  }
  let row = 2u * (i / P.nx);
  let k = i % P.nx;
  let z = src[i];
  dst_real[row * P.nx + k] = z.x;
  if (row + 1u < P.rows) {
    dst_real[(row + 1u) * P.nx + k] = z.y;
  }
}

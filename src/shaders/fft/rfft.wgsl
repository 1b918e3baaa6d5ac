// Real <-> half-spectrum steps of the real FFT along x, for row lengths that the fused kernels of
// fft-line.wgsl (main_r2c / main_c2r) cannot take (too long for workgroup memory, or not smooth).
// Rows 2p and 2p+1 (length NX) travel as one complex line z = a + i b of the `pairs` buffer:
//   pack_pairs:     real rows -> z                          (then a forward complex FFT of z)
//   unpack_pairs:   Z -> A[k] = (Z[k] + conj Z[NX-k]) / 2, B[k] = (Z[k] - conj Z[NX-k]) / 2i
//   pack_hermitian: A, B (half spectra) -> Z = A + i B over the full length, Hermitian extension,
//                   imaginary parts of bins 0 and NX/2 ignored   (then an inverse complex FFT)
//   unpack_real:    z -> rows (Re z, Im z)

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

fn index(wid: vec3u, nwg: vec3u, lid: u32) -> u32 {
  return (wid.x + wid.y * nwg.x) * WG + lid;
}

@compute @workgroup_size(WG)
fn pack_pairs(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
              @builtin(local_invocation_index) lid: u32) {
  let i = index(wid, nwg, lid);
  if (i >= P.pairs * P.nx) {
    return;
  }
  let row = 2u * (i / P.nx);
  let k = i % P.nx;
  let b = select(0.0, src_real[(row + 1u) * P.nx + k], row + 1u < P.rows);
  dst[i] = vec2f(src_real[row * P.nx + k], b);
}

@compute @workgroup_size(WG)
fn unpack_pairs(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
                @builtin(local_invocation_index) lid: u32) {
  let i = index(wid, nwg, lid);
  if (i >= P.pairs * P.nh) {
    return;
  }
  let p = i / P.nh;
  let k = i % P.nh;
  let row = 2u * p;
  let z = src[p * P.nx + k];
  let zc = src[p * P.nx + (P.nx - k) % P.nx];
  let c = vec2f(zc.x, -zc.y);
  dst[row * P.nh + k] = 0.5 * (z + c);
  if (row + 1u < P.rows) {
    let d = z - c;
    dst[(row + 1u) * P.nh + k] = 0.5 * vec2f(d.y, -d.x);
  }
}

@compute @workgroup_size(WG)
fn pack_hermitian(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
                  @builtin(local_invocation_index) lid: u32) {
  let i = index(wid, nwg, lid);
  if (i >= P.pairs * P.nx) {
    return;
  }
  let row = 2u * (i / P.nx);
  let k = i % P.nx;
  let mirrored = k >= P.nh;
  let j = select(k, P.nx - k, mirrored);
  let self_conj = j == 0u || 2u * j == P.nx;
  let sgn = select(1.0, -1.0, mirrored);
  let a = src[row * P.nh + j];
  var b = vec2f(0.0);
  if (row + 1u < P.rows) {
    b = src[(row + 1u) * P.nh + j];
  }
  let ai = select(sgn * a.y, 0.0, self_conj);
  let bi = select(sgn * b.y, 0.0, self_conj);
  dst[i] = vec2f(a.x - bi, ai + b.x);
}

@compute @workgroup_size(WG)
fn unpack_real(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
               @builtin(local_invocation_index) lid: u32) {
  let i = index(wid, nwg, lid);
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

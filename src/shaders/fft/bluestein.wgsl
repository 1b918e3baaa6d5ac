// Bluestein (chirp-z) steps for line lengths that are not 2·3·5·7-smooth. With w[k] = e^(-i pi k^2 / n):
//   X[k] = w[k] * sum_j (x[j] w[j]) conj(w[k - j]),
// a circular convolution of length M >= 2n - 1 done by a smooth FFT of length M:
//   chirp_in:  pad[l, k] = x_l[k] w[k] (k < n), 0 (n <= k < M)
//   FFT_M, pointwise: pad *= K (K = FFT_M of conj(w) wrapped, divided by M), inverse FFT_M (unscaled)
//   chirp_out: x_l[k] = scale * pad[l, k] w[k]
// The inverse transform conjugates on the way in and out. `pad` holds lines contiguously (l * M + k).
// Line geometry of the data as in fft-line.wgsl.

//!include grid complex

override WG: u32 = 64u;

struct Params {
  count: u32,   // lines
  inner: u32,
  n: u32,
  m: u32,       // padded length M
  conj: u32,
  scale: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> chirp: array<vec2f>;
@group(0) @binding(4) var<storage, read> kernel_spectrum: array<vec2f>;
@group(0) @binding(5) var<storage, read_write> pad: array<vec2f>;

fn element(line: u32, k: u32) -> u32 {
  return (line / P.inner) * P.n * P.inner + (line % P.inner) + k * P.inner;
}

@compute @workgroup_size(WG)
fn chirp_in(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.count * P.m) {
    return;
  }
  let line = i / P.m;
  let k = i % P.m;
  var v = vec2f(0.0);
  if (k < P.n) {
    v = cmul(conj_if(src[element(line, k)], P.conj), chirp[k]);
  }
  pad[i] = v;
}

@compute @workgroup_size(WG)
fn pointwise(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.count * P.m) {
    return;
  }
  pad[i] = cmul(pad[i], kernel_spectrum[i % P.m]);
}

@compute @workgroup_size(WG)
fn chirp_out(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG);
  if (i >= P.count * P.n) {
    return;
  }
  let line = i / P.n;
  let k = i % P.n;
  dst[element(line, k)] = P.scale * conj_if(cmul(pad[line * P.m + k], chirp[k]), P.conj);
}

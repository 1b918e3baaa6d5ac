// One radix-R Stockham stage over every line, global memory to global memory: the multi-pass FFT
// for lines too long for workgroup memory. One thread per butterfly. The host runs one dispatch
// per radix of the schedule, ping-ponging between two buffers; conjugation on the first pass's load and the last pass's store gives the inverse.
// Line geometry as in fft-line.wgsl (point k of line l at (l / inner) * N * inner + l % inner + k * inner).

//!include grid butterflies

override N: u32;
override R: u32;
override WG: u32 = 64u;

struct Params {
  count: u32,     // lines
  inner: u32,
  ns: u32,        // product of the radices of the earlier stages
  conj_in: u32,
  conj_out: u32,
  scale: f32,     // applied on store
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> src: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> dst: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;

fn element(line: u32, k: u32) -> u32 {
  return (line / P.inner) * N * P.inner + (line % P.inner) + k * P.inner;
}

@compute @workgroup_size(WG)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let q = N / R;
  let i = grid_index(grid, lid, WG);
  if (i >= P.count * q) {
    return;
  }
  // Neighbouring threads take neighbouring points (x lines) or neighbouring lines (strided axes).
  var line = i / q;
  var j = i % q;
  if (P.inner != 1u) {
    line = i % P.count;
    j = i / P.count;
  }
  let k = j % P.ns;
  let step = N / (P.ns * R);
  var v: array<vec2f, 8>;
  for (var r = 0u; r < R; r++) {
    let x = conj_if(src[element(line, j + r * q)], P.conj_in);
    v[r] = select(cmul(x, tw[r * step * k]), x, r == 0u);
  }
  butterfly(R, &v);
  let o = (j - k) * R + k;
  for (var r = 0u; r < R; r++) {
    dst[element(line, o + r * P.ns)] = P.scale * conj_if(v[r], P.conj_out);
  }
}

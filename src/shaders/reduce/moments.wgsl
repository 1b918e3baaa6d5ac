// Per-chunk moments of a float32 array: each workgroup reduces one chunk of CHUNK = 4096 values and
// writes (Σ(v−shift), Σ(v−shift)², min v, max v) as one vec4 partial; the host adds the partials
// in float64. The sums form a shallow tree: each of the 64 threads adds its 64 values as 16 pairwise
// quads, 4 quads per block, 4 blocks; then a 6-level pairwise tree in workgroup memory joins the
// threads. A value passes through at most 14 float32 additions before reaching the partial, so the
// rounding error of a partial is ~14 ulp at worst (√14 typical) whatever the chunk holds.
// Few threads per workgroup and few barriers per value keep CPU backends (SwiftShader) fast.
// The scheme is chunk-moments.wgsl's.

//!include grid chunk-moments

const WG_SIZE: u32 = 64u;
const CHUNK: u32 = 4096u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  shift: f32,
  _pad3: f32,
  _pad4: f32,
  _pad5: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partials: array<vec4<f32>>;

fn chunk_value(i: u32) -> f32 {
  return x[i];
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  if (group >= (params.n + CHUNK - 1u) / CHUNK) { return; }
  let first = group * CHUNK;
  let m = chunk_moments(first, params.n, params.shift, x[first], lid);
  if (lid == 0u) { partials[group] = m; }
}

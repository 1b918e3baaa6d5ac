// Per-chunk dot products Σ x·y: each workgroup reduces one chunk of CHUNK = 4096 products with the
// same shallow tree as chunk-moments.wgsl (per thread: 16 pairwise quads, 4 per block, 4 blocks;
// then a 6-level pairwise tree in workgroup memory) and writes one float32 partial; the host adds
// the partials in float64.

//!include grid workgroup-sum

const WG_SIZE: u32 = 64u;
const CHUNK: u32 = 4096u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> partials: array<f32>;

fn product(i: u32) -> f32 {
  if (i < params.n) { return x[i] * y[i]; }
  return 0.0;
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  if (group >= (params.n + CHUNK - 1u) / CHUNK) { return; }
  let first = group * CHUNK + lid;
  var s2 = 0.0;
  for (var b2 = 0u; b2 < 4u; b2++) {
    var s1 = 0.0;
    for (var b1 = 0u; b1 < 4u; b1++) {
      let at = first + (b2 * 16u + b1 * 4u) * WG_SIZE;
      s1 += (product(at) + product(at + WG_SIZE)) + (product(at + 2u * WG_SIZE) + product(at + 3u * WG_SIZE));
    }
    s2 += s1;
  }
  let total = workgroup_sum(s2, lid);
  if (lid == 0u) { partials[group] = total; }
}

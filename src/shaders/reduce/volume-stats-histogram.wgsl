// Volume statistics, pass 2: histogram of the finite values over [lo, hi] once pass 1 has found
// them. Bin of v: min(u32((v·k − lo·k) · scale), bins − 1) in f32, with k = 1 (or 0.5 when
// hi − lo overflows f32) and scale = bins / (hi·k − lo·k) rounded to f32 on the host; the
// TypeScript twin evaluates the same expression with the same roundings.
//
// `workgroup_bins` counts into workgroup memory, then adds the non-zero bins to the global
// histogram; `global_bins` (for more bins than workgroup memory holds) adds to it directly.

//!include grid float-bits

override WG_SIZE: u32 = 256u;
override BINS: u32 = 4096u;

struct Params {
  n: u32,          // elements in this chunk
  items: u32,      // elements per invocation
  num_groups: u32, // workgroups holding data; the 2-D grid may launch a few more
  bins: u32,
  k: f32,
  lo_k: f32,       // f32(lo · k)
  scale: f32,
  _pad: u32,
}

@group(0) @binding(0) var<storage, read> data: array<u32>;
@group(0) @binding(1) var<storage, read_write> histogram: array<atomic<u32>>;
@group(0) @binding(2) var<uniform> params: Params;

// Zero at the start of each workgroup, as WebGPU initialises workgroup memory.
var<workgroup> local_counts: array<atomic<u32>, BINS>;

fn bin_of(v: f32) -> u32 {
  return min(u32((v * params.k - params.lo_k) * params.scale), params.bins - 1u);
}

@compute @workgroup_size(WG_SIZE)
fn workgroup_bins(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  if (group >= params.num_groups) {
    return;
  }
  let base = group * WG_SIZE * params.items;
  for (var k = 0u; k < params.items; k++) {
    let i = base + k * WG_SIZE + lid;
    if (i >= params.n) {
      break;
    }
    let bits = data[i];
    if (is_finite_bits(bits)) {
      atomicAdd(&local_counts[bin_of(bitcast<f32>(bits))], 1u);
    }
  }
  workgroupBarrier();
  for (var b = lid; b < BINS; b += WG_SIZE) {
    let c = atomicLoad(&local_counts[b]);
    if (c != 0u) {
      atomicAdd(&histogram[b], c);
    }
  }
}

@compute @workgroup_size(WG_SIZE)
fn global_bins(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  if (group >= params.num_groups) {
    return;
  }
  let base = group * WG_SIZE * params.items;
  for (var k = 0u; k < params.items; k++) {
    let i = base + k * WG_SIZE + lid;
    if (i >= params.n) {
      break;
    }
    let bits = data[i];
    if (is_finite_bits(bits)) {
      atomicAdd(&histogram[bin_of(bitcast<f32>(bits))], 1u);
    }
  }
}

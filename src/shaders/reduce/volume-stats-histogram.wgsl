// Volume statistics, pass 2: histogram of the finite values over [lo, hi] once pass 1 has found
// them. Bin of v: min(u32((v·k − lo·k) · scale), bins − 1) in f32, with k = 1 (or 0.5 when
// hi − lo overflows f32) and scale = bins / (hi·k − lo·k) rounded to f32 on the host; the
// TypeScript twin evaluates the same expression with the same roundings.
//
// `workgroup_bins` counts into workgroup memory, then adds the non-zero bins to the global
// histogram; `global_bins` (for more bins than workgroup memory holds) adds to it directly.

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

const EXPONENT_BITS = 0x7f800000u;

fn bin_of(v: f32) -> u32 {
  return min(u32((v * params.k - params.lo_k) * params.scale), params.bins - 1u);
}

fn group_index(wid: vec3u, nwg: vec3u) -> u32 {
  return wid.x + wid.y * nwg.x;
}

@compute @workgroup_size(WG_SIZE)
fn workgroup_bins(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let group = group_index(wid, nwg);
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
    if ((bits & EXPONENT_BITS) != EXPONENT_BITS) {
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
fn global_bins(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let group = group_index(wid, nwg);
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
    if ((bits & EXPONENT_BITS) != EXPONENT_BITS) {
      atomicAdd(&histogram[bin_of(bitcast<f32>(bits))], 1u);
    }
  }
}

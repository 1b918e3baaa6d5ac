// Histogram with NBINS equal bins over [lo, hi] (the last bin includes hi), plus three counters:
// below lo, above hi, NaN. Each workgroup counts CHUNK = 4096 values into a workgroup-memory
// histogram, then adds its non-zero counts to the global one. The bin of v is
// min(floor(f32(f32(v − lo) · scale)), NBINS − 1) with scale = f32(NBINS / (hi − lo)): the same
// float32 arithmetic as the TypeScript twin, so both put every value in the same bin
// (histogram-slot.wgsl).

//!include grid histogram-slot

override NBINS: u32 = 256u;
// NBINS + 3: bins, then below, above, NaN.
override NSLOTS: u32 = 259u;
const WG_SIZE: u32 = 256u;
const PER_THREAD: u32 = 16u;
const CHUNK: u32 = 4096u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  lo: f32,
  hi: f32,
  scale: f32,
  _pad3: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;

var<workgroup> local_hist: array<atomic<u32>, NSLOTS>;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  let chunks = (params.n + CHUNK - 1u) / CHUNK;
  if (group >= chunks) { return; }
  for (var b = lid; b < NSLOTS; b += WG_SIZE) { atomicStore(&local_hist[b], 0u); }
  workgroupBarrier();
  let first = group * CHUNK;
  for (var k = 0u; k < PER_THREAD; k++) {
    let i = first + k * WG_SIZE + lid;
    if (i < params.n) { atomicAdd(&local_hist[histogram_slot(x[i], params.lo, params.hi, params.scale)], 1u); }
  }
  workgroupBarrier();
  for (var b = lid; b < NSLOTS; b += WG_SIZE) {
    let c = atomicLoad(&local_hist[b]);
    if (c > 0u) { atomicAdd(&hist[b], c); }
  }
}

// A histogram per tile (sub-box) of a (z, y, x) volume: one invocation per voxel adds 1 to the
// slot of its value in its tile's histogram. Tiles start at the origin, edge tiles are cut; each
// tile owns NSLOTS = NBINS + 3 counters (bins, below, above, NaN) in tile order.

//!include grid voxel histogram-slot

override NBINS: u32 = 256u;
override NSLOTS: u32 = 259u;
const WG_SIZE: u32 = 256u;

struct Params {
  shape: vec3u,
  n: u32,
  tile: vec3u,
  _pad0: u32,
  tiles: vec3u,
  _pad1: u32,
  lo: f32,
  hi: f32,
  scale: f32,
  _pad2: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> hist: array<atomic<u32>>;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.n) { return; }
  let t = voxel_of(i, params.shape) / params.tile;
  let tile = index_of(t, params.tiles);
  atomicAdd(&hist[tile * NSLOTS + histogram_slot(x[i], params.lo, params.hi, params.scale)], 1u);
}

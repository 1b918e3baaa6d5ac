// Moments per tile (sub-box) of a (z, y, x) volume. The volume is cut into tiles of (tz, ty, tx)
// voxels (edge tiles are smaller); each workgroup reduces one chunk of CHUNK = 4096 voxels of one
// tile (voxels taken in the tile's own z, y, x order) with the shallow tree of chunk-moments.wgsl, and
// writes (Σv, Σv², min v, max v) as one vec4 partial at tile * chunks_per_tile + chunk. Chunks past
// the end of a smaller edge tile write zeros; the host knows the voxel counts and skips them.
// One dispatch covers a slab of whole tile rows along z starting `base` floats into the binding.

//!include grid voxel chunk-moments

const WG_SIZE: u32 = 64u;
const CHUNK: u32 = 4096u;

struct Params {
  dims: vec4<u32>,   // nz (planes in this slab), ny, nx, base
  tile: vec4<u32>,   // tz, ty, tx, chunks per tile
  grid: vec4<u32>,   // tiles along z (in this slab), y, x, total tiles in this slab
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partials: array<vec4<f32>>;

struct TileBox {
  origin: vec3<u32>,
  extent: vec3<u32>,
}

fn tile_box(t: u32) -> TileBox {
  let origin = voxel_of(t, params.grid.xyz) * params.tile.xyz;
  let extent = min(params.tile.xyz, params.dims.xyz - origin);
  return TileBox(origin, extent);
}

// The tile this workgroup reduces.
var<private> box: TileBox;

// Voxel i of the tile, in its own (z, y, x) order.
fn chunk_value(i: u32) -> f32 {
  let p = box.origin + voxel_of(i, box.extent);
  return x[params.dims.w + index_of(p, params.dims.xyz)];
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  let cpt = params.tile.w;
  if (group >= params.grid.w * cpt) { return; }
  let b = tile_box(group / cpt);
  box = b;
  let count = b.extent.x * b.extent.y * b.extent.z;
  let first = (group % cpt) * CHUNK;
  if (first >= count) {
    if (lid == 0u) { partials[group] = vec4<f32>(0.0); }
    return;
  }
  let m = chunk_moments(first, count, 0.0, chunk_value(first), lid);
  if (lid == 0u) { partials[group] = m; }
}

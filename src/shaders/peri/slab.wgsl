// PERI's slab on a tile of the padded grid: p = n·(r − c), value 1 for p < −4, 0 for p > 4,
// 1/(1 + e^(7p)) between. One invocation per voxel of the tile. Vectors are (z, y, x) in .xyz.

//!include grid voxel

struct Params {
  tile_l: vec4<i32>,   // tile origin in the padded grid; w = number of voxels
  tile_n: vec4<u32>,   // tile shape
  pivot_i: vec4<i32>,  // floor of the pivot c
  pivot_f: vec4<f32>,  // c − floor(c), so r − c is exact to f32 rounding of a small number
  normal: vec4<f32>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

const WG_SIZE: u32 = 64u;
const SLAB_CUT: f32 = 4.0;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= u32(P.tile_l.w)) { return; }
  let g = P.tile_l.xyz + vec3<i32>(voxel_of(i, P.tile_n.xyz));
  let d = vec3<f32>(g - P.pivot_i.xyz) - P.pivot_f.xyz;
  let p = dot(P.normal.xyz, d);
  var v = 1.0 / (1.0 + exp(7.0 * clamp(p, -SLAB_CUT, SLAB_CUT)));
  if (p < -SLAB_CUT) { v = 1.0; }
  if (p > SLAB_CUT) { v = 0.0; }
  out[i] = v;
}

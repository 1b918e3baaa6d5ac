// A PERI ILM/background field on a tile of the padded grid from its separable form:
//   F(z, y, x) = offset + scale · Σ_k Z_k(z) · XY_k(y, x)
// (2P1D: XY ⊙ (1 + Z); Poly3D: one term per z order; Barnes: (1 + B)·(1 + poly)). The planes and
// profiles are computed on the host in float64 and uploaded as f32. One invocation per voxel.

//!include grid voxel

struct Params {
  tile_l: vec4<u32>,  // tile origin; w = number of voxels
  tile_n: vec4<u32>,  // tile shape; w = number of terms K
  grid_n: vec4<u32>,  // padded grid (nz, ny, nx)
  affine: vec4<f32>,  // x = scale, y = offset
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> xy: array<f32>;  // K planes of ny·nx
@group(0) @binding(2) var<storage, read> zp: array<f32>;  // K profiles of nz
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= P.tile_l.w) { return; }
  let g = P.tile_l.xyz + voxel_of(i, P.tile_n.xyz);
  let z = g.x;
  let plane = g.y * P.grid_n.z + g.z;
  let plane_size = P.grid_n.y * P.grid_n.z;
  var acc = 0.0;
  for (var k = 0u; k < P.tile_n.w; k++) {
    acc += zp[k * P.grid_n.x + z] * xy[k * plane_size + plane];
  }
  out[i] = P.affine.x * acc + P.affine.y;
}

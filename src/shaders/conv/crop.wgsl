// The image-shaped box at the origin of a padded array (the "same" part of a linear convolution).
// One thread per output voxel.

//!include grid voxel

const WG_SIZE: u32 = 256u;

struct Params {
  dst: vec4<u32>,  // nz, ny, nx, voxel count
  src: vec4<u32>,  // pz, py, px, unused
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> padded: array<f32>;
@group(0) @binding(2) var<storage, read_write> image: array<f32>;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.dst.w) { return; }
  image[i] = padded[index_of(voxel_of(i, params.dst.xyz), params.src.xyz)];
}

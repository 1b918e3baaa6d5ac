// PERI's local update written back (twin: state/model-patch.cpu.ts): on the `patch` tile of the
// padded grid, model = model + src (mode 1, a d-equation's difference) or model = src (mode 0, a
// full evaluation on a tile), where src holds the tile `src_l/src_n`; then, where the voxel lies in
// the image, the residual r = data − model is rewritten and Σ(r_new² − r_old²) is reduced per
// workgroup into `partials` (the host adds them in float64 to the error).

//!include grid voxel workgroup-sum

struct Params {
  grid_n: vec4<u32>,   // padded grid (nz, ny, nx); w = mode (1 add, 0 set)
  patch_l: vec4<u32>,  // patch tile origin; w = patch voxels
  patch_n: vec4<u32>,  // patch tile shape
  src_l: vec4<u32>,    // tile held by src
  src_n: vec4<u32>,
  img_l: vec4<u32>,    // image inside the padded grid
  img_n: vec4<u32>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> model: array<f32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read_write> residuals: array<f32>;
@group(0) @binding(5) var<storage, read_write> partials: array<f32>;

const WG_SIZE: u32 = 64u;

fn patch_voxel(i: u32) -> f32 {
  let g = P.patch_l.xyz + voxel_of(i, P.patch_n.xyz);
  let gi = index_of(g, P.grid_n.xyz);
  var m = src[index_of(g - P.src_l.xyz, P.src_n.xyz)];
  if (P.grid_n.w == 1u) { m = model[gi] + m; }
  model[gi] = m;
  let inside = all(g >= P.img_l.xyz) && all(g < P.img_l.xyz + P.img_n.xyz);
  if (!inside) { return 0.0; }
  let di = index_of(g - P.img_l.xyz, P.img_n.xyz);
  let r = data[di] - m;
  let old = residuals[di];
  residuals[di] = r;
  return r * r - old * old;
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  let i = group * WG_SIZE + lid;
  var delta = 0.0;
  if (i < P.patch_l.w) { delta = patch_voxel(i); }
  let total = workgroup_sum(delta, lid);
  if (lid == 0u) { partials[group] = total; }
}

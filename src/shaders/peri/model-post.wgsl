// The element-wise half of a PERI model stage after the PSF, in place over h
// (twin: models/expression.cpu.ts):
//   h[i] = d0·h[i] + d1·A[i]·h[i] + d2·A[i] + d3·B[i]
// e.g. the confocal H(…) + B (d = (1, 0, 0, 1), B = bkg) or the brightfield I·(1 + c·H(P)) + B.

//!include grid

struct Params {
  n: vec4<u32>,      // x = voxels, y = has A, z = has B
  d: vec4<f32>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> h: array<f32>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= P.n.x) { return; }
  let hv = h[i];
  var v = P.d.x * hv;
  if (P.n.y != 0u) { v += (P.d.y * hv + P.d.z) * a[i]; }
  if (P.n.z != 0u) { v += P.d.w * b[i]; }
  h[i] = v;
}

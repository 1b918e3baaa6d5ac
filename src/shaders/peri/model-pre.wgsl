// The element-wise half of a PERI model stage before the PSF (twin: models/expression.cpu.ts):
//   out[i] = c0 + c1·A[i] + c2·B[i] + c3·A[i]·B[i]
// e.g. the confocal I·(1 − P) + C·P (A = I, B = P, c = (0, 1, C, −1)) or its dP form (C − I)·dP.
// flags.x / flags.y say whether A / B are bound to real fields (else a 4-byte placeholder).

//!include grid

struct Params {
  n: vec4<u32>,      // x = voxels, y = has A, z = has B
  c: vec4<f32>,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= P.n.x) { return; }
  var av = 0.0;
  var bv = 0.0;
  if (P.n.y != 0u) { av = a[i]; }
  if (P.n.z != 0u) { bv = b[i]; }
  out[i] = P.c.x + P.c.y * av + P.c.z * bv + P.c.w * av * bv;
}

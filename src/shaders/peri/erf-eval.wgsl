// Evaluates peri_erf (erf.wgsl, prepended by the host) on an array: the accuracy probe of that erf.

//!include grid

struct Params {
  n: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read_write> ys: array<f32>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.n) { return; }
  ys[i] = peri_erf(xs[i]);
}

// Complex element-wise product in place on interleaved (re, im) float32 data:
// y ← x·y, or y ← conj(x)·y when CONJ is 1 (the adjoint of a convolution with OTF x).

//!include grid complex

override CONJ: u32 = 0u;
const WG_SIZE: u32 = 256u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read_write> y: array<vec2<f32>>;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.n) { return; }
  y[i] = cmul(conj_if(x[i], CONJ), y[i]);
}

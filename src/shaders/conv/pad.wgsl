// Padding for linear ("same") convolution: dst (padded shape) ← src (image shape) placed at the
// origin; the margin along each axis is split, its first ⌈(p−n)/2⌉ values continuing past the
// right edge and the rest wrapping to the left edge, filled with zeros (MODE 0) or the half-sample
// symmetric reflection of the image (MODE 1, edge value repeated). Same map as padSource in
// src/compute/conv/shape.ts. One thread per padded voxel.

//!include grid voxel

const WG_SIZE: u32 = 256u;

struct Params {
  src: vec4<u32>,  // nz, ny, nx, mode
  dst: vec4<u32>,  // pz, py, px, voxel count
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> image: array<f32>;
@group(0) @binding(2) var<storage, read_write> padded: array<f32>;

// Source index along one axis, or -1 for a zero.
fn source(j: u32, n: u32, p: u32) -> i32 {
  let right = (p - n + 1u) / 2u;
  var s = i32(j);
  if (j >= n + right) { s = i32(j) - i32(p); }
  if (s >= 0 && s < i32(n)) { return s; }
  if (params.src.w == 0u) { return -1; }
  let period = 2 * i32(n);
  var m = ((s % period) + period) % period;
  if (m >= i32(n)) { m = period - 1 - m; }
  return m;
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.dst.w) { return; }
  let p = voxel_of(i, params.dst.xyz);
  let sz = source(p.x, params.src.x, params.dst.x);
  let sy = source(p.y, params.src.y, params.dst.y);
  let sx = source(p.z, params.src.z, params.dst.z);
  var v = 0.0;
  if (sz >= 0 && sy >= 0 && sx >= 0) {
    v = image[index_of(vec3u(u32(sz), u32(sy), u32(sx)), params.src.xyz)];
  }
  padded[i] = v;
}

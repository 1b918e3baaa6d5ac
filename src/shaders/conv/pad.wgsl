// Padding for linear ("same") convolution: dst (padded shape) ← src (image shape) placed at the
// origin; the margin along each axis is split, its first ⌈(p−n)/2⌉ values continuing past the
// right edge and the rest wrapping to the left edge, filled with zeros (MODE 0) or the half-sample
// symmetric reflection of the image (MODE 1, edge value repeated). Same map as padSource in
// src/compute/conv/shape.ts. One thread per padded voxel.

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
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) lid: u32) {
  let i = (wid.x + wid.y * nwg.x) * WG_SIZE + lid;
  if (i >= params.dst.w) { return; }
  let px = params.dst.z;
  let py = params.dst.y;
  let x = i % px;
  let y = (i / px) % py;
  let z = i / (px * py);
  let sz = source(z, params.src.x, params.dst.x);
  let sy = source(y, params.src.y, py);
  let sx = source(x, params.src.z, px);
  var v = 0.0;
  if (sz >= 0 && sy >= 0 && sx >= 0) {
    v = image[(u32(sz) * params.src.y + u32(sy)) * params.src.z + u32(sx)];
  }
  padded[i] = v;
}

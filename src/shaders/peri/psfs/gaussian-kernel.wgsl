// PERI's truncated Gaussian PSF kernel zero-padded onto a tile and ifftshifted (offset 0 at index
// 0), times the normalisation 1/(Σ kernel + 1e-15). Offsets run −c..n−1−c (c = ⌊n/2⌋) of the even
// support n; tile index t holds offset t, or t − S, whichever lies in that range (else 0).
// Truncation: box |d_i| ≤ cut_i, or (cylinder) dy² + dx² ≤ cut_y² and |dz| ≤ cut_z.

//!include grid voxel

struct Params {
  shape: vec4<u32>,     // tile (z, y, x), w = voxel count
  centre: vec4<i32>,    // ⌊n/2⌋ per axis
  last: vec4<i32>,      // n − 1 − ⌊n/2⌋ per axis
  inv_var: vec4<f32>,   // 1/σ² per axis
  cut: vec4<f32>,       // cut-offs (z, y, x); w = 1 for the cylinder
  scale: vec4<f32>,     // x = normalisation
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

const WG_SIZE: u32 = 64u;

// Offset held by index t on an axis of length s, or 1e9 when none.
fn offset_of(t: u32, s: u32, c: i32, last: i32) -> i32 {
  let ti = i32(t);
  if (ti <= last) { return ti; }
  if (ti - i32(s) >= -c) { return ti - i32(s); }
  return 1000000000;
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= P.shape.w) { return; }
  let t = voxel_of(i, P.shape.xyz);
  let oz = offset_of(t.x, P.shape.x, P.centre.x, P.last.x);
  let oy = offset_of(t.y, P.shape.y, P.centre.y, P.last.y);
  let ox = offset_of(t.z, P.shape.z, P.centre.z, P.last.z);
  if (oz == 1000000000 || oy == 1000000000 || ox == 1000000000) {
    out[i] = 0.0;
    return;
  }
  let d = vec3<f32>(f32(oz), f32(oy), f32(ox));
  var inside = all(abs(d) <= P.cut.xyz);
  if (P.cut.w > 0.5) {
    inside = (d.y * d.y + d.z * d.z <= P.cut.y * P.cut.y) && (abs(d.x) <= P.cut.x);
  }
  if (!inside) {
    out[i] = 0.0;
    return;
  }
  out[i] = P.scale.x * exp(-0.5 * dot(d * d, P.inv_var.xyz));
}

// Adds sign · f(dr, a′, α) for one sphere over its draw box into a field holding a tile of the
// padded grid: one invocation per voxel of the box, which the host has already clipped to the
// destination tile. a′ is the effective radius from the host's exact-volume iteration.
// Needs peri_erf (erf.wgsl, prepended by the host). Vectors are (z, y, x) in .xyz.

//!include grid voxel

struct Params {
  box_l: vec4<i32>,   // box origin in the padded grid; w = number of voxels in the box
  box_n: vec4<u32>,   // box shape; w = method (see METHOD_* below)
  dst_l: vec4<i32>,   // origin of the tile the field buffer holds
  dst_n: vec4<u32>,   // its shape
  center: vec4<i32>,  // an integer voxel next to the sphere centre (PERI's round(pos))
  frac_a: vec4<f32>,  // xyz = centre − center (small, so f32 keeps it exact to ~1e-8); w = a′
  style: vec4<f32>,   // x = zscale, y = α, z = sign (+1 draw, −1 erase)
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> field: array<f32>;

const WG_SIZE: u32 = 64u;
const SQRT2: f32 = 1.4142135623730951;
const SQRT3: f32 = 1.7320508075688772;
const SQRT_HALF_OVER_PI: f32 = 0.3989422804014327;
const TRIM_CUT: f32 = 1.6;

const METHOD_TRIM: u32 = 0u;
const METHOD_EXACT: u32 = 1u;
const METHOD_LERP: u32 = 2u;
const METHOD_LOGISTIC: u32 = 3u;
const METHOD_TRIANGLE: u32 = 4u;
const METHOD_CUBIC: u32 = 5u;
const METHOD_BOOL: u32 = 6u;

// PERI's signed distance to the surface, rewritten for f32: with u the unscaled offset and
// n = |u ∘ (zscale, 1, 1)|, |(d − a·d/n)/s|·sign(n − a) = |u|·(n − a)/n. Integer offsets and a small
// fractional centre keep u exact; n − a is then the only rounding that matters (≈ 1 ulp of a).
fn surface_distance(k: vec3<i32>) -> f32 {
  let u = vec3<f32>(k) - P.frac_a.xyz - vec3<f32>(1e-8);
  let n = length(u * vec3<f32>(P.style.x, 1.0, 1.0));
  return length(u) * (n - P.frac_a.w) / n;
}

fn exact_gaussian(dr: f32, a: f32, alpha: f32) -> f32 {
  let s = alpha * SQRT2;
  let term1 = 0.5 * (peri_erf((dr + 2.0 * a) / s) + peri_erf(-dr / s));
  let g = exp(-0.5 * dr * dr / (alpha * alpha)) - exp(-0.5 * (dr + 2.0 * a) * (dr + 2.0 * a) / (alpha * alpha));
  return term1 - SQRT_HALF_OVER_PI * (alpha / max(dr + a, 1e-10)) * g;
}

fn exact_gaussian_trim(dr: f32, a: f32, alpha: f32) -> f32 {
  if (dr > TRIM_CUT) { return 0.0; }
  if (dr < -TRIM_CUT) { return 1.0; }
  let t = -dr / (alpha * SQRT2);
  return 0.5 * (1.0 + peri_erf(t)) - SQRT_HALF_OVER_PI * (alpha / max(dr + a, 1e-10)) * exp(-t * t);
}

fn triangle(dr: f32, alpha: f32) -> f32 {
  let a2 = 2.0 * alpha * alpha;
  let p0 = select(0.0, (dr + alpha) * (dr + alpha) / a2, dr < 0.0 && dr > -alpha);
  let p1 = select(0.0, 1.0, dr > 0.0) - select(0.0, (alpha - dr) * (alpha - dr) / a2, dr > 0.0 && dr < alpha);
  return 1.0 - clamp(p0 + p1, 0.0, 1.0);
}

fn constrained_cubic(dr: f32, a: f32, alpha: f32) -> f32 {
  let b = a * 0.5 / SQRT3 * (1.0 - 0.6 * SQRT3 * alpha) / (0.15 + a * a);
  let x = clamp(dr, -0.5 * SQRT3, 0.5 * SQRT3);
  let up = x + 0.5 * SQRT3;
  let dn = x - 0.5 * SQRT3;
  return alpha * dn * up * x + b * dn * up - dn / SQRT3;
}

fn sphere_value(dr: f32, a: f32, alpha: f32, method: u32) -> f32 {
  switch method {
    case METHOD_TRIM: { return exact_gaussian_trim(dr, a, alpha); }
    case METHOD_EXACT: { return exact_gaussian(dr, a, alpha); }
    case METHOD_LERP: { return 1.0 - clamp((dr + alpha) / (2.0 * alpha), 0.0, 1.0); }
    // exp is capped so that it cannot overflow; 1/(1 + e^80) is 0 at f32 precision anyway.
    case METHOD_LOGISTIC: { return 1.0 / (1.0 + exp(min(alpha * dr, 80.0))); }
    case METHOD_TRIANGLE: { return triangle(dr, alpha); }
    case METHOD_CUBIC: { return constrained_cubic(dr, a, alpha); }
    case METHOD_BOOL: { return select(0.0, 1.0, dr < 0.0); }
    default: { return 0.0; }
  }
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= u32(P.box_l.w)) { return; }
  let g = P.box_l.xyz + vec3<i32>(voxel_of(i, P.box_n.xyz));
  let dr = surface_distance(g - P.center.xyz);
  let v = sphere_value(dr, P.frac_a.w, P.style.y, P.box_n.w);
  let at = index_of(vec3<u32>(g - P.dst_l.xyz), P.dst_n.xyz);
  field[at] = field[at] + P.style.z * v;
}

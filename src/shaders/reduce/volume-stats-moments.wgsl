// Volume statistics, pass 1: per workgroup, the count, minimum, maximum, mean and M2 (sum of
// squared deviations from the mean) of the finite values, and the counts of NaN and ±Inf.
// The host combines the partials in float64.
//
// Values are read as raw f32 bits: NaN and Inf are recognised from their exponent bits (a
// compiler may assume `v != v` is false), and min/max compare order-preserving integer keys, so
// they are exact even for subnormals a GPU might flush to zero (float-bits.wgsl).

//!include grid float-bits

override WG_SIZE: u32 = 256u;

struct Params {
  n: u32,          // elements in this chunk
  items: u32,      // elements per invocation
  num_groups: u32, // workgroups holding data; the 2-D grid may launch a few more
  _pad: u32,
}

struct Partial {
  count: u32,
  nan_count: u32,
  inf_count: u32,
  _pad: u32,
  lo_key: u32,
  hi_key: u32,
  mean: f32,
  m2: f32,
}

@group(0) @binding(0) var<storage, read> data: array<u32>;
@group(0) @binding(1) var<storage, read_write> partials: array<Partial>;
@group(0) @binding(2) var<uniform> params: Params;

var<workgroup> w_count: array<u32, WG_SIZE>;
var<workgroup> w_mean: array<f32, WG_SIZE>;
var<workgroup> w_m2: array<f32, WG_SIZE>;
var<workgroup> w_lo: array<u32, WG_SIZE>;
var<workgroup> w_hi: array<u32, WG_SIZE>;
var<workgroup> w_nan: array<u32, WG_SIZE>;
var<workgroup> w_inf: array<u32, WG_SIZE>;

// Merges slot b into slot a (Chan et al.'s pairwise update of count, mean and M2).
fn merge(a: u32, b: u32) {
  w_lo[a] = min(w_lo[a], w_lo[b]);
  w_hi[a] = max(w_hi[a], w_hi[b]);
  w_nan[a] += w_nan[b];
  w_inf[a] += w_inf[b];
  let nb = w_count[b];
  if (nb == 0u) {
    return;
  }
  let na = w_count[a];
  let n = na + nb;
  let delta = w_mean[b] - w_mean[a];
  let fb = f32(nb) / f32(n);
  w_mean[a] = w_mean[a] + delta * fb;
  w_m2[a] = w_m2[a] + w_m2[b] + delta * delta * f32(na) * fb;
  w_count[a] = n;
}

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let group = grid_group(grid);
  if (group >= params.num_groups) {
    return;
  }
  var count = 0u;
  var mean = 0.0;
  var m2 = 0.0;
  var lo = 0xffffffffu;
  var hi = 0u;
  var nans = 0u;
  var infs = 0u;
  let base = group * WG_SIZE * params.items;
  for (var k = 0u; k < params.items; k++) {
    let i = base + k * WG_SIZE + lid;
    if (i >= params.n) {
      break;
    }
    let bits = data[i];
    if (!is_finite_bits(bits)) {
      if (is_nan_bits(bits)) {
        nans++;
      } else {
        infs++;
      }
      continue;
    }
    let v = bitcast<f32>(bits);
    count++;
    let d = v - mean;
    mean += d / f32(count);
    m2 += d * (v - mean);
    let key = order_key(bits);
    lo = min(lo, key);
    hi = max(hi, key);
  }
  w_count[lid] = count;
  w_mean[lid] = mean;
  w_m2[lid] = m2;
  w_lo[lid] = lo;
  w_hi[lid] = hi;
  w_nan[lid] = nans;
  w_inf[lid] = infs;
  for (var stride = WG_SIZE / 2u; stride > 0u; stride >>= 1u) {
    workgroupBarrier();
    if (lid < stride) {
      merge(lid, lid + stride);
    }
  }
  if (lid == 0u) {
    partials[group] = Partial(
      w_count[0], w_nan[0], w_inf[0], 0u, w_lo[0], w_hi[0], w_mean[0], w_m2[0],
    );
  }
}

// Per-chunk moments of a float32 array: each workgroup reduces one chunk of CHUNK = 4096 values and
// writes (Σ(v−shift), Σ(v−shift)², min v, max v) as one vec4 partial; the host adds the partials
// in float64. The sums form a shallow tree: each of the 64 threads adds its 64 values as 16 pairwise
// quads, 4 quads per block, 4 blocks; then a 6-level pairwise tree in workgroup memory joins the
// threads. A value passes through at most 14 float32 additions before reaching the partial, so the
// rounding error of a partial is ~14 ulp at worst (√14 typical) whatever the chunk holds.
// Few threads per workgroup and few barriers per value keep CPU backends (SwiftShader) fast.

const WG_SIZE: u32 = 64u;
const CHUNK: u32 = 4096u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  shift: f32,
  _pad3: f32,
  _pad4: f32,
  _pad5: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partials: array<vec4<f32>>;

var<workgroup> tree: array<vec4<f32>, WG_SIZE>;

fn load(i: u32, anchor: f32) -> f32 {
  if (i < params.n) { return x[i]; }
  return anchor;
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + wid.y * nwg.x;
  if (group >= (params.n + CHUNK - 1u) / CHUNK) { return; }
  // Past the end, values count 0 in the sums and repeat the chunk's first value for min/max.
  let anchor = x[group * CHUNK];
  let first = group * CHUNK + lid;
  var lo = anchor;
  var hi = anchor;
  var s2 = vec2<f32>(0.0);
  for (var b2 = 0u; b2 < 4u; b2++) {
    var s1 = vec2<f32>(0.0);
    for (var b1 = 0u; b1 < 4u; b1++) {
      let at = first + (b2 * 16u + b1 * 4u) * WG_SIZE;
      let idx = vec4<u32>(at, at + WG_SIZE, at + 2u * WG_SIZE, at + 3u * WG_SIZE);
      let v = vec4<f32>(load(idx.x, anchor), load(idx.y, anchor), load(idx.z, anchor), load(idx.w, anchor));
      let d = select(vec4<f32>(0.0), v - params.shift, idx < vec4<u32>(params.n));
      let q = d * d;
      lo = min(lo, min(min(v.x, v.y), min(v.z, v.w)));
      hi = max(hi, max(max(v.x, v.y), max(v.z, v.w)));
      s1 += vec2<f32>((d.x + d.y) + (d.z + d.w), (q.x + q.y) + (q.z + q.w));
    }
    s2 += s1;
  }
  tree[lid] = vec4<f32>(s2, lo, hi);
  workgroupBarrier();
  for (var stride = WG_SIZE / 2u; stride > 0u; stride = stride / 2u) {
    if (lid < stride) {
      let a = tree[lid];
      let b = tree[lid + stride];
      tree[lid] = vec4<f32>(a.xy + b.xy, min(a.z, b.z), max(a.w, b.w));
    }
    workgroupBarrier();
  }
  if (lid == 0u) { partials[group] = tree[0]; }
}

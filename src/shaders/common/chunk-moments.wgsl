// Moments of one chunk of CHUNK = 64·WG_SIZE values in a shallow tree: each invocation adds its 64
// values as 16 pairwise quads, 4 quads per block, 4 blocks; then a pairwise tree in workgroup memory
// joins the invocations. The including kernel defines the constants WG_SIZE (a power of two) and
// CHUNK, and `fn chunk_value(i: u32) -> f32`, the value at index i (< count) of its data.

var<workgroup> moments_tree: array<vec4<f32>, WG_SIZE>;

fn chunk_value_or(i: u32, count: u32, anchor: f32) -> f32 {
  if (i < count) { return chunk_value(i); }
  return anchor;
}

// (Σ(v − shift), Σ(v − shift)², min v, max v) over the indices first .. first + CHUNK − 1 below
// `count`. Past the end, values count 0 in the sums and repeat `anchor` (a value of the chunk) for
// min/max. Call from uniform control flow; every invocation gets the result.
fn chunk_moments(first: u32, count: u32, shift: f32, anchor: f32, lid: u32) -> vec4<f32> {
  var lo = anchor;
  var hi = anchor;
  var s2 = vec2<f32>(0.0);
  for (var b2 = 0u; b2 < 4u; b2++) {
    var s1 = vec2<f32>(0.0);
    for (var b1 = 0u; b1 < 4u; b1++) {
      let at = first + lid + (b2 * 16u + b1 * 4u) * WG_SIZE;
      let idx = vec4<u32>(at, at + WG_SIZE, at + 2u * WG_SIZE, at + 3u * WG_SIZE);
      let v = vec4<f32>(chunk_value_or(idx.x, count, anchor), chunk_value_or(idx.y, count, anchor),
                        chunk_value_or(idx.z, count, anchor), chunk_value_or(idx.w, count, anchor));
      let d = select(vec4<f32>(0.0), v - shift, idx < vec4<u32>(count));
      let q = d * d;
      lo = min(lo, min(min(v.x, v.y), min(v.z, v.w)));
      hi = max(hi, max(max(v.x, v.y), max(v.z, v.w)));
      s1 += vec2<f32>((d.x + d.y) + (d.z + d.w), (q.x + q.y) + (q.z + q.w));
    }
    s2 += s1;
  }
  moments_tree[lid] = vec4<f32>(s2, lo, hi);
  workgroupBarrier();
  for (var stride = WG_SIZE / 2u; stride > 0u; stride = stride / 2u) {
    if (lid < stride) {
      let a = moments_tree[lid];
      let b = moments_tree[lid + stride];
      moments_tree[lid] = vec4<f32>(a.xy + b.xy, min(a.z, b.z), max(a.w, b.w));
    }
    workgroupBarrier();
  }
  return moments_tree[0];
}

// Pairwise tree sum over the invocations of a workgroup. The including kernel defines the constant
// WG_SIZE (a power of two, its workgroup size). Call from uniform control flow: every invocation
// passes its value and gets the workgroup's sum back.

var<workgroup> wg_sum_tree: array<f32, WG_SIZE>;

fn workgroup_sum(value: f32, lid: u32) -> f32 {
  wg_sum_tree[lid] = value;
  workgroupBarrier();
  for (var stride = WG_SIZE / 2u; stride > 0u; stride = stride / 2u) {
    if (lid < stride) { wg_sum_tree[lid] = wg_sum_tree[lid] + wg_sum_tree[lid + stride]; }
    workgroupBarrier();
  }
  return wg_sum_tree[0];
}

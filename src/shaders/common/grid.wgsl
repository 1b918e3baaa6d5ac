// The 2-D dispatch grid of GpuContext.dispatch: past 65,535 workgroups a count is folded into
// x·y groups (a few of them spare), so kernels index linearly and skip what lies past their data.
// Entry points take `grid: Grid` and `@builtin(local_invocation_index) lid: u32`. The group is
// uniform (an early `return` on it may precede a barrier); an index with lid in it is not.

struct Grid {
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
}

fn linear_group(wid: vec3u, nwg: vec3u) -> u32 {
  return wid.x + wid.y * nwg.x;
}

fn grid_group(grid: Grid) -> u32 {
  return linear_group(grid.wid, grid.nwg);
}

// Invocation `lid` of a workgroup of `wg_size`; guard it against the element count.
fn grid_index(grid: Grid, lid: u32, wg_size: u32) -> u32 {
  return grid_group(grid) * wg_size + lid;
}

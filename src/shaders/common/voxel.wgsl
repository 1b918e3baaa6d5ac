// Row-major (z, y, x) indexing of a box of `shape` voxels; vectors hold (z, y, x) in .xyz.

// Position of the i-th voxel.
fn voxel_of(i: u32, shape: vec3u) -> vec3u {
  let nyx = shape.y * shape.z;
  let z = i / nyx;
  let y = (i - z * nyx) / shape.z;
  return vec3u(z, y, i - z * nyx - y * shape.z);
}

// Index of the voxel at `p`.
fn index_of(p: vec3u, shape: vec3u) -> u32 {
  return (p.x * shape.y + p.y) * shape.z + p.z;
}

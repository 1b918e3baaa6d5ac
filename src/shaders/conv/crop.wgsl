// The image-shaped box at the origin of a padded array (the "same" part of a linear convolution).
// One thread per output voxel.

const WG_SIZE: u32 = 256u;

struct Params {
  dst: vec4<u32>,  // nz, ny, nx, voxel count
  src: vec4<u32>,  // pz, py, px, unused
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> padded: array<f32>;
@group(0) @binding(2) var<storage, read_write> image: array<f32>;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) lid: u32) {
  let i = (wid.x + wid.y * nwg.x) * WG_SIZE + lid;
  if (i >= params.dst.w) { return; }
  let nx = params.dst.z;
  let ny = params.dst.y;
  let x = i % nx;
  let y = (i / nx) % ny;
  let z = i / (nx * ny);
  image[i] = padded[(z * params.src.y + y) * params.src.z + x];
}

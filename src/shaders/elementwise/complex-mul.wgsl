// Complex element-wise product in place on interleaved (re, im) float32 data:
// y ← x·y, or y ← conj(x)·y when CONJ is 1 (the adjoint of a convolution with OTF x).

override CONJ: u32 = 0u;
const WG_SIZE: u32 = 256u;

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<vec2<f32>>;
@group(0) @binding(2) var<storage, read_write> y: array<vec2<f32>>;

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + wid.y * nwg.x;
  let i = group * WG_SIZE + lid;
  if (i >= params.n) { return; }
  var a = x[i];
  if (CONJ == 1u) { a.y = -a.y; }
  let b = y[i];
  y[i] = vec2<f32>(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

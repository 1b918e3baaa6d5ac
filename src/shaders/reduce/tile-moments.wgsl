// Moments per tile (sub-box) of a (z, y, x) volume. The volume is cut into tiles of (tz, ty, tx)
// voxels (edge tiles are smaller); each workgroup reduces one chunk of CHUNK = 4096 voxels of one
// tile (voxels taken in the tile's own z, y, x order) with the shallow tree of moments.wgsl, and
// writes (Σv, Σv², min v, max v) as one vec4 partial at tile * chunks_per_tile + chunk. Chunks past
// the end of a smaller edge tile write zeros; the host knows the voxel counts and skips them.
// One dispatch covers a slab of whole tile rows along z starting `base` floats into the binding.

const WG_SIZE: u32 = 64u;
const CHUNK: u32 = 4096u;

struct Params {
  dims: vec4<u32>,   // nz (planes in this slab), ny, nx, base
  tile: vec4<u32>,   // tz, ty, tx, chunks per tile
  grid: vec4<u32>,   // tiles along z (in this slab), y, x, total tiles in this slab
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partials: array<vec4<f32>>;

var<workgroup> tree: array<vec4<f32>, WG_SIZE>;

struct TileBox {
  origin: vec3<u32>,
  extent: vec3<u32>,
}

fn tile_box(t: u32) -> TileBox {
  let gx = params.grid.z;
  let gy = params.grid.y;
  let tid = vec3<u32>(t / (gy * gx), (t / gx) % gy, t % gx);
  let origin = tid * params.tile.xyz;
  let extent = min(params.tile.xyz, params.dims.xyz - origin);
  return TileBox(origin, extent);
}

fn voxel(b: TileBox, li: u32) -> f32 {
  let plane = b.extent.y * b.extent.z;
  let lz = li / plane;
  let ly = (li % plane) / b.extent.z;
  let lx = li % b.extent.z;
  let p = b.origin + vec3<u32>(lz, ly, lx);
  return x[params.dims.w + (p.x * params.dims.y + p.y) * params.dims.z + p.z];
}

fn load(b: TileBox, li: u32, count: u32, anchor: f32) -> f32 {
  if (li < count) { return voxel(b, li); }
  return anchor;
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
        @builtin(local_invocation_index) lid: u32) {
  let group = wid.x + wid.y * nwg.x;
  let cpt = params.tile.w;
  if (group >= params.grid.w * cpt) { return; }
  let b = tile_box(group / cpt);
  let count = b.extent.x * b.extent.y * b.extent.z;
  let first = (group % cpt) * CHUNK;
  if (first >= count) {
    if (lid == 0u) { partials[group] = vec4<f32>(0.0); }
    return;
  }
  let anchor = voxel(b, first);
  var lo = anchor;
  var hi = anchor;
  var s2 = vec2<f32>(0.0);
  for (var b2 = 0u; b2 < 4u; b2++) {
    var s1 = vec2<f32>(0.0);
    for (var b1 = 0u; b1 < 4u; b1++) {
      let at = first + lid + (b2 * 16u + b1 * 4u) * WG_SIZE;
      let idx = vec4<u32>(at, at + WG_SIZE, at + 2u * WG_SIZE, at + 3u * WG_SIZE);
      let live = idx < vec4<u32>(count);
      let v = vec4<f32>(load(b, idx.x, count, anchor), load(b, idx.y, count, anchor),
                        load(b, idx.z, count, anchor), load(b, idx.w, count, anchor));
      let d = select(vec4<f32>(0.0), v, live);
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
      let c = tree[lid + stride];
      tree[lid] = vec4<f32>(a.xy + c.xy, min(a.z, c.z), max(a.w, c.w));
    }
    workgroupBarrier();
  }
  if (lid == 0u) { partials[group] = tree[0]; }
}

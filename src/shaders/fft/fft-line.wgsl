// Batched FFT of lines of N complex values held in workgroup memory: LINES lines per workgroup,
// T = WG / LINES threads per line, Stockham autosort stages ping-ponging between the two halves
// of `sm`. The radix of stage s is bits 4s..4s+3 of P.radices: a runtime stage loop keeps one copy
// of the butterflies per pipeline (short compiles; the branch is uniform).
//
// Line l of the dispatch has its point k at element
//   P.base + (l / P.inner) * N * P.inner + (l % P.inner) + k * P.inner
// so x lines (inner 1), y lines (inner nx) and z lines (inner nx*ny) share one kernel. Loads and
// stores walk consecutive addresses across threads: along the line when inner = 1, across the
// LINES neighbouring lines otherwise.
// Entry points: `main` (complex, in place in `data`), `main_copy` (complex, `src` -> `data`;
// WebGPU forbids aliasing writable bindings, hence two), `main_r2c` (pairs of real rows -> their
// half spectra in `data`), `main_c2r` (pairs of half spectra in `src` -> real rows).

//!include grid butterflies real-pairs

override N: u32;
override LINES: u32;
override WG: u32;
override T: u32 = WG / LINES;
override HALF: u32 = LINES * N;

struct Params {
  count: u32,   // lines in this dispatch (complex lines; for r2c/c2r: pairs of real rows)
  inner: u32,   // lines per outer block = distance between points of a line
  conj: u32,    // 1: inverse transform (conjugate on load and on store)
  scale: f32,   // multiplies the stored values
  base: u32,    // element offset of line 0
  rows: u32,    // r2c/c2r: number of real rows (odd counts leave the last pair half empty)
  nh: u32,      // r2c/c2r: N / 2 + 1
  stages: u32,  // number of radix stages
  radices: u32, // radix of stage s in bits 4s..4s+3
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> data: array<vec2f>;
@group(0) @binding(2) var<storage, read> src: array<vec2f>;
@group(0) @binding(3) var<storage, read> tw: array<vec2f>;
@group(0) @binding(4) var<storage, read> src_real: array<f32>;
@group(0) @binding(5) var<storage, read_write> dst_real: array<f32>;

var<workgroup> sm: array<vec2f, 2 * HALF>;

fn element(line: u32, k: u32) -> u32 {
  return P.base + (line / P.inner) * N * P.inner + (line % P.inner) + k * P.inner;
}

// i-th of the LINES * N values this workgroup moves: (line within the group, point k).
fn slot(i: u32) -> vec2u {
  if (P.inner == 1u) {
    return vec2u(i / N, i % N);
  }
  return vec2u(i % LINES, i / LINES);
}

// One radix-R Stockham stage over every line of the group: reads half `src_half`, writes half
// `dst_half`. ns = product of the radices of the earlier stages. The guarded, constant-index
// loads and stores keep `v` in registers (a loop over r < R would index it dynamically).
fn stage(lid: u32, R: u32, ns: u32, src_half: u32, dst_half: u32) {
  let line = lid / T;
  let b = line * N;
  let q = N / R;
  let step = N / (ns * R);
  for (var j = lid % T; j < q; j += T) {
    let k = j % ns;
    let i = src_half + b + j;
    let t = step * k;
    var v: array<vec2f, 8>;
    v[0] = sm[i];
    v[1] = cmul(sm[i + q], tw[t]);
    if (R > 2u) { v[2] = cmul(sm[i + 2u * q], tw[2u * t]); }
    if (R > 3u) { v[3] = cmul(sm[i + 3u * q], tw[3u * t]); }
    if (R > 4u) { v[4] = cmul(sm[i + 4u * q], tw[4u * t]); }
    if (R > 5u) { v[5] = cmul(sm[i + 5u * q], tw[5u * t]); }
    if (R > 6u) { v[6] = cmul(sm[i + 6u * q], tw[6u * t]); }
    if (R > 7u) { v[7] = cmul(sm[i + 7u * q], tw[7u * t]); }
    butterfly(R, &v);
    let o = dst_half + b + (j - k) * R + k;
    sm[o] = v[0];
    sm[o + ns] = v[1];
    if (R > 2u) { sm[o + 2u * ns] = v[2]; }
    if (R > 3u) { sm[o + 3u * ns] = v[3]; }
    if (R > 4u) { sm[o + 4u * ns] = v[4]; }
    if (R > 5u) { sm[o + 5u * ns] = v[5]; }
    if (R > 6u) { sm[o + 6u * ns] = v[6]; }
    if (R > 7u) { sm[o + 7u * ns] = v[7]; }
  }
}

// All stages; returns the offset of the half of `sm` holding the result.
fn stages(lid: u32) -> u32 {
  var ns = 1u;
  var from_half = 0u;
  for (var s = 0u; s < P.stages; s++) {
    let r = (P.radices >> (4u * s)) & 15u;
    stage(lid, r, ns, from_half, HALF - from_half);
    workgroupBarrier();
    ns *= r;
    from_half = HALF - from_half;
  }
  return from_half;
}

fn store_lines(g0: u32, lid: u32, res: u32) {
  for (var i = lid; i < HALF; i += WG) {
    let s = slot(i);
    if (g0 + s.x < P.count) {
      data[element(g0 + s.x, s.y)] = P.scale * conj_if(sm[res + s.x * N + s.y], P.conj);
    }
  }
}

@compute @workgroup_size(WG)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let g0 = grid_group(grid) * LINES;
  if (g0 >= P.count) {
    return;
  }
  for (var i = lid; i < HALF; i += WG) {
    let s = slot(i);
    if (g0 + s.x < P.count) {
      sm[s.x * N + s.y] = conj_if(data[element(g0 + s.x, s.y)], P.conj);
    }
  }
  workgroupBarrier();
  store_lines(g0, lid, stages(lid));
}

@compute @workgroup_size(WG)
fn main_copy(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let g0 = grid_group(grid) * LINES;
  if (g0 >= P.count) {
    return;
  }
  for (var i = lid; i < HALF; i += WG) {
    let s = slot(i);
    if (g0 + s.x < P.count) {
      sm[s.x * N + s.y] = conj_if(src[element(g0 + s.x, s.y)], P.conj);
    }
  }
  workgroupBarrier();
  store_lines(g0, lid, stages(lid));
}

// Real rows 2p and 2p+1 (length N, contiguous) packed as one complex line a + i b; the stored
// half spectra are A[k] = (Z[k] + conj Z[N-k]) / 2 and B[k] = (Z[k] - conj Z[N-k]) / 2i.
@compute @workgroup_size(WG)
fn main_r2c(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let g0 = grid_group(grid) * LINES;
  if (g0 >= P.count) {
    return;
  }
  for (var i = lid; i < HALF; i += WG) {
    let line = i / N;
    let k = i % N;
    let row = 2u * (g0 + line);
    if (g0 + line < P.count) {
      let a = src_real[row * N + k];
      let b = select(0.0, src_real[(row + 1u) * N + k], row + 1u < P.rows);
      sm[i] = vec2f(a, b);
    }
  }
  workgroupBarrier();
  let res = stages(lid);
  for (var i = lid; i < LINES * P.nh; i += WG) {
    let line = i / P.nh;
    let k = i % P.nh;
    let row = 2u * (g0 + line);
    if (g0 + line < P.count) {
      let spectra = split_pair(sm[res + line * N + k], sm[res + line * N + (N - k) % N]);
      data[P.base + row * P.nh + k] = spectra.a;
      if (row + 1u < P.rows) {
        data[P.base + (row + 1u) * P.nh + k] = spectra.b;
      }
    }
  }
}

// Half spectra of rows 2p and 2p+1 -> Z = A + i B over the full length (Hermitian extension;
// imaginary parts of bins 0 and N/2 ignored), inverse transform, rows = (Re z, Im z) * scale.
@compute @workgroup_size(WG)
fn main_c2r(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let g0 = grid_group(grid) * LINES;
  if (g0 >= P.count) {
    return;
  }
  for (var i = lid; i < HALF; i += WG) {
    let line = i / N;
    let k = i % N;
    let row = 2u * (g0 + line);
    if (g0 + line < P.count) {
      let j = half_bin(k, N, P.nh);
      let a = src[P.base + row * P.nh + j];
      var b = vec2f(0.0);
      if (row + 1u < P.rows) {
        b = src[P.base + (row + 1u) * P.nh + j];
      }
      // conj(A + iB), because the inverse runs as conj(forward(conj(.)))
      let z = join_pair(a, b, k, N, P.nh);
      sm[i] = vec2f(z.x, -z.y);
    }
  }
  workgroupBarrier();
  let res = stages(lid);
  for (var i = lid; i < HALF; i += WG) {
    let line = i / N;
    let k = i % N;
    let row = 2u * (g0 + line);
    if (g0 + line < P.count) {
      let z = sm[res + i];
      dst_real[row * N + k] = P.scale * z.x;
      if (row + 1u < P.rows) {
        dst_real[(row + 1u) * N + k] = -P.scale * z.y;
      }
    }
  }
}

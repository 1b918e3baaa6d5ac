// Last step of PERI's Chebyshev PSF: out[i] = Σ_k w[z(i), k] · conv[k, i], with w[z, k] = T_k(ẑ(z))
// and conv[k] = field ⊛ c_k (all k stacked in one buffer). z(i) = i / plane. One invocation per value;
// works for real fields and for interleaved complex planes alike (the weights are real).

//!include grid

struct Params {
  n: u32,       // values per field
  plane: u32,   // values per z plane
  degree: u32,  // number of kernels
  pad: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> conv: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

const WG_SIZE: u32 = 64u;

@compute @workgroup_size(WG_SIZE)
fn main(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= P.n) { return; }
  let row = (i / P.plane) * P.degree;
  var acc = 0.0;
  for (var k = 0u; k < P.degree; k = k + 1u) {
    acc = acc + weights[row + k] * conv[k * P.n + i];
  }
  out[i] = acc;
}

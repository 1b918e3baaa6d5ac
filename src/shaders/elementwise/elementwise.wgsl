// Element-wise real operations on float32 arrays, in place on `y`. One source for all operations:
// the host picks the operation with the override constant OP (one cached pipeline per operation).
// Binary operations read x and y; unary operations read only y (entry point `unary`, which binds no x).

//!include grid

override OP: u32 = 0u;
const WG_SIZE: u32 = 256u;

// Binary operations.
const OP_AXPY: u32 = 0u;     // y ← a·x + y
const OP_MUL: u32 = 1u;      // y ← x·y
const OP_ADD: u32 = 2u;      // y ← x + y
const OP_SAFE_DIV: u32 = 3u; // y ← x / y, 0 where |y| < a
// Unary operations.
const OP_SCALE: u32 = 10u;   // y ← a·y
const OP_CLAMP: u32 = 11u;   // y ← min(max(y, a), b)
const OP_POW: u32 = 12u;     // y ← y^a for y > 0, 0 for y ≤ 0

struct Params {
  n: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
  a: f32,
  b: f32,
  _pad3: f32,
  _pad4: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

fn binary_op(xv: f32, yv: f32) -> f32 {
  switch OP {
    case OP_AXPY: { return params.a * xv + yv; }
    case OP_MUL: { return xv * yv; }
    case OP_ADD: { return xv + yv; }
    case OP_SAFE_DIV: { return select(xv / yv, 0.0, abs(yv) < params.a); }
    default: { return yv; }
  }
}

fn unary_op(yv: f32) -> f32 {
  switch OP {
    case OP_SCALE: { return params.a * yv; }
    case OP_CLAMP: { return min(max(yv, params.a), params.b); }
    case OP_POW: { return select(0.0, pow(max(yv, 1e-38), params.a), yv > 0.0); }
    default: { return yv; }
  }
}

@compute @workgroup_size(WG_SIZE)
fn binary(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.n) { return; }
  y[i] = binary_op(x[i], y[i]);
}

@compute @workgroup_size(WG_SIZE)
fn unary(grid: Grid, @builtin(local_invocation_index) lid: u32) {
  let i = grid_index(grid, lid, WG_SIZE);
  if (i >= params.n) { return; }
  y[i] = unary_op(y[i]);
}

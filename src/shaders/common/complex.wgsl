// Complex arithmetic on vec2f (re, im).

fn cmul(a: vec2f, b: vec2f) -> vec2f {
  return vec2f(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

// a · (−i)
fn mul_neg_i(a: vec2f) -> vec2f {
  return vec2f(a.y, -a.x);
}

// conj(v) when c ≠ 0, else v.
fn conj_if(v: vec2f, c: u32) -> vec2f {
  return select(v, vec2f(v.x, -v.y), c != 0u);
}

// f32 error function, shared by the PERI sphere kernels (prepended to their source by the host).
// |x| < 1: Taylor series erf(x) = 2/√π · Σ_n (−1)^n x^(2n+1) / (n!(2n+1)), 12 terms (truncation
//          < 2e-9), Horner in x²; the terms shrink fast, so f32 rounding stays ≈ 1e-7.
// |x| ≥ 1: Abramowitz & Stegun 7.1.26, erf = 1 − (a1 t + … + a5 t⁵)·e^(−x²), t = 1/(1 + p|x|),
//          approximation error ≤ 1.5e-7; here erfc ≤ 0.16, so the f32 rounding of the product is small.
// Max |error| against a float64 erf: 1.8e-7 in an f32 emulation, 1.74e-7 measured on SwiftShader;
// erf-eval.kernel.test.ts asserts ≤ 3e-7 over [−6, 6] on the device.
fn peri_erf(x: f32) -> f32 {
  let ax = abs(x);
  if (ax < 1.0) {
    let x2 = x * x;
    var s = -1.229055530e-9;
    s = s * x2 + 1.480719282e-8;
    s = s * x2 - 1.636584469e-7;
    s = s * x2 + 1.646211437e-6;
    s = s * x2 - 1.492565036e-5;
    s = s * x2 + 1.205533298e-4;
    s = s * x2 - 8.548327023e-4;
    s = s * x2 + 5.223977625e-3;
    s = s * x2 - 2.686617065e-2;
    s = s * x2 + 0.1128379167;
    s = s * x2 - 0.3761263890;
    s = s * x2 + 1.128379167;
    return s * x;
  }
  let t = 1.0 / (1.0 + 0.3275911 * ax);
  let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  let y = 1.0 - poly * exp(-ax * ax);
  return select(y, -y, x < 0.0);
}

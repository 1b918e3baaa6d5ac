// Forward DFT butterflies of radix 2, 3, 4, 5, 7 and 8, shared by the FFT kernels (fft-line.wgsl,
// fft-stage.wgsl). Complex = vec2f (re, im).
// Forward: y[q] = sum_r v[r] * exp(-2 pi i r q / R). Inverses are done by conjugating in and out.

//!include complex

const SQRT1_2: f32 = 0.70710678118654752;
const C3_1: f32 = -0.5;
const S3_1: f32 = 0.86602540378443865;
const C5_1: f32 = 0.30901699437494742;
const C5_2: f32 = -0.80901699437494742;
const S5_1: f32 = 0.95105651629515357;
const S5_2: f32 = 0.58778525229247313;
const C7_1: f32 = 0.62348980185873353;
const C7_2: f32 = -0.22252093395631440;
const C7_3: f32 = -0.90096886790241913;
const S7_1: f32 = 0.78183148246802981;
const S7_2: f32 = 0.97492791218182361;
const S7_3: f32 = 0.43388373911755812;

fn bf2(v: ptr<function, array<vec2f, 8>>) {
  let a = (*v)[0];
  let b = (*v)[1];
  (*v)[0] = a + b;
  (*v)[1] = a - b;
}

fn bf3(v: ptr<function, array<vec2f, 8>>) {
  let a0 = (*v)[0];
  let s = (*v)[1] + (*v)[2];
  let d = mul_neg_i(S3_1 * ((*v)[1] - (*v)[2]));
  let re = a0 + C3_1 * s;
  (*v)[0] = a0 + s;
  (*v)[1] = re + d;
  (*v)[2] = re - d;
}

fn bf4(v: ptr<function, array<vec2f, 8>>) {
  let t0 = (*v)[0] + (*v)[2];
  let t1 = (*v)[0] - (*v)[2];
  let t2 = (*v)[1] + (*v)[3];
  let t3 = mul_neg_i((*v)[1] - (*v)[3]);
  (*v)[0] = t0 + t2;
  (*v)[1] = t1 + t3;
  (*v)[2] = t0 - t2;
  (*v)[3] = t1 - t3;
}

fn bf5(v: ptr<function, array<vec2f, 8>>) {
  let a0 = (*v)[0];
  let s1 = (*v)[1] + (*v)[4];
  let d1 = (*v)[1] - (*v)[4];
  let s2 = (*v)[2] + (*v)[3];
  let d2 = (*v)[2] - (*v)[3];
  let re1 = a0 + C5_1 * s1 + C5_2 * s2;
  let re2 = a0 + C5_2 * s1 + C5_1 * s2;
  let im1 = mul_neg_i(S5_1 * d1 + S5_2 * d2);
  let im2 = mul_neg_i(S5_2 * d1 - S5_1 * d2);
  (*v)[0] = a0 + s1 + s2;
  (*v)[1] = re1 + im1;
  (*v)[4] = re1 - im1;
  (*v)[2] = re2 + im2;
  (*v)[3] = re2 - im2;
}

fn bf7(v: ptr<function, array<vec2f, 8>>) {
  let a0 = (*v)[0];
  let s1 = (*v)[1] + (*v)[6];
  let d1 = (*v)[1] - (*v)[6];
  let s2 = (*v)[2] + (*v)[5];
  let d2 = (*v)[2] - (*v)[5];
  let s3 = (*v)[3] + (*v)[4];
  let d3 = (*v)[3] - (*v)[4];
  let re1 = a0 + C7_1 * s1 + C7_2 * s2 + C7_3 * s3;
  let re2 = a0 + C7_2 * s1 + C7_3 * s2 + C7_1 * s3;
  let re3 = a0 + C7_3 * s1 + C7_1 * s2 + C7_2 * s3;
  let im1 = mul_neg_i(S7_1 * d1 + S7_2 * d2 + S7_3 * d3);
  let im2 = mul_neg_i(S7_2 * d1 - S7_3 * d2 - S7_1 * d3);
  let im3 = mul_neg_i(S7_3 * d1 - S7_1 * d2 + S7_2 * d3);
  (*v)[0] = a0 + s1 + s2 + s3;
  (*v)[1] = re1 + im1;
  (*v)[6] = re1 - im1;
  (*v)[2] = re2 + im2;
  (*v)[5] = re2 - im2;
  (*v)[3] = re3 + im3;
  (*v)[4] = re3 - im3;
}

fn bf8(v: ptr<function, array<vec2f, 8>>) {
  // Two radix-4 DFTs of the even and odd entries, combined with W8^q.
  let e0 = (*v)[0] + (*v)[4];
  let e1 = (*v)[0] - (*v)[4];
  let e2 = (*v)[2] + (*v)[6];
  let e3 = mul_neg_i((*v)[2] - (*v)[6]);
  let o0 = (*v)[1] + (*v)[5];
  let o1 = (*v)[1] - (*v)[5];
  let o2 = (*v)[3] + (*v)[7];
  let o3 = mul_neg_i((*v)[3] - (*v)[7]);
  let E0 = e0 + e2;
  let E1 = e1 + e3;
  let E2 = e0 - e2;
  let E3 = e1 - e3;
  let O0 = o0 + o2;
  let O1 = o1 + o3;
  let O2 = o0 - o2;
  let O3 = o1 - o3;
  let w1 = SQRT1_2 * vec2f(O1.x + O1.y, O1.y - O1.x);
  let w2 = mul_neg_i(O2);
  let w3 = SQRT1_2 * vec2f(O3.y - O3.x, -O3.x - O3.y);
  (*v)[0] = E0 + O0;
  (*v)[4] = E0 - O0;
  (*v)[1] = E1 + w1;
  (*v)[5] = E1 - w1;
  (*v)[2] = E2 + w2;
  (*v)[6] = E2 - w2;
  (*v)[3] = E3 + w3;
  (*v)[7] = E3 - w3;
}

fn butterfly(R: u32, v: ptr<function, array<vec2f, 8>>) {
  switch R {
    case 2u: { bf2(v); }
    case 3u: { bf3(v); }
    case 4u: { bf4(v); }
    case 5u: { bf5(v); }
    case 7u: { bf7(v); }
    case 8u: { bf8(v); }
    default: {}
  }
}

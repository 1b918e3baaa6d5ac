/**
 * One forward Stockham stage of radix 2, 3, 4, 5 or 7 over a block of columns (see
 * mixed-radix.cpu.ts), from any strided layout to any other. For butterfly j < n/radix with k = j mod span, inputs j + r·n/radix (r < radix)
 * are multiplied by W^(r·k) (the stage's twiddles), transformed, and written to
 * (j − k)·radix + k + r·span. One function per radix keeps each loop monomorphic for V8.
 */
type F64 = Float64Array;

/**
 * One side (input or output) of a stage: element e of column b has its real part at
 * a[re + e·elem + b·col] and its imaginary part at a[im + e·elem + b·col] (float indices). Swapping
 * re and im on the first read and the last write turns the forward DFT into the unnormalised inverse.
 */
export interface Side {
  a: Float32Array;
  re: number;
  im: number;
  elem: number;
  col: number;
}

const S3 = Math.sin((2 * Math.PI) / 3);
const C51 = Math.cos((2 * Math.PI) / 5);
const C52 = Math.cos((4 * Math.PI) / 5);
const S51 = Math.sin((2 * Math.PI) / 5);
const S52 = Math.sin((4 * Math.PI) / 5);
const C71 = Math.cos((2 * Math.PI) / 7);
const C72 = Math.cos((4 * Math.PI) / 7);
const C73 = Math.cos((6 * Math.PI) / 7);
const S71 = Math.sin((2 * Math.PI) / 7);
const S72 = Math.sin((4 * Math.PI) / 7);
const S73 = Math.sin((6 * Math.PI) / 7);

export function radixStage(radix: number, x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  switch (radix) {
    case 2: return stage2(x, y, n, span, cols, tw);
    case 3: return stage3(x, y, n, span, cols, tw);
    case 4: return stage4(x, y, n, span, cols, tw);
    case 5: return stage5(x, y, n, span, cols, tw);
    case 7: return span === 1 ? stage7First(x, y, n, cols) : stage7(x, y, n, span, cols, tw);
    default: throw new Error(`mixed-radix FFT: no radix-${radix} stage`);
  }
}

function stage2(x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 2;
  const si = m * xe;
  const so = span * ye;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const w1r = tw[2 * k], w1i = tw[2 * k + 1];
    let i = j * xe;
    let o = ((j - k) * 2 + k) * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      const ar = xa[xr + i + si], ai = xa[xi + i + si];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      const x0r = xa[xr + i], x0i = xa[xi + i];
      ya[yr + o] = x0r + x1r; ya[yi + o] = x0i + x1i;
      ya[yr + o + so] = x0r - x1r; ya[yi + o + so] = x0i - x1i;
    }
  }
}

function stage3(x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 3;
  const si = m * xe;
  const so = span * ye;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 4 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
    let i = j * xe;
    let o = ((j - k) * 3 + k) * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[xr + i + si], ai = xa[xi + i + si];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[xr + i + 2 * si]; ai = xa[xi + i + 2 * si];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      const x0r = xa[xr + i], x0i = xa[xi + i];
      const sr = x1r + x2r, sI = x1i + x2i;
      const tr = x0r - 0.5 * sr, ti = x0i - 0.5 * sI;
      const dr = S3 * (x1r - x2r), di = S3 * (x1i - x2i);
      ya[yr + o] = x0r + sr; ya[yi + o] = x0i + sI;
      ya[yr + o + so] = tr + di; ya[yi + o + so] = ti - dr;
      ya[yr + o + 2 * so] = tr - di; ya[yi + o + 2 * so] = ti + dr;
    }
  }
}

function stage4(x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 4;
  const si = m * xe;
  const so = span * ye;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 6 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3], w3r = tw[t + 4], w3i = tw[t + 5];
    let i = j * xe;
    let o = ((j - k) * 4 + k) * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[xr + i + si], ai = xa[xi + i + si];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[xr + i + 2 * si]; ai = xa[xi + i + 2 * si];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      ar = xa[xr + i + 3 * si]; ai = xa[xi + i + 3 * si];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      const x0r = xa[xr + i], x0i = xa[xi + i];
      const t0r = x0r + x2r, t0i = x0i + x2i, t1r = x0r - x2r, t1i = x0i - x2i;
      const t2r = x1r + x3r, t2i = x1i + x3i, t3r = x1r - x3r, t3i = x1i - x3i;
      ya[yr + o] = t0r + t2r; ya[yi + o] = t0i + t2i;
      ya[yr + o + so] = t1r + t3i; ya[yi + o + so] = t1i - t3r;
      ya[yr + o + 2 * so] = t0r - t2r; ya[yi + o + 2 * so] = t0i - t2i;
      ya[yr + o + 3 * so] = t1r - t3i; ya[yi + o + 3 * so] = t1i + t3r;
    }
  }
}

function stage5(x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 5;
  const si = m * xe;
  const so = span * ye;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 8 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
    const w3r = tw[t + 4], w3i = tw[t + 5], w4r = tw[t + 6], w4i = tw[t + 7];
    let i = j * xe;
    let o = ((j - k) * 5 + k) * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[xr + i + si], ai = xa[xi + i + si];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[xr + i + 2 * si]; ai = xa[xi + i + 2 * si];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      ar = xa[xr + i + 3 * si]; ai = xa[xi + i + 3 * si];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      ar = xa[xr + i + 4 * si]; ai = xa[xi + i + 4 * si];
      const x4r = ar * w4r - ai * w4i, x4i = ar * w4i + ai * w4r;
      const x0r = xa[xr + i], x0i = xa[xi + i];
      const a1r = x1r + x4r, a1i = x1i + x4i, b1r = x1r - x4r, b1i = x1i - x4i;
      const a2r = x2r + x3r, a2i = x2i + x3i, b2r = x2r - x3r, b2i = x2i - x3i;
      const t1r = x0r + C51 * a1r + C52 * a2r, t1i = x0i + C51 * a1i + C52 * a2i;
      const t2r = x0r + C52 * a1r + C51 * a2r, t2i = x0i + C52 * a1i + C51 * a2i;
      const s1r = S51 * b1r + S52 * b2r, s1i = S51 * b1i + S52 * b2i;
      const s2r = S52 * b1r - S51 * b2r, s2i = S52 * b1i - S51 * b2i;
      ya[yr + o] = x0r + a1r + a2r; ya[yi + o] = x0i + a1i + a2i;
      ya[yr + o + so] = t1r + s1i; ya[yi + o + so] = t1i - s1r;
      ya[yr + o + 4 * so] = t1r - s1i; ya[yi + o + 4 * so] = t1i + s1r;
      ya[yr + o + 2 * so] = t2r + s2i; ya[yi + o + 2 * so] = t2i - s2r;
      ya[yr + o + 3 * so] = t2r - s2i; ya[yi + o + 3 * so] = t2i + s2r;
    }
  }
}

function stage7(x: Side, y: Side, n: number, span: number, cols: number, tw: F64): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 7;
  const si = m * xe;
  const so = span * ye;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 12 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3], w3r = tw[t + 4], w3i = tw[t + 5];
    const w4r = tw[t + 6], w4i = tw[t + 7], w5r = tw[t + 8], w5i = tw[t + 9], w6r = tw[t + 10], w6i = tw[t + 11];
    let i = j * xe;
    let o = ((j - k) * 7 + k) * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[xr + i + si], ai = xa[xi + i + si];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[xr + i + 2 * si]; ai = xa[xi + i + 2 * si];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      ar = xa[xr + i + 3 * si]; ai = xa[xi + i + 3 * si];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      ar = xa[xr + i + 4 * si]; ai = xa[xi + i + 4 * si];
      const x4r = ar * w4r - ai * w4i, x4i = ar * w4i + ai * w4r;
      ar = xa[xr + i + 5 * si]; ai = xa[xi + i + 5 * si];
      const x5r = ar * w5r - ai * w5i, x5i = ar * w5i + ai * w5r;
      ar = xa[xr + i + 6 * si]; ai = xa[xi + i + 6 * si];
      const x6r = ar * w6r - ai * w6i, x6i = ar * w6i + ai * w6r;
      const x0r = xa[xr + i], x0i = xa[xi + i];
      const a1r = x1r + x6r, a1i = x1i + x6i, b1r = x1r - x6r, b1i = x1i - x6i;
      const a2r = x2r + x5r, a2i = x2i + x5i, b2r = x2r - x5r, b2i = x2i - x5i;
      const a3r = x3r + x4r, a3i = x3i + x4i, b3r = x3r - x4r, b3i = x3i - x4i;
      const t1r = x0r + C71 * a1r + C72 * a2r + C73 * a3r, t1i = x0i + C71 * a1i + C72 * a2i + C73 * a3i;
      const t2r = x0r + C72 * a1r + C73 * a2r + C71 * a3r, t2i = x0i + C72 * a1i + C73 * a2i + C71 * a3i;
      const t3r = x0r + C73 * a1r + C71 * a2r + C72 * a3r, t3i = x0i + C73 * a1i + C71 * a2i + C72 * a3i;
      const s1r = S71 * b1r + S72 * b2r + S73 * b3r, s1i = S71 * b1i + S72 * b2i + S73 * b3i;
      const s2r = S72 * b1r - S73 * b2r - S71 * b3r, s2i = S72 * b1i - S73 * b2i - S71 * b3i;
      const s3r = S73 * b1r - S71 * b2r + S72 * b3r, s3i = S73 * b1i - S71 * b2i + S72 * b3i;
      ya[yr + o] = x0r + a1r + a2r + a3r; ya[yi + o] = x0i + a1i + a2i + a3i;
      ya[yr + o + so] = t1r + s1i; ya[yi + o + so] = t1i - s1r;
      ya[yr + o + 6 * so] = t1r - s1i; ya[yi + o + 6 * so] = t1i + s1r;
      ya[yr + o + 2 * so] = t2r + s2i; ya[yi + o + 2 * so] = t2i - s2r;
      ya[yr + o + 5 * so] = t2r - s2i; ya[yi + o + 5 * so] = t2i + s2r;
      ya[yr + o + 3 * so] = t3r + s3i; ya[yi + o + 3 * so] = t3i - s3r;
      ya[yr + o + 4 * so] = t3r - s3i; ya[yi + o + 4 * so] = t3i + s3r;
    }
  }
}

/** stage7 with span 1 (all twiddles are 1): the first stage of every length with a factor 7. */
function stage7First(x: Side, y: Side, n: number, cols: number): void {
  const xa = x.a, xr = x.re, xi = x.im, xe = x.elem, xc = x.col;
  const ya = y.a, yr = y.re, yi = y.im, ye = y.elem, yc = y.col;
  const m = n / 7;
  const si = m * xe;
  const so = ye;
  for (let j = 0; j < m; j++) {
    let i = j * xe;
    let o = j * 7 * ye;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      const x1r = xa[xr + i + si], x1i = xa[xi + i + si];
      const x2r = xa[xr + i + 2 * si], x2i = xa[xi + i + 2 * si];
      const x3r = xa[xr + i + 3 * si], x3i = xa[xi + i + 3 * si];
      const x4r = xa[xr + i + 4 * si], x4i = xa[xi + i + 4 * si];
      const x5r = xa[xr + i + 5 * si], x5i = xa[xi + i + 5 * si];
      const x6r = xa[xr + i + 6 * si], x6i = xa[xi + i + 6 * si];
      const x0r = xa[xr + i], x0i = xa[xi + i];
      const a1r = x1r + x6r, a1i = x1i + x6i, b1r = x1r - x6r, b1i = x1i - x6i;
      const a2r = x2r + x5r, a2i = x2i + x5i, b2r = x2r - x5r, b2i = x2i - x5i;
      const a3r = x3r + x4r, a3i = x3i + x4i, b3r = x3r - x4r, b3i = x3i - x4i;
      const t1r = x0r + C71 * a1r + C72 * a2r + C73 * a3r, t1i = x0i + C71 * a1i + C72 * a2i + C73 * a3i;
      const t2r = x0r + C72 * a1r + C73 * a2r + C71 * a3r, t2i = x0i + C72 * a1i + C73 * a2i + C71 * a3i;
      const t3r = x0r + C73 * a1r + C71 * a2r + C72 * a3r, t3i = x0i + C73 * a1i + C71 * a2i + C72 * a3i;
      const s1r = S71 * b1r + S72 * b2r + S73 * b3r, s1i = S71 * b1i + S72 * b2i + S73 * b3i;
      const s2r = S72 * b1r - S73 * b2r - S71 * b3r, s2i = S72 * b1i - S73 * b2i - S71 * b3i;
      const s3r = S73 * b1r - S71 * b2r + S72 * b3r, s3i = S73 * b1i - S71 * b2i + S72 * b3i;
      ya[yr + o] = x0r + a1r + a2r + a3r; ya[yi + o] = x0i + a1i + a2i + a3i;
      ya[yr + o + so] = t1r + s1i; ya[yi + o + so] = t1i - s1r;
      ya[yr + o + 6 * so] = t1r - s1i; ya[yi + o + 6 * so] = t1i + s1r;
      ya[yr + o + 2 * so] = t2r + s2i; ya[yi + o + 2 * so] = t2i - s2r;
      ya[yr + o + 5 * so] = t2r - s2i; ya[yi + o + 5 * so] = t2i + s2r;
      ya[yr + o + 3 * so] = t3r + s3i; ya[yi + o + 3 * so] = t3i - s3r;
      ya[yr + o + 4 * so] = t3r - s3i; ya[yi + o + 4 * so] = t3i + s3r;
    }
  }
}

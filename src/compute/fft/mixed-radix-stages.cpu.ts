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

export function radixStage(radix: number, x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0 = 1): void {
  switch (radix) {
    case 2: return stage2(x, y, n, span, cols, tw, s0);
    case 3: return stage3(x, y, n, span, cols, tw, s0);
    case 4: return stage4(x, y, n, span, cols, tw, s0);
    case 5: return stage5(x, y, n, span, cols, tw, s0);
    case 7: return span === 1 && s0 === 1 ? stage7First(x, y, n, cols) : stage7(x, y, n, span, cols, tw, s0);
    default: throw new Error(`mixed-radix FFT: no radix-${radix} stage`);
  }
}

function stage2(x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 2;
  const si = m * x.elem, so = span * y.elem;
  const r0 = x.re, r1 = r0 + si, i0 = x.im, i1 = i0 + si;
  const R0 = y.re, R1 = R0 + so, I0 = y.im, I1 = I0 + so;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const w1r = tw[2 * k], w1i = tw[2 * k + 1];
    let i = j * x.elem;
    let o = ((j - k) * 2 + k) * y.elem;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      const ar = xa[r1 + i], ai = xa[i1 + i];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      const x0r = s0 * xa[r0 + i], x0i = s0 * xa[i0 + i];
      ya[R0 + o] = x0r + x1r; ya[I0 + o] = x0i + x1i;
      ya[R1 + o] = x0r - x1r; ya[I1 + o] = x0i - x1i;
    }
  }
}

function stage3(x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 3;
  const si = m * x.elem, so = span * y.elem;
  const r0 = x.re, r1 = r0 + si, r2 = r1 + si, i0 = x.im, i1 = i0 + si, i2 = i1 + si;
  const R0 = y.re, R1 = R0 + so, R2 = R1 + so, I0 = y.im, I1 = I0 + so, I2 = I1 + so;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 4 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
    let i = j * x.elem;
    let o = ((j - k) * 3 + k) * y.elem;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[r1 + i], ai = xa[i1 + i];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[r2 + i]; ai = xa[i2 + i];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      const x0r = s0 * xa[r0 + i], x0i = s0 * xa[i0 + i];
      const sr = x1r + x2r, sI = x1i + x2i;
      const tr = x0r - 0.5 * sr, ti = x0i - 0.5 * sI;
      const dr = S3 * (x1r - x2r), di = S3 * (x1i - x2i);
      ya[R0 + o] = x0r + sr; ya[I0 + o] = x0i + sI;
      ya[R1 + o] = tr + di; ya[I1 + o] = ti - dr;
      ya[R2 + o] = tr - di; ya[I2 + o] = ti + dr;
    }
  }
}

function stage4(x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 4;
  const si = m * x.elem, so = span * y.elem;
  const r0 = x.re, r1 = r0 + si, r2 = r1 + si, r3 = r2 + si;
  const i0 = x.im, i1 = i0 + si, i2 = i1 + si, i3 = i2 + si;
  const R0 = y.re, R1 = R0 + so, R2 = R1 + so, R3 = R2 + so;
  const I0 = y.im, I1 = I0 + so, I2 = I1 + so, I3 = I2 + so;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 6 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3], w3r = tw[t + 4], w3i = tw[t + 5];
    let i = j * x.elem;
    let o = ((j - k) * 4 + k) * y.elem;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[r2 + i], ai = xa[i2 + i];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      const x0r = s0 * xa[r0 + i], x0i = s0 * xa[i0 + i];
      const t0r = x0r + x2r, t0i = x0i + x2i, t1r = x0r - x2r, t1i = x0i - x2i;
      ar = xa[r1 + i]; ai = xa[i1 + i];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[r3 + i]; ai = xa[i3 + i];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      const t2r = x1r + x3r, t2i = x1i + x3i, t3r = x1r - x3r, t3i = x1i - x3i;
      ya[R0 + o] = t0r + t2r; ya[I0 + o] = t0i + t2i;
      ya[R1 + o] = t1r + t3i; ya[I1 + o] = t1i - t3r;
      ya[R2 + o] = t0r - t2r; ya[I2 + o] = t0i - t2i;
      ya[R3 + o] = t1r - t3i; ya[I3 + o] = t1i + t3r;
    }
  }
}

function stage5(x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 5;
  const si = m * x.elem, so = span * y.elem;
  const r0 = x.re, r1 = r0 + si, r2 = r1 + si, r3 = r2 + si, r4 = r3 + si;
  const i0 = x.im, i1 = i0 + si, i2 = i1 + si, i3 = i2 + si, i4 = i3 + si;
  const R0 = y.re, R1 = R0 + so, R2 = R1 + so, R3 = R2 + so, R4 = R3 + so;
  const I0 = y.im, I1 = I0 + so, I2 = I1 + so, I3 = I2 + so, I4 = I3 + so;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 8 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3];
    const w3r = tw[t + 4], w3i = tw[t + 5], w4r = tw[t + 6], w4i = tw[t + 7];
    let i = j * x.elem;
    let o = ((j - k) * 5 + k) * y.elem;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[r1 + i], ai = xa[i1 + i];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[r4 + i]; ai = xa[i4 + i];
      const x4r = ar * w4r - ai * w4i, x4i = ar * w4i + ai * w4r;
      const a1r = x1r + x4r, a1i = x1i + x4i, b1r = x1r - x4r, b1i = x1i - x4i;
      ar = xa[r2 + i]; ai = xa[i2 + i];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      ar = xa[r3 + i]; ai = xa[i3 + i];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      const a2r = x2r + x3r, a2i = x2i + x3i, b2r = x2r - x3r, b2i = x2i - x3i;
      const x0r = s0 * xa[r0 + i], x0i = s0 * xa[i0 + i];
      ya[R0 + o] = x0r + a1r + a2r; ya[I0 + o] = x0i + a1i + a2i;
      const t1r = x0r + C51 * a1r + C52 * a2r, t1i = x0i + C51 * a1i + C52 * a2i;
      const s1r = S51 * b1r + S52 * b2r, s1i = S51 * b1i + S52 * b2i;
      ya[R1 + o] = t1r + s1i; ya[I1 + o] = t1i - s1r;
      ya[R4 + o] = t1r - s1i; ya[I4 + o] = t1i + s1r;
      const t2r = x0r + C52 * a1r + C51 * a2r, t2i = x0i + C52 * a1i + C51 * a2i;
      const s2r = S52 * b1r - S51 * b2r, s2i = S52 * b1i - S51 * b2i;
      ya[R2 + o] = t2r + s2i; ya[I2 + o] = t2i - s2r;
      ya[R3 + o] = t2r - s2i; ya[I3 + o] = t2i + s2r;
    }
  }
}

function stage7(x: Side, y: Side, n: number, span: number, cols: number, tw: F64, s0: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 7;
  const si = m * x.elem, so = span * y.elem;
  const r0 = x.re, r1 = r0 + si, r2 = r1 + si, r3 = r2 + si, r4 = r3 + si, r5 = r4 + si, r6 = r5 + si;
  const i0 = x.im, i1 = i0 + si, i2 = i1 + si, i3 = i2 + si, i4 = i3 + si, i5 = i4 + si, i6 = i5 + si;
  const R0 = y.re, R1 = R0 + so, R2 = R1 + so, R3 = R2 + so, R4 = R3 + so, R5 = R4 + so, R6 = R5 + so;
  const I0 = y.im, I1 = I0 + so, I2 = I1 + so, I3 = I2 + so, I4 = I3 + so, I5 = I4 + so, I6 = I5 + so;
  for (let j = 0; j < m; j++) {
    const k = j % span;
    const t = 12 * k;
    const w1r = tw[t], w1i = tw[t + 1], w2r = tw[t + 2], w2i = tw[t + 3], w3r = tw[t + 4], w3i = tw[t + 5];
    const w4r = tw[t + 6], w4i = tw[t + 7], w5r = tw[t + 8], w5i = tw[t + 9], w6r = tw[t + 10], w6i = tw[t + 11];
    let i = j * x.elem;
    let o = ((j - k) * 7 + k) * y.elem;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      let ar = xa[r1 + i], ai = xa[i1 + i];
      const x1r = ar * w1r - ai * w1i, x1i = ar * w1i + ai * w1r;
      ar = xa[r6 + i]; ai = xa[i6 + i];
      const x6r = ar * w6r - ai * w6i, x6i = ar * w6i + ai * w6r;
      const a1r = x1r + x6r, a1i = x1i + x6i, b1r = x1r - x6r, b1i = x1i - x6i;
      ar = xa[r2 + i]; ai = xa[i2 + i];
      const x2r = ar * w2r - ai * w2i, x2i = ar * w2i + ai * w2r;
      ar = xa[r5 + i]; ai = xa[i5 + i];
      const x5r = ar * w5r - ai * w5i, x5i = ar * w5i + ai * w5r;
      const a2r = x2r + x5r, a2i = x2i + x5i, b2r = x2r - x5r, b2i = x2i - x5i;
      ar = xa[r3 + i]; ai = xa[i3 + i];
      const x3r = ar * w3r - ai * w3i, x3i = ar * w3i + ai * w3r;
      ar = xa[r4 + i]; ai = xa[i4 + i];
      const x4r = ar * w4r - ai * w4i, x4i = ar * w4i + ai * w4r;
      const a3r = x3r + x4r, a3i = x3i + x4i, b3r = x3r - x4r, b3i = x3i - x4i;
      const x0r = s0 * xa[r0 + i], x0i = s0 * xa[i0 + i];
      ya[R0 + o] = x0r + a1r + a2r + a3r; ya[I0 + o] = x0i + a1i + a2i + a3i;
      const t1r = x0r + C71 * a1r + C72 * a2r + C73 * a3r, t1i = x0i + C71 * a1i + C72 * a2i + C73 * a3i;
      const s1r = S71 * b1r + S72 * b2r + S73 * b3r, s1i = S71 * b1i + S72 * b2i + S73 * b3i;
      ya[R1 + o] = t1r + s1i; ya[I1 + o] = t1i - s1r;
      ya[R6 + o] = t1r - s1i; ya[I6 + o] = t1i + s1r;
      const t2r = x0r + C72 * a1r + C73 * a2r + C71 * a3r, t2i = x0i + C72 * a1i + C73 * a2i + C71 * a3i;
      const s2r = S72 * b1r - S73 * b2r - S71 * b3r, s2i = S72 * b1i - S73 * b2i - S71 * b3i;
      ya[R2 + o] = t2r + s2i; ya[I2 + o] = t2i - s2r;
      ya[R5 + o] = t2r - s2i; ya[I5 + o] = t2i + s2r;
      const t3r = x0r + C73 * a1r + C71 * a2r + C72 * a3r, t3i = x0i + C73 * a1i + C71 * a2i + C72 * a3i;
      const s3r = S73 * b1r - S71 * b2r + S72 * b3r, s3i = S73 * b1i - S71 * b2i + S72 * b3i;
      ya[R3 + o] = t3r + s3i; ya[I3 + o] = t3i - s3r;
      ya[R4 + o] = t3r - s3i; ya[I4 + o] = t3i + s3r;
    }
  }
}

/** stage7 with span 1 (all twiddles are 1): the first stage of every length with a factor 7. */
function stage7First(x: Side, y: Side, n: number, cols: number): void {
  const xa = x.a, xc = x.col, ya = y.a, yc = y.col;
  const m = n / 7;
  const si = m * x.elem, so = y.elem;
  const r0 = x.re, r1 = r0 + si, r2 = r1 + si, r3 = r2 + si, r4 = r3 + si, r5 = r4 + si, r6 = r5 + si;
  const i0 = x.im, i1 = i0 + si, i2 = i1 + si, i3 = i2 + si, i4 = i3 + si, i5 = i4 + si, i6 = i5 + si;
  const R0 = y.re, R1 = R0 + so, R2 = R1 + so, R3 = R2 + so, R4 = R3 + so, R5 = R4 + so, R6 = R5 + so;
  const I0 = y.im, I1 = I0 + so, I2 = I1 + so, I3 = I2 + so, I4 = I3 + so, I5 = I4 + so, I6 = I5 + so;
  for (let j = 0; j < m; j++) {
    let i = j * x.elem;
    let o = j * 7 * so;
    for (let b = 0; b < cols; b++, i += xc, o += yc) {
      const x1r = xa[r1 + i], x1i = xa[i1 + i], x6r = xa[r6 + i], x6i = xa[i6 + i];
      const a1r = x1r + x6r, a1i = x1i + x6i, b1r = x1r - x6r, b1i = x1i - x6i;
      const x2r = xa[r2 + i], x2i = xa[i2 + i], x5r = xa[r5 + i], x5i = xa[i5 + i];
      const a2r = x2r + x5r, a2i = x2i + x5i, b2r = x2r - x5r, b2i = x2i - x5i;
      const x3r = xa[r3 + i], x3i = xa[i3 + i], x4r = xa[r4 + i], x4i = xa[i4 + i];
      const a3r = x3r + x4r, a3i = x3i + x4i, b3r = x3r - x4r, b3i = x3i - x4i;
      const x0r = xa[r0 + i], x0i = xa[i0 + i];
      ya[R0 + o] = x0r + a1r + a2r + a3r; ya[I0 + o] = x0i + a1i + a2i + a3i;
      const t1r = x0r + C71 * a1r + C72 * a2r + C73 * a3r, t1i = x0i + C71 * a1i + C72 * a2i + C73 * a3i;
      const s1r = S71 * b1r + S72 * b2r + S73 * b3r, s1i = S71 * b1i + S72 * b2i + S73 * b3i;
      ya[R1 + o] = t1r + s1i; ya[I1 + o] = t1i - s1r;
      ya[R6 + o] = t1r - s1i; ya[I6 + o] = t1i + s1r;
      const t2r = x0r + C72 * a1r + C73 * a2r + C71 * a3r, t2i = x0i + C72 * a1i + C73 * a2i + C71 * a3i;
      const s2r = S72 * b1r - S73 * b2r - S71 * b3r, s2i = S72 * b1i - S73 * b2i - S71 * b3i;
      ya[R2 + o] = t2r + s2i; ya[I2 + o] = t2i - s2r;
      ya[R5 + o] = t2r - s2i; ya[I5 + o] = t2i + s2r;
      const t3r = x0r + C73 * a1r + C71 * a2r + C72 * a3r, t3i = x0i + C73 * a1i + C71 * a2i + C72 * a3i;
      const s3r = S73 * b1r - S71 * b2r + S72 * b3r, s3i = S73 * b1i - S71 * b2i + S72 * b3i;
      ya[R3 + o] = t3r + s3i; ya[I3 + o] = t3i - s3r;
      ya[R4 + o] = t3r - s3i; ya[I4 + o] = t3i + s3r;
    }
  }
}

/** TypeScript twins of pad.wgsl and crop.wgsl. */
import { checkData, count3, padSource, type Padding, type Shape3 } from './shape';
import { ConvError } from './errors';

/** Places `image` at the origin of a `padded`-shaped array and fills the margin (see padSource). */
export function padCpu(image: Float32Array, shape: Shape3, padded: Shape3, padding: Padding): Float32Array {
  checkData('image', image, shape);
  checkFits(shape, padded);
  const out = new Float32Array(count3(padded));
  const maps = [0, 1, 2].map((a) => Int32Array.from({ length: padded[a] }, (_, j) => padSource(j, shape[a], padded[a], padding)));
  const [mz, my, mx] = maps;
  let at = 0;
  for (let z = 0; z < padded[0]; z++) {
    for (let y = 0; y < padded[1]; y++) {
      const sz = mz[z];
      const sy = my[y];
      const row = (sz * shape[1] + sy) * shape[2];
      for (let x = 0; x < padded[2]; x++, at++) {
        const sx = mx[x];
        out[at] = sz < 0 || sy < 0 || sx < 0 ? 0 : image[row + sx];
      }
    }
  }
  return out;
}

/** The `shape`-sized box at the origin of a `padded`-shaped array. */
export function cropCpu(data: Float32Array, padded: Shape3, shape: Shape3): Float32Array {
  checkData('padded array', data, padded);
  checkFits(shape, padded);
  const out = new Float32Array(count3(shape));
  for (let z = 0; z < shape[0]; z++) {
    for (let y = 0; y < shape[1]; y++) {
      const from = (z * padded[1] + y) * padded[2];
      out.set(data.subarray(from, from + shape[2]), (z * shape[1] + y) * shape[2]);
    }
  }
  return out;
}

export function checkFits(shape: Shape3, padded: Shape3): void {
  if (shape.some((n, a) => n > padded[a])) {
    throw new ConvError(`an array of shape ${shape.join('×')} does not fit in the padded shape ${padded.join('×')}`);
  }
}

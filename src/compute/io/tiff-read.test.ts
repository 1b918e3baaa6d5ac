import { describe, expect, it } from 'vitest';
import { readTiff } from './tiff-read';
import { inspectTiff } from './tiff-inspect';
import { buildTiff, makeValues, toArrayBuffer, type BuildOptions } from './testing/tiff-builder';
import { expectedPlane, hyperstackFile, hyperstackPages } from './testing/fixtures';
import type { SourceDtype } from './volume';

const W = 5;
const H = 6;

function stack(opts: BuildOptions, depth = 3, values?: (z: number) => number[]): ArrayBuffer {
  const pages = Array.from({ length: depth }, (_, z) => ({ width: W, height: H, values: values ? values(z) : makeValues(W * H, (i) => z * 100 + i) }));
  return toArrayBuffer(buildTiff(pages, opts));
}

function expectStack(data: Float32Array, depth = 3): void {
  expect(Array.from(data)).toEqual(Array.from({ length: depth * W * H }, (_, i) => Math.floor(i / (W * H)) * 100 + (i % (W * H))));
}

describe('readTiff: sample types and byte orders', () => {
  const signedValues = (z: number): number[] => makeValues(W * H, (i) => (i - 15) * 3 + z);
  const cases: [SourceDtype, (z: number) => number[]][] = [
    ['uint8', (z) => makeValues(W * H, (i) => i * 8 + z)],
    ['int8', signedValues],
    ['uint16', (z) => makeValues(W * H, (i) => i * 2000 + z)],
    ['int16', (z) => makeValues(W * H, (i) => (i - 15) * 2000 + z)],
    ['uint32', (z) => makeValues(W * H, (i) => i * 100_000 + z)],
    ['int32', (z) => makeValues(W * H, (i) => (i - 15) * 100_000 + z)],
    ['float32', (z) => makeValues(W * H, (i) => (i - 15) * 0.25 + z)],
    ['float64', (z) => makeValues(W * H, (i) => (i - 15) * 0.125 + z)],
  ];
  for (const [dtype, values] of cases) {
    for (const littleEndian of [true, false]) {
      it(`${dtype} ${littleEndian ? 'little' : 'big'}-endian`, async () => {
        const vol = await readTiff(stack({ dtype, littleEndian }, 2, values));
        const expected = [...values(0), ...values(1)];
        expect(vol.dtype).toBe(dtype);
        expect(vol.shape).toEqual([2, H, W]);
        expect(Array.from(vol.data)).toEqual(expected.map(Math.fround));
        expect(vol.rawRange).toEqual([Math.min(...expected), Math.max(...expected)]);
      });
    }
  }

  it('keeps uint32 extremes exact in the raw range', async () => {
    const vals = makeValues(W * H, (i) => (i === 3 ? 4_294_967_295 : i === 4 ? 16_777_217 : i));
    const vol = await readTiff(stack({ dtype: 'uint32' }, 1, () => vals));
    expect(vol.rawRange).toEqual([0, 4_294_967_295]);
  });

  it('ignores NaN in the raw range of float data', async () => {
    const vals = makeValues(W * H, (i) => (i === 0 ? NaN : i));
    const vol = await readTiff(stack({ dtype: 'float32' }, 1, () => vals));
    expect(vol.rawRange).toEqual([1, W * H - 1]);
    expect(Number.isNaN(vol.data[0])).toBe(true);
  });
});

describe('readTiff: containers and compression', () => {
  it('reads a 2-D image as a stack of one', async () => {
    const vol = await readTiff(stack({}, 1));
    expect(vol.shape).toEqual([1, H, W]);
    expect(vol.axis).toBe('z');
  });

  for (const littleEndian of [true, false]) {
    it(`reads BigTIFF (${littleEndian ? 'II' : 'MM'})`, async () => {
      const buffer = stack({ bigTiff: true, littleEndian });
      expect((await inspectTiff(buffer)).bigTiff).toBe(true);
      expectStack((await readTiff(buffer)).data);
    });
  }

  const variants: [string, BuildOptions][] = [
    ['LZW', { compression: 'lzw' }],
    ['LZW, big-endian, 2-row strips', { compression: 'lzw', littleEndian: false, rowsPerStrip: 2 }],
    ['deflate', { compression: 'deflate' }],
    ['deflate + horizontal predictor, big-endian', { compression: 'deflate', predictor: 2, littleEndian: false }],
    ['LZW + horizontal predictor', { compression: 'lzw', predictor: 2, rowsPerStrip: 4 }],
    ['PackBits', { compression: 'packbits', dtype: 'uint8' }],
    ['4×4 tiles', { tile: [4, 4] }],
    ['deflate 4×4 tiles, big-endian', { tile: [4, 4], compression: 'deflate', littleEndian: false }],
    ['3-row strips', { rowsPerStrip: 3 }],
  ];
  for (const [name, opts] of variants) {
    it(`reads ${name}`, async () => {
      const values = (z: number): number[] => makeValues(W * H, (i) => z * 100 + i);
      const vol = await readTiff(stack(opts, 3, values));
      expectStack(vol.data);
      expect((await inspectTiff(stack(opts, 1))).compression).toBe(opts.compression === undefined ? 'none' : opts.compression);
    });
  }

  for (const littleEndian of [true, false]) {
    it(`reads float32 with the floating-point predictor (${littleEndian ? 'LE' : 'BE'})`, async () => {
      const values = (z: number): number[] => makeValues(W * H, (i) => (i - 7) * 1.5 + z * 1e4);
      const vol = await readTiff(stack({ dtype: 'float32', compression: 'deflate', predictor: 3, littleEndian }, 2, values));
      expect(Array.from(vol.data)).toEqual([...values(0), ...values(1)]);
    });
  }
});

describe('readTiff: axes, channels and frames', () => {
  it('reads a time series of single planes along t with the frame interval', async () => {
    const buffer = hyperstackFile({ t: 4 }, ['finterval=0.5', 'unit=um'], { resolution: { x: [10, 1], y: [10, 1], unit: 1 } });
    const vol = await readTiff(buffer);
    expect(vol.axis).toBe('t');
    expect(vol.shape).toEqual([4, H, W]);
    expect(vol.metadata.frameInterval).toBe(0.5);
    expect(vol.voxelSize).toEqual({ x: 0.1, y: 0.1, z: null, unit: 'µm' });
    expect(vol.data.subarray(3 * W * H)).toEqual(expectedPlane(W, H, 0, 0, 3));
  });

  it('picks one channel of a multi-channel stack in CZT page order', async () => {
    const buffer = hyperstackFile({ c: 3, z: 2 });
    const vol = await readTiff(buffer, { channel: 2 });
    expect(vol.shape).toEqual([2, H, W]);
    expect(vol.metadata.channel).toBe(2);
    expect(vol.metadata.fileDims).toEqual({ c: 3, t: 1, z: 2, y: H, x: W });
    expect(vol.data.subarray(0, W * H)).toEqual(expectedPlane(W, H, 2, 0, 0));
    expect(vol.data.subarray(W * H)).toEqual(expectedPlane(W, H, 2, 1, 0));
  });

  it('reads one time point of 5-D data as a z stack', async () => {
    const buffer = hyperstackFile({ c: 2, z: 3, t: 2 });
    const summary = await inspectTiff(buffer);
    expect(summary.choices).toEqual({ channel: true, frame: true, rgb: false });
    const vol = await readTiff(buffer, { channel: 1, frame: 1 });
    expect(vol.axis).toBe('z');
    expect(vol.metadata.frame).toBe(1);
    for (let z = 0; z < 3; z++) expect(vol.data.subarray(z * W * H, (z + 1) * W * H)).toEqual(expectedPlane(W, H, 1, z, 1));
  });

  it('reads one frame of a movie when a frame is given', async () => {
    const vol = await readTiff(hyperstackFile({ t: 3 }), { frame: 2 });
    expect(vol.shape).toEqual([1, H, W]);
    expect(vol.axis).toBe('z');
    expect(vol.data).toEqual(expectedPlane(W, H, 0, 0, 2));
  });

  it('reads tifffile shaped descriptions with a T axis as a time series', async () => {
    const pages = hyperstackPages({ z: 4 });
    const vol = await readTiff(toArrayBuffer(buildTiff(pages, { description: '{"shape": [4, 6, 5], "axes": "TYX"}' })));
    expect(vol.axis).toBe('t');
    expect(vol.shape).toEqual([4, H, W]);
  });
});

describe('readTiff: RGB', () => {
  const rgbValues = makeValues(W * H * 3, (i) => (i % 3) * 50 + Math.floor(i / 3));
  const rgb = (opts: BuildOptions = {}): ArrayBuffer =>
    toArrayBuffer(buildTiff([{ width: W, height: H, values: rgbValues }], { dtype: 'uint8', samplesPerPixel: 3, ...opts }));

  it('reads one colour sample', async () => {
    const vol = await readTiff(rgb(), { rgb: 1 });
    expect(Array.from(vol.data)).toEqual(makeValues(W * H, (p) => 50 + p));
    expect(vol.rawRange).toEqual([50, 50 + W * H - 1]);
  });

  it('reads luminance from interleaved and planar RGB alike', async () => {
    const expected = makeValues(W * H, (p) => Math.fround(0.299 * p + 0.587 * (50 + p) + 0.114 * (100 + p)));
    const interleaved = await readTiff(rgb(), { rgb: 'luminance' });
    const planar = await readTiff(rgb({ planar: 2 }), { rgb: 'luminance' });
    interleaved.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    planar.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
  });

  it('reads sample 2 of planar RGB with LZW', async () => {
    const vol = await readTiff(rgb({ planar: 2, compression: 'lzw' }), { rgb: 2 });
    expect(Array.from(vol.data)).toEqual(makeValues(W * H, (p) => 100 + p));
  });
});

describe('readTiff: the ImageJ >4 GB layout (one IFD, images=N)', () => {
  for (const littleEndian of [true, false]) {
    it(`reads every plane back to back from the first strip (${littleEndian ? 'LE' : 'BE'})`, async () => {
      const spec = { z: 4 };
      const buffer = hyperstackFile(spec, ['spacing=0.5', 'unit=micron'], { singleIfd: true, littleEndian, dtype: 'float32' });
      const summary = await inspectTiff(buffer);
      expect(summary.pageCount).toBe(1);
      expect(summary.layout).toBe('imagej-contiguous');
      const vol = await readTiff(buffer);
      expect(vol.shape).toEqual([4, H, W]);
      for (let z = 0; z < 4; z++) expect(vol.data.subarray(z * W * H, (z + 1) * W * H)).toEqual(expectedPlane(W, H, 0, z, 0));
    });
  }
});

describe('readTiff: progress and cancellation', () => {
  it('reports progress per plane, ending at 1', async () => {
    const fractions: number[] = [];
    await readTiff(stack({}, 4), { onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('stops with an AbortError when the signal fires between pages', async () => {
    const ctl = new AbortController();
    const read = readTiff(stack({}, 4), { signal: ctl.signal, onProgress: (f) => f >= 0.5 && ctl.abort() });
    await expect(read).rejects.toMatchObject({ name: 'AbortError', code: 'cancelled' });
  });

  it('does not start when the signal has already fired', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(readTiff(stack({}), { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

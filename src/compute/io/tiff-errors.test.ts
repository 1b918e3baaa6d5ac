import { describe, expect, it } from 'vitest';
import { readTiff } from './tiff-read';
import { inspectTiff } from './tiff-inspect';
import { TiffChoiceRequiredError, TiffError, type TiffErrorCode } from './tiff-errors';
import { buildTiff, makeValues, toArrayBuffer, type BuildOptions, type BuildPage } from './testing/tiff-builder';
import { hyperstackFile } from './testing/fixtures';

const page = (width = 5, height = 6, spp = 1): BuildPage => ({ width, height, values: makeValues(width * height * spp, (i) => i % 200) });
const file = (pages: BuildPage[], opts: BuildOptions = {}): ArrayBuffer => toArrayBuffer(buildTiff(pages, opts));

async function failure(promise: Promise<unknown>): Promise<TiffError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TiffError);
  return err as TiffError;
}

async function expectCode(buffer: ArrayBuffer, code: TiffErrorCode, message: RegExp, opts = {}): Promise<void> {
  const err = await failure(readTiff(buffer, opts));
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
}

describe('readTiff refuses bad input with a specific message', () => {
  it('an empty file', async () => {
    await expectCode(new ArrayBuffer(0), 'empty', /empty \(0 bytes\)/);
  });

  it('a file that is not a TIFF', async () => {
    await expectCode(new TextEncoder().encode('hello, not a tiff at all').buffer as ArrayBuffer, 'not-tiff', /not a TIFF.*68 65 6c 6c/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    await expectCode(png.buffer, 'not-tiff', /looks like a PNG image/);
  });

  it('a file cut off before its image directories (pixel data first, as ImageJ writes)', async () => {
    const whole = toArrayBuffer(buildTiff([page(), page(), page()]));
    await expectCode(whole.slice(0, 148), 'truncated', /image directory of page 0 ends at byte \d+, but the file has only 148 bytes/);
  });

  it('a file cut off in the middle of an image directory', async () => {
    const whole = toArrayBuffer(buildTiff([page(), page()]));
    await expectCode(whole.slice(0, whole.byteLength - 30), 'truncated', /image directory of page 1 ends at byte \d+, but the file has only/);
  });

  it('a header with nothing after it', async () => {
    await expectCode(new Uint8Array([0x49, 0x49, 42, 0]).buffer, 'truncated', /only 4 bytes/);
  });

  it('strip data beyond the end of the file', async () => {
    // IFDs stay intact while the strip offsets point past the end: drop bytes from the front of the data.
    const bytes = buildTiff([page()], { dtype: 'uint16' });
    const view = new DataView(bytes.buffer);
    const ifd = view.getUint32(4, true);
    const entries = view.getUint16(ifd, true);
    for (let i = 0; i < entries; i++) {
      const at = ifd + 2 + i * 12;
      if (view.getUint16(at, true) === 273) view.setUint32(at + 8, bytes.length + 100, true);
    }
    await expectCode(toArrayBuffer(bytes), 'truncated', /strip 0 of page 0 ends at byte \d+, but the file has only \d+ bytes/);
  });

  it('an IFD chain that loops back on itself', async () => {
    const bytes = buildTiff([page(), page()]);
    const view = new DataView(bytes.buffer);
    const first = view.getUint32(4, true);
    const second = view.getUint32(first + 2 + view.getUint16(first, true) * 12, true);
    view.setUint32(second + 2 + view.getUint16(second, true) * 12, first, true);
    await expectCode(toArrayBuffer(bytes), 'corrupt', /loops back to page 0/);
  });

  it('complex samples', async () => {
    const raw = new Uint8Array(5 * 6 * 8);
    await expectCode(file([{ width: 5, height: 6, raw }], { dtype: 'float32', bitsPerSample: 64, sampleFormat: 6 }), 'complex', /complex numbers/);
  });

  it('1-bit images', async () => {
    await expectCode(file([{ width: 16, height: 2, raw: new Uint8Array(4) }], { dtype: 'uint8', bitsPerSample: 1 }), 'bilevel', /1-bit/);
  });

  it('palette images with a colour table', async () => {
    await expectCode(file([page()], { dtype: 'uint8', photometric: 3, colorMap: true }), 'palette', /palette \(indexed-colour\)/);
  });

  it('12-bit and 16-bit float samples', async () => {
    const raw = new Uint8Array(5 * 6 * 2);
    await expectCode(file([{ width: 5, height: 6, raw }], { dtype: 'uint16', bitsPerSample: 12 }), 'unsupported-sample-format', /12-bit unsigned integer/);
    await expectCode(file([{ width: 5, height: 6, raw }], { dtype: 'uint16', sampleFormat: 3 }), 'unsupported-sample-format', /16-bit floating-point/);
  });

  it('pages of different sizes, naming both sizes', async () => {
    const pages = [page(), page(), page(), page(), page(), page(), page(), page(64, 60)];
    await expectCode(file(pages), 'page-size-mismatch', /page 7 is 64×60 but page 0 is 5×6/);
  });

  it('pages of different sample types', async () => {
    const a = buildTiff([page()], { dtype: 'uint16' });
    const b = buildTiff([page()], { dtype: 'float32' });
    // Chain the second file's IFD after the first one's by writing both pages into one file.
    const both = buildTiffMixed(a, b);
    await expectCode(both, 'page-format-mismatch', /page 1 holds 1×float32 samples but page 0 holds 1×uint16/);
  });

  it('a volume over the voxel limit, with the numbers', async () => {
    await expectCode(file([page(), page()]), 'too-large', /2×6×5 = 60 voxels .* limit of 50 voxels/, { maxVoxels: 50 });
  });

  it('an unknown compression', async () => {
    const bytes = buildTiff([page()]);
    const view = new DataView(bytes.buffer);
    const ifd = view.getUint32(4, true);
    for (let i = 0; i < view.getUint16(ifd, true); i++) {
      if (view.getUint16(ifd + 2 + i * 12, true) === 259) view.setUint16(ifd + 2 + i * 12 + 8, 34712, true);
    }
    await expectCode(toArrayBuffer(bytes), 'unsupported-compression', /compression 34712/);
  });
});

describe('choices', () => {
  it('asks for a channel, carrying the summary', async () => {
    const err = await failure(readTiff(hyperstackFile({ c: 3, z: 2 })));
    expect(err).toBeInstanceOf(TiffChoiceRequiredError);
    const choice = err as TiffChoiceRequiredError;
    expect(choice.code).toBe('channel-choice');
    expect(choice.missing).toEqual(['channel']);
    expect(choice.summary.dims).toEqual({ c: 3, t: 1, z: 2, y: 6, x: 5 });
    expect(choice.message).toMatch(/3 channels: choose a channel \(0–2\)/);
  });

  it('asks for channel and time point of 5-D data at once', async () => {
    const err = (await failure(readTiff(hyperstackFile({ c: 2, z: 3, t: 4 })))) as TiffChoiceRequiredError;
    expect(err.missing).toEqual(['channel', 'frame']);
    expect(err.message).toMatch(/2 channels and 4 time points of 3 z-slices: choose a channel \(0–1\) and a time point \(0–3\)/);
  });

  it('asks RGB files for luminance or a sample', async () => {
    const rgb = file([page(5, 6, 3)], { dtype: 'uint8', samplesPerPixel: 3 });
    const err = (await failure(readTiff(rgb))) as TiffChoiceRequiredError;
    expect(err.code).toBe('rgb-choice');
    expect(err.message).toMatch(/'luminance' or one sample \(0–2\)/);
    expect((await inspectTiff(rgb)).choices.rgb).toBe(true);
  });

  it('refuses channels, frames and samples that do not exist', async () => {
    await expectCode(hyperstackFile({ c: 2, z: 2 }), 'channel-out-of-range', /no channel 2: this file has 2 channels \(0–1\)/, { channel: 2 });
    await expectCode(hyperstackFile({ t: 3 }), 'frame-out-of-range', /no time point 5: this file has 3 time points/, { frame: 5 });
    await expectCode(hyperstackFile({ z: 2 }), 'channel-out-of-range', /1 channel \(0\)/, { channel: 1 });
    const twoSamples = file([page(5, 6, 2)], { dtype: 'uint8', samplesPerPixel: 2 });
    await expectCode(twoSamples, 'sample-out-of-range', /Luminance needs 3 samples/, { rgb: 'luminance' });
  });
});

/** Two single-page files merged into one two-page TIFF (first file's IFD chained to the second's). */
function buildTiffMixed(a: Uint8Array, b: Uint8Array): ArrayBuffer {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  const view = new DataView(out.buffer);
  const shiftIfd = (ifd: number): void => {
    const n = view.getUint16(ifd, true);
    for (let i = 0; i < n; i++) {
      const at = ifd + 2 + i * 12;
      const type = view.getUint16(at + 2, true);
      const count = view.getUint32(at + 4, true);
      const size = ({ 2: 1, 3: 2, 4: 4, 5: 8 } as Record<number, number>)[type] * count;
      const tag = view.getUint16(at, true);
      if (size > 4 || tag === 273) view.setUint32(at + 8, view.getUint32(at + 8, true) + a.length, true);
    }
  };
  const firstIfd = view.getUint32(4, true);
  const secondIfd = view.getUint32(a.length + 4, true) + a.length;
  shiftIfd(secondIfd);
  view.setUint32(firstIfd + 2 + view.getUint16(firstIfd, true) * 12, secondIfd, true);
  return out.buffer;
}

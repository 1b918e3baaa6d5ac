/** Small fixture recipes shared by the TIFF tests: values that tell which plane and pixel they came from. */
import { buildTiff, toArrayBuffer, type BuildOptions, type BuildPage } from './tiff-builder';

/** Value of pixel (x, y) of plane (c, z, t): every plane distinct, every pixel distinct within a plane. */
export function planeValue(c: number, z: number, t: number, y: number, x: number): number {
  return c * 10000 + t * 1000 + z * 100 + ((y * 7 + x) % 100);
}

export function planeValues(width: number, height: number, c: number, z: number, t: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.push(planeValue(c, z, t, y, x));
  return out;
}

export interface HyperstackSpec {
  c?: number;
  z?: number;
  t?: number;
  width?: number;
  height?: number;
}

/** Pages in ImageJ's CZT order (c fastest), one page per plane. */
export function hyperstackPages(spec: HyperstackSpec): BuildPage[] {
  const { c = 1, z = 1, t = 1, width = 5, height = 6 } = spec;
  const pages: BuildPage[] = [];
  for (let ti = 0; ti < t; ti++) {
    for (let zi = 0; zi < z; zi++) {
      for (let ci = 0; ci < c; ci++) pages.push({ width, height, values: planeValues(width, height, ci, zi, ti) });
    }
  }
  return pages;
}

export function imageJDescription(spec: HyperstackSpec, extra: string[] = []): string {
  const { c = 1, z = 1, t = 1 } = spec;
  const lines = ['ImageJ=1.53t', `images=${c * z * t}`];
  if (c > 1) lines.push(`channels=${c}`);
  if (z > 1) lines.push(`slices=${z}`);
  if (t > 1) lines.push(`frames=${t}`);
  lines.push('hyperstack=true', ...extra);
  return lines.join('\n') + '\n';
}

export function hyperstackFile(spec: HyperstackSpec, extra: string[] = [], opts: BuildOptions = {}): ArrayBuffer {
  return toArrayBuffer(buildTiff(hyperstackPages(spec), { description: imageJDescription(spec, extra), ...opts }));
}

/** Expected float32 plane of (c, z, t). */
export function expectedPlane(width: number, height: number, c: number, z: number, t: number): Float32Array {
  return Float32Array.from(planeValues(width, height, c, z, t));
}

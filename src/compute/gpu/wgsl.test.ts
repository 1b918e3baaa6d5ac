import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GpuKernelError } from './errors';
import { FakeDevice } from './fake-device';
import { PipelineCache } from './pipeline-cache';
import { resolveIncludes, WGSL_SNIPPETS, WgslIncludeError } from './wgsl';

const SHADERS = join(process.cwd(), 'src/shaders');

/** The shared snippets, by file: each must be registered under its basename. */
const COMMON_SNIPPETS = [
  'butterflies.wgsl',
  'chunk-moments.wgsl',
  'complex.wgsl',
  'float-bits.wgsl',
  'grid.wgsl',
  'histogram-slot.wgsl',
  'real-pairs.wgsl',
  'voxel.wgsl',
  'workgroup-sum.wgsl',
];

/** Kernels that take their shared code from snippets (others may join; none may declare a name twice). */
const INCLUDING_KERNELS = [
  'conv/crop.wgsl', 'conv/pad.wgsl',
  'elementwise/complex-mul.wgsl', 'elementwise/elementwise.wgsl',
  'fft/bluestein.wgsl', 'fft/fft-line.wgsl', 'fft/fft-stage.wgsl', 'fft/rfft.wgsl',
  'peri/erf-eval.wgsl', 'peri/model-patch.wgsl', 'peri/model-post.wgsl', 'peri/model-pre.wgsl',
  'peri/psfs/cheb-combine.wgsl', 'peri/psfs/gaussian-kernel.wgsl', 'peri/separable-field.wgsl', 'peri/slab.wgsl',
  'peri/sphere-draw.wgsl',
  'reduce/dot.wgsl', 'reduce/histogram.wgsl', 'reduce/moments.wgsl', 'reduce/tile-histogram.wgsl', 'reduce/tile-moments.wgsl',
  'reduce/volume-stats-histogram.wgsl', 'reduce/volume-stats-moments.wgsl',
];

function wgslFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wgslFiles(join(dir, e.name)) : e.name.endsWith('.wgsl') ? [join(dir, e.name)] : []);
}

/** Names of the functions, structs and module-scope constants and variables a WGSL source declares. */
function declarations(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/^(?:fn|struct|const|override|var(?:<[^>]*>)?)\s+([A-Za-z_]\w*)/gm)) names.push(m[1]);
  return names;
}

const SNIPPETS = { a: 'fn a() {}\n//!include b', b: 'fn b() {}\n//!include a c', c: 'fn c() {}\n' };

describe('resolveIncludes', () => {
  it('replaces an include line by the snippets, each once, snippets including others', () => {
    const out = resolveIncludes('//!include a c\nfn main() {}\n  //!include b', SNIPPETS);
    expect(out.match(/fn a\(\)/g)).toHaveLength(1);
    expect(out.match(/fn b\(\)/g)).toHaveLength(1);
    expect(out.match(/fn c\(\)/g)).toHaveLength(1);
    expect(out).not.toContain('//!include');
    expect(out.indexOf('fn a()')).toBeLessThan(out.indexOf('fn main()'));
  });

  it('leaves sources without includes untouched and refuses unknown snippets by name', () => {
    const plain = 'fn main() {} // !include is not a directive here';
    expect(resolveIncludes(plain, SNIPPETS)).toBe(plain);
    expect(() => resolveIncludes('//!include a nope', SNIPPETS)).toThrow(WgslIncludeError);
    expect(() => resolveIncludes('//!include nope', SNIPPETS)).toThrow(/"nope".*known snippets: a, b, c/);
  });

  it('registers every file of src/shaders/common under its basename', () => {
    const files = readdirSync(join(SHADERS, 'common')).filter((f) => f.endsWith('.wgsl')).sort();
    expect(files).toEqual(COMMON_SNIPPETS);
    for (const file of files) {
      expect(WGSL_SNIPPETS[file.replace(/\.wgsl$/, '')]).toBe(readFileSync(join(SHADERS, 'common', file), 'utf8'));
    }
  });

  it('gives every kernel its snippets without declaring anything twice', () => {
    const kernels = wgslFiles(SHADERS).filter((f) => !f.includes(`${join('shaders', 'common')}`));
    const including = kernels.filter((f) => readFileSync(f, 'utf8').includes('//!include'));
    expect(including.map((f) => relative(SHADERS, f).split(sep).join('/'))).toEqual(expect.arrayContaining(INCLUDING_KERNELS));
    for (const file of including) {
      const code = resolveIncludes(readFileSync(file, 'utf8'));
      expect(code, relative(SHADERS, file)).not.toContain('//!include');
      const names = declarations(code);
      expect(names.filter((n, i) => names.indexOf(n) !== i), relative(SHADERS, file)).toEqual([]);
    }
  });
});

describe('PipelineCache with includes', () => {
  it('compiles the resolved source and names the kernel when a snippet is missing', () => {
    const device = new FakeDevice();
    const cache = new PipelineCache(device);
    cache.get('grid user', '//!include grid\n@compute @workgroup_size(1) fn main(grid: Grid) {}');
    expect(device.modules[0].code).toContain('fn grid_group(grid: Grid) -> u32');
    expect(() => cache.get('bad include', '//!include no-such-snippet\nfn main() {}')).toThrow(GpuKernelError);
    expect(() => cache.get('bad include', '//!include no-such-snippet\nfn main() {}')).toThrow(
      /GPU kernel "bad include" failed to compile: .*"no-such-snippet"/);
  });
});

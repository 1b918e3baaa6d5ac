import { describe, expect, it } from 'vitest';
import { GpuKernelError } from './errors';
import { FakeDevice } from './fake-device';
import { formatCompilationErrors, hashCode, PipelineCache, pipelineKey } from './pipeline-cache';

const GOOD = '@compute @workgroup_size(1) fn main() {}\n@compute @workgroup_size(1) fn other() {}';
const BAD = 'override N: u32 = 4u;\n@compute @workgroup_size(1)\nfn main() { let y = x + 1; }';

function badCompiler(code: string) {
  return code.includes('x + 1')
    ? [{ type: 'error' as const, message: "unresolved value 'x'", lineNum: 3, linePos: 21 }]
    : [];
}

describe('pipelineKey', () => {
  it('differs by code, entry point and constants, not by constant order', () => {
    const base = pipelineKey(GOOD, 'main', { A: 1, B: 2 });
    expect(pipelineKey(GOOD, 'main', { B: 2, A: 1 })).toBe(base);
    expect(pipelineKey(GOOD, 'other', { A: 1, B: 2 })).not.toBe(base);
    expect(pipelineKey(GOOD, 'main', { A: 1, B: 3 })).not.toBe(base);
    expect(pipelineKey(`${GOOD} `, 'main', { A: 1, B: 2 })).not.toBe(base);
    expect(pipelineKey(GOOD, 'main')).not.toBe(base);
  });

  it('hashes strings of equal length apart', () => {
    expect(hashCode('abc')).not.toBe(hashCode('abd'));
    expect(hashCode('abc')).toBe(hashCode('abc'));
  });
});

describe('PipelineCache', () => {
  it('creates one pipeline per key and one shader module per code', () => {
    const device = new FakeDevice();
    const cache = new PipelineCache(device);
    const a = cache.get('k', GOOD, 'main', { N: 1 });
    expect(cache.get('k', GOOD, 'main', { N: 1 })).toBe(a);
    expect(cache.get('k', GOOD, 'main', { N: 2 })).not.toBe(a);
    expect(cache.get('k', GOOD, 'other')).not.toBe(a);
    expect(device.pipelines).toHaveLength(3);
    expect(device.modules).toHaveLength(1);
    expect(device.pipelines[0].compute.constants).toEqual({ N: 1 });
    expect(device.pipelines[0].label).toBe('k');
  });

  it('checks creation inside its own balanced validation scope', async () => {
    const device = new FakeDevice();
    const cache = new PipelineCache(device);
    cache.get('k', GOOD);
    expect(device.scopeDepth).toBe(0);
    await expect(cache.verify('k')).resolves.toBeUndefined();
  });

  it('reports a WGSL error as GpuKernelError naming the kernel, with line and source', async () => {
    const cache = new PipelineCache(new FakeDevice({ compile: badCompiler }));
    cache.get('reduce/bad', BAD);
    const error = await cache.verify('reduce/bad').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GpuKernelError);
    const kernelError = error as GpuKernelError;
    expect(kernelError.kernel).toBe('reduce/bad');
    expect(kernelError.failure).toBe('compilation');
    expect(kernelError.message).toContain('GPU kernel "reduce/bad" failed to compile');
    expect(kernelError.message).toContain("line 3:21: unresolved value 'x'");
    expect(kernelError.message).toContain('3 | fn main() { let y = x + 1; }');
  });

  it('throws at once for a pipeline already known to be broken', async () => {
    const cache = new PipelineCache(new FakeDevice({ compile: badCompiler }));
    cache.get('first', BAD);
    await cache.verify('first').catch(() => undefined);
    expect(() => cache.get('second', BAD)).toThrow(/GPU kernel "second" failed to compile/);
  });

  it("does not blame one kernel for another's compile error", async () => {
    const cache = new PipelineCache(new FakeDevice({ compile: badCompiler }));
    cache.get('broken', BAD);
    cache.get('fine', GOOD);
    await expect(cache.verify('fine')).resolves.toBeUndefined();
    await expect(cache.verify('broken')).rejects.toThrow(GpuKernelError);
  });

  it('reports pipeline-creation validation errors without compile messages', async () => {
    const device = new FakeDevice();
    device.createComputePipeline = (desc) => {
      device.raise('validation', 'Entry point "nope" does not exist');
      return { label: desc.label ?? '' } as GPUComputePipeline;
    };
    const cache = new PipelineCache(device);
    cache.get('k', GOOD, 'nope');
    await expect(cache.verify('k')).rejects.toThrow(/"k" failed to compile: Entry point "nope"/);
  });
});

describe('formatCompilationErrors', () => {
  it('ignores warnings and keeps messages without a line', () => {
    const msgs = [
      { type: 'warning', message: 'unused', lineNum: 1, linePos: 1 },
      { type: 'error', message: 'generic failure', lineNum: 0, linePos: 0 },
    ] as GPUCompilationMessage[];
    expect(formatCompilationErrors('a\nb', msgs)).toBe('generic failure');
    expect(formatCompilationErrors('a', [msgs[0]])).toBeNull();
  });
});

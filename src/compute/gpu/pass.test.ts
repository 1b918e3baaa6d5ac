import { describe, expect, it } from 'vitest';
import { GpuContext } from './context';
import { FakeDevice } from './fake-device';
import { encodePass } from './pass';

/** A context on the fake device that records bind groups, and an encoder that records the pass. */
function recording() {
  const device = new FakeDevice({ limits: { maxComputeWorkgroupsPerDimension: 100 } });
  const groups: GPUBindGroupDescriptor[] = [];
  Object.assign(device, { createBindGroup: (d: GPUBindGroupDescriptor) => (groups.push(d), { label: d.label }) });
  const ctx = new GpuContext(device.asDevice(), 'fake adapter', { onUncapturedError: () => {} });
  const calls: unknown[][] = [];
  const pass = {
    setPipeline: (p: unknown) => calls.push(['pipeline', p]),
    setBindGroup: (i: number, g: { label: string }) => calls.push(['group', i, g.label]),
    dispatchWorkgroups: (x: number, y: number) => calls.push(['dispatch', x, y]),
    end: () => calls.push(['end']),
  };
  const encoder = { beginComputePass: (d: GPUComputePassDescriptor) => (calls.push(['begin', d.label]), pass) };
  return { ctx, groups, calls, encoder: encoder as unknown as GPUCommandEncoder };
}

const pipeline = { getBindGroupLayout: (i: number) => ({ layout: i }) } as unknown as GPUComputePipeline;
const buffer = (label: string) => ({ label }) as unknown as GPUBuffer;

describe('encodePass', () => {
  it('binds group 0 by binding number and dispatches on the 2-D grid', () => {
    const { ctx, groups, calls, encoder } = recording();
    const a = { buffer: buffer('a'), size: 16 };
    const c = { buffer: buffer('c'), offset: 256 };
    encodePass(ctx, encoder, { label: 'k', pipeline, bindings: { 0: a, 3: c }, workgroups: 250 });
    expect(groups).toEqual([{ label: 'k', layout: { layout: 0 }, entries: [{ binding: 0, resource: a }, { binding: 3, resource: c }] }]);
    expect(calls).toEqual([['begin', 'k'], ['pipeline', pipeline], ['group', 0, 'k'], ['dispatch', 84, 3], ['end']]);
  });

  it('takes an array as bindings 0, 1, 2, … and launches nothing for no workgroups', () => {
    const { ctx, groups, calls, encoder } = recording();
    const bindings = [{ buffer: buffer('p') }, { buffer: buffer('x') }];
    encodePass(ctx, encoder, { label: 'empty', pipeline, bindings, workgroups: 0 });
    expect(groups[0].entries).toEqual([{ binding: 0, resource: bindings[0] }, { binding: 1, resource: bindings[1] }]);
    expect(calls.some((c) => c[0] === 'dispatch')).toBe(false);
    expect(calls.at(-1)).toEqual(['end']);
  });
});

/** The GPU context of kernel tests (Dawn in Node), and a suite helper that skips without one. */
import { afterAll, describe, it } from 'vitest';
import { GpuContext } from './context';
import { createNodeGpu, lastNodeGpuError } from './node-gpu';

let opened: Promise<GpuContext | null> | null = null;
let skipReason: string | null = null;

/** One context per test process (per file under Vitest's isolation); null when there is no adapter. */
export function getTestGpu(): Promise<GpuContext | null> {
  opened ??= open();
  return opened;
}

/** Why getTestGpu() gave null. */
export function testGpuSkipReason(): string | null {
  return skipReason;
}

/** Destroys the shared context so that Node can exit; the next getTestGpu() opens a new one. */
export async function releaseTestGpu(): Promise<void> {
  const ctx = await opened;
  opened = null;
  ctx?.destroy();
}

/**
 * `describe(name, …)` with the test context, or one skipped test whose name says why when there
 * is no adapter. Call at the top level of a test file: `await describeGpu('…', (ctx) => { … })`.
 */
export async function describeGpu(name: string, body: (ctx: GpuContext) => void): Promise<void> {
  const ctx = await getTestGpu();
  if (!ctx) {
    describe(name, () => {
      it.skip(`skipped: no WebGPU adapter. ${skipReason}`, () => {});
    });
    return;
  }
  afterAll(releaseTestGpu);
  describe(`${name} [${ctx.adapterName}]`, () => body(ctx));
}

async function open(): Promise<GpuContext | null> {
  const gpu = await createNodeGpu();
  if (!gpu) {
    skipReason = lastNodeGpuError();
    return null;
  }
  try {
    return await GpuContext.create(gpu, { label: 'lucid-test' });
  } catch (error) {
    skipReason = error instanceof Error ? error.message : String(error);
    return null;
  }
}

/** The compute backend of a CLI run: the CPU (TypeScript twins) or WebGPU through Dawn in Node. */
import { GpuContext } from '../compute/gpu/context';
import { createNodeGpu, lastNodeGpuError } from '../compute/gpu/node-gpu';
import { CliError } from './errors';

export type CliBackendChoice = 'cpu' | 'webgpu';
export const BACKEND_CHOICES: readonly CliBackendChoice[] = ['cpu', 'webgpu'];

export interface CliBackend {
  kind: CliBackendChoice;
  /** 'cpu' or the adapter's name. */
  name: string;
  ctx: GpuContext | null;
  close(): void;
}

export async function openBackend(choice: CliBackendChoice): Promise<CliBackend> {
  if (choice === 'cpu') return { kind: 'cpu', name: 'cpu', ctx: null, close: () => {} };
  const gpu = await createNodeGpu();
  if (!gpu) throw new CliError(`--backend webgpu: no WebGPU adapter is available. ${lastNodeGpuError() ?? ''}`.trim());
  let ctx: GpuContext;
  try {
    ctx = await GpuContext.create(gpu, { label: 'lucid-cli' });
  } catch (e) {
    throw new CliError(`--backend webgpu: ${(e as Error).message}`);
  }
  return { kind: 'webgpu', name: ctx.adapterName, ctx, close: () => ctx.destroy() };
}

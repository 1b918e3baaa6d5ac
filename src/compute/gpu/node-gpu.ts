/**
 * WebGPU in Node through Dawn (npm package `webgpu`), for kernel tests and the CLI. Node only:
 * browser code gets `navigator.gpu` instead and must not import this file. The package is loaded
 * with a computed dynamic import so that no bundler follows it.
 */

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

interface DawnModule {
  create(options: string[]): GPU;
  globals: object;
}

let lastError: string | null = null;

/** Why the last `createNodeGpu` call returned null (null after a success). */
export function lastNodeGpuError(): string | null {
  return lastError;
}

/**
 * A Dawn GPU instance that has at least one adapter, or null (reason in `lastNodeGpuError()`).
 * Tries the default Vulkan drivers first; when they give no adapter, VK_ICD_FILENAMES is unset and
 * Chromium's SwiftShader driver is installed, points VK_ICD_FILENAMES at it (Dawn reads it when
 * an instance is created) and tries again. Drop the returned object when done so Node can exit.
 */
export async function createNodeGpu(swiftshaderIcd = SWIFTSHADER_ICD): Promise<GPU | null> {
  lastError = null;
  let dawn: DawnModule;
  try {
    dawn = await loadDawn();
  } catch (cause) {
    lastError = `The npm package "webgpu" (Dawn for Node) could not be loaded: ${cause}`;
    return null;
  }
  installGlobals(dawn.globals);
  const tried = ['the default Vulkan drivers'];
  const first = dawn.create([]);
  if (await hasAdapter(first)) return first;
  const { existsSync } = await import('node:fs');
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(swiftshaderIcd)) {
    process.env.VK_ICD_FILENAMES = swiftshaderIcd;
    tried.push(`SwiftShader (${swiftshaderIcd})`);
    const gpu = dawn.create([]);
    if (await hasAdapter(gpu)) return gpu;
  } else if (process.env.VK_ICD_FILENAMES !== undefined) {
    tried[0] = `VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES}`;
  }
  lastError = `Dawn found no WebGPU adapter (tried ${tried.join(' and ')}). ${await vulkanHint()}`;
  return null;
}

async function loadDawn(): Promise<DawnModule> {
  const name = 'webgpu';
  const mod = (await import(/* @vite-ignore */ name)) as Partial<DawnModule>;
  if (typeof mod.create !== 'function' || typeof mod.globals !== 'object') {
    throw new Error('it does not export create() and globals');
  }
  return mod as DawnModule;
}

/** GPUBufferUsage, GPUMapMode… as globals, as in a browser; existing globals are kept. */
function installGlobals(globals: object): void {
  const target = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(globals)) {
    if (!(name in target)) target[name] = value;
  }
}

async function hasAdapter(gpu: GPU): Promise<boolean> {
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

/** Dawn needs the Vulkan loader; say how to get it when it is missing. */
async function vulkanHint(): Promise<string> {
  if (process.platform !== 'linux') return 'Check the GPU drivers.';
  const { existsSync } = await import('node:fs');
  const dirs = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
  ];
  if (dirs.some((d) => existsSync(`${d}/libvulkan.so.1`))) {
    return 'The Vulkan loader is installed: check the Vulkan drivers (VK_ICD_FILENAMES).';
  }
  return (
    'libvulkan.so.1 (the Vulkan loader) was not found: install it (apt-get install libvulkan1) ' +
    'or start Node with LD_LIBRARY_PATH=/usr/lib/chromium.'
  );
}

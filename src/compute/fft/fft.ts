/**
 * Public API of Lucid's FFT (issue 3). Import from here, not from the implementation files.
 *
 * Layout and conventions
 * - Arrays are 3-D, row-major, `Shape3 = [nz, ny, nx]` (index = (z*ny + y)*nx + x); 1-D and 2-D arrays
 *   use leading 1s: a line of 100 is [1, 1, 100], an image 64×80 is [1, 64, 80].
 * - Complex data is interleaved (re, im) float32: a Float32Array of 2·N on the CPU, an
 *   `array<vec2<f32>>` of 8·N bytes on the GPU.
 * - `axes` lists the transformed axes (0 = z, 1 = y, 2 = x); default all three. Axes of length 1 are
 *   skipped. Other axes are batch axes.
 * - Sign convention as numpy/scipy: forward X[k] = Σ x[j]·e^(−2πi·jk/n), unnormalised; inverse uses
 *   e^(+2πi·jk/n) and is normalised by 1/N (N = product of the transformed lengths), so
 *   inverse(forward(x)) = x.
 * - Real transforms transform all three axes; the half spectrum has shape [nz, ny, nx/2+1]
 *   (`halfShape(shape)`), like `scipy.fft.rfftn`.
 * - Any length ≥ 1 works: 2·3·5·7-smooth lengths by mixed radix, others by Bluestein. For padded
 *   convolutions pick sizes with `nextFastSize(n, backend)` (GPU: 7-smooth; CPU: no factor 7).
 *
 * CPU (reference twin and fallback; synchronous, DOM-free):
 *   planFftCpu(shape: Shape3, axes?: readonly number[]): FftPlanCpu
 *     plan.forward(inout: Float32Array): void      // interleaved, in place, length 2·N
 *     plan.inverse(inout: Float32Array): void      // normalised by 1/N
 *   planRfftCpu(shape: Shape3): RfftPlanCpu
 *     plan.forward(real: Float32Array, half?: Float32Array): Float32Array   // N reals → half spectrum
 *     plan.inverse(half: Float32Array, real?: Float32Array): Float32Array   // half spectrum → N reals; `half` is not modified
 *   rfftnCpu(real: Float32Array, shape: Shape3): Float32Array     // one-shot helpers (plan + run)
 *   irfftnCpu(half: Float32Array, shape: Shape3): Float32Array
 *
 * GPU (WebGPU; plans record passes into the caller's encoder, the caller submits, e.g. inside
 * `ctx.run('name', enc => plan.forward(enc, buf))`):
 *   GpuFftOptions = { maxBindingBytes?: number /* plan for a lower binding limit (tests) *\/; label?: string }
 *   GpuFftPlan.create(ctx: GpuContext, shape: Shape3, axes?: readonly number[], opts?: GpuFftOptions): GpuFftPlan
 *     plan.forward(enc: GPUCommandEncoder, buf: GPUBuffer): void   // vec2<f32> interleaved, in place, 8·N bytes
 *     plan.inverse(enc: GPUCommandEncoder, buf: GPUBuffer): void   // normalised by 1/N
 *     plan.destroy(): void
 *   GpuRfftPlan.create(ctx: GpuContext, shape: Shape3, opts?: GpuFftOptions): GpuRfftPlan
 *     plan.forward(enc, realIn: GPUBuffer /* 4·N bytes *\/, halfOut: GPUBuffer /* 8·Nh bytes *\/): void
 *     plan.inverse(enc, halfIn: GPUBuffer, realOut: GPUBuffer): void   // normalised; halfIn is not modified
 *     plan.destroy(): void
 *   Both keep their scratch buffers (and precomputed twiddle/chirp tables) for their lifetime; buffers
 *   passed in need STORAGE usage (and COPY_SRC for in-place lengths past workgroup memory). Buffers larger than
 *   the device's maxStorageBufferBindingSize (or `opts.maxBindingBytes`) are processed in slabs along
 *   a batch axis where possible; otherwise `create` throws GpuLimitError naming the limit.
 *
 *   nextSmoothSize(n: number): number   // smallest 2·3·5·7-smooth m ≥ n (fast on the GPU)
 *   nextFastSize(n: number, backend: 'cpu' | 'gpu'): number  // fastest size ≥ n per backend (CPU: no factor 7)
 *   isSmoothSize(n: number): boolean
 *   halfShape(shape: Shape3): Shape3     // [nz, ny, floor(nx/2)+1]
 *
 * Errors: FftShapeError (bad shape/axes/array length, user-facing message). GPU limit errors are the
 * runtime's GpuLimitError (src/compute/gpu/errors.ts).
 */

export type { Shape3, FftAxis } from './shape';
export { halfShape, voxelCount3 } from './shape';
export { FftShapeError } from './errors';
export { nextSmoothSize, nextFastSize, isSmoothSize } from './smooth';
export { planFftCpu } from './fft.cpu';
export { planRfftCpu, rfftnCpu, irfftnCpu } from './rfft.cpu';
export type { FftPlanCpu } from './fft.cpu';
export type { RfftPlanCpu } from './rfft.cpu';
export { GpuFftPlan } from './fft.gpu';
export type { GpuFftOptions } from './fft.gpu';
export { GpuRfftPlan } from './rfft.gpu';

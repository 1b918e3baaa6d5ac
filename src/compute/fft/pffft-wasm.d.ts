// Types for @echogarden/pffft-wasm (PFFFT compiled by Emscripten; the package ships no declarations).
declare module '@echogarden/pffft-wasm' {
  export interface PffftWasmModule {
    HEAPF32: Float32Array;
    _pffft_new_setup(n: number, transform: number): number;
    _pffft_destroy_setup(setup: number): void;
    _pffft_transform_ordered(setup: number, input: number, output: number, work: number, direction: number): void;
    _pffft_transform(setup: number, input: number, output: number, work: number, direction: number): void;
    _pffft_zconvolve_accumulate(setup: number, dftA: number, dftB: number, dftAB: number, scaling: number): void;
    _pffft_aligned_malloc(bytes: number): number;
    _pffft_aligned_free(ptr: number): void;
    _pffft_simd_size(): number;
  }
  const createPffft: (moduleArg?: object) => Promise<PffftWasmModule>;
  export default createPffft;
}

declare module '@echogarden/pffft-wasm/simd' {
  import type { PffftWasmModule } from '@echogarden/pffft-wasm';
  const createPffft: (moduleArg?: object) => Promise<PffftWasmModule>;
  export default createPffft;
}

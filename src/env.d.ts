// WGSL sources are imported as strings (see wgslText in vite.config.ts and scripts/run-ts.mjs).
declare module '*.wgsl' {
  const source: string;
  export default source;
}

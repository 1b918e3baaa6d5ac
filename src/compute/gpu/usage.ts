/**
 * WebGPU flag values from the specification, so that code (and tests with fake devices) need not
 * rely on the `GPUBufferUsage` / `GPUMapMode` globals, which Node only has once dawn.node is loaded.
 */
export const BufferUsage = {
  MAP_READ: 0x0001,
  MAP_WRITE: 0x0002,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  INDEX: 0x0010,
  VERTEX: 0x0020,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
  INDIRECT: 0x0100,
  QUERY_RESOLVE: 0x0200,
} as const;

export const MapMode = { READ: 0x0001, WRITE: 0x0002 } as const;

/** Buffer sizes must be multiples of 4 for copies and mapping. */
export function align4(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}

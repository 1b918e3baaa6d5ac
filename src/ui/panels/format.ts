/** Number and quantity formatting for the panels. */
import type { VoxelSize } from '../../compute/io/volume';
import { normaliseUnit } from '../render/scale-bar';

/** Integers as they are; other values with 5 significant digits; NaN as "NaN". */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return '…';
  if (Number.isNaN(v)) return 'NaN';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(3);
  return Number(v.toPrecision(5)).toString();
}

/** Physical size of one axis step, or null when the file does not say. */
export function physicalStep(voxelSize: VoxelSize, axis: 'z' | 'y' | 'x'): number | null {
  const v = voxelSize[axis];
  return v !== null && Number.isFinite(v) && v > 0 ? v : null;
}

/** "z 1.25 µm" style position of a voxel index along an axis, or "—" when the size is unknown. */
export function formatPosition(index: number, voxelSize: VoxelSize, axis: 'z' | 'y' | 'x'): string {
  const step = physicalStep(voxelSize, axis);
  if (step === null) return '—';
  const unit = normaliseUnit(voxelSize.unit) ?? '';
  return `${Number((index * step).toPrecision(4))} ${unit}`.trim();
}

/** "0.5 × 0.1 × 0.1 µm" (z × y × x) or "unknown". */
export function formatVoxelSize(v: VoxelSize): string {
  const parts = [v.z, v.y, v.x].map((s) => (s !== null && Number.isFinite(s) && s > 0 ? String(Number(s.toPrecision(4))) : '?'));
  if (parts.every((p) => p === '?')) return 'voxel size unknown';
  return `${parts.join(' × ')} ${normaliseUnit(v.unit) ?? ''}`.trim();
}

export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

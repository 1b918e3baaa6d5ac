/**
 * What the fit mode keeps outside the store (lists, not voxels, but too big to diff on every
 * change): the session's particles, the featuring preview and the error-versus-time trace. Each
 * change bumps `markersVersion` in the store so that views and tables redraw.
 */
import type { ParticleRow, Vec3 } from '../../workers/protocol';
import type { LucidStore } from '../store';

export interface TracePoint {
  ms: number;
  error: number;
  stage: string;
}

export interface Preview {
  /** Centres in crop pixels. */
  pos: Vec3[];
  radius: number;
  /** The crop's origin in the volume. */
  origin: Vec3;
  /** Markers were added or removed by hand (OrthoPrefeature's A / R). */
  edited?: boolean;
}

let particles: ParticleRow[] = [];
let preview: Preview | null = null;
let trace: TracePoint[] = [];

export function cachedParticles(): readonly ParticleRow[] {
  return particles;
}

export function featurePreview(): Preview | null {
  return preview;
}

export function fitTrace(): readonly TracePoint[] {
  return trace;
}

export function setCachedParticles(store: LucidStore, list: ParticleRow[]): void {
  particles = list;
  store.getState().bumpMarkers();
}

export function setFeaturePreview(store: LucidStore, p: Preview | null): void {
  preview = p;
  store.getState().bumpMarkers();
}

export function setFitTrace(store: LucidStore, t: TracePoint[]): void {
  trace = t;
  store.getState().bumpMarkers();
}

export function particleById(id: number | null): ParticleRow | null {
  return id === null ? null : (particles.find((p) => p.id === id) ?? null);
}

/**
 * Undo/redo of particle edits. Particles carry stable ids (PERI renumbers `sph-k-*` after a
 * removal, and an undone removal comes back at the end of the list), so every recorded operation
 * names its particle by id and is re-targeted to the current index when it is replayed.
 */
import { EngineError } from './errors';
import type { Vec3 } from './peri-session-types';

export type ParticleOp =
  | { kind: 'add'; id: number; pos: Vec3; rad: number }
  | { kind: 'remove'; id: number; pos: Vec3; rad: number }
  | { kind: 'move'; id: number; from: Vec3; to: Vec3 }
  | { kind: 'resize'; id: number; from: number; to: number };

export interface HistoryEntry {
  label: string;
  op: ParticleOp;
  /** Consecutive entries with the same key (one grab drag, one wheel burst) make one undo step. */
  merge?: string;
}

export const MAX_HISTORY = 500;

export function inverseOp(op: ParticleOp): ParticleOp {
  switch (op.kind) {
    case 'add': return { ...op, kind: 'remove' };
    case 'remove': return { ...op, kind: 'add' };
    case 'move': return { ...op, from: op.to, to: op.from };
    case 'resize': return { ...op, from: op.to, to: op.from };
  }
}

export class EditHistory {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];

  /** Records an applied edit; a new edit drops what was undone. */
  record(entry: HistoryEntry): void {
    this.undone = [];
    const last = this.done.at(-1);
    if (entry.merge && last?.merge === entry.merge && last.op.kind === entry.op.kind && last.op.id === entry.op.id) {
      if ((last.op.kind === 'move' && entry.op.kind === 'move') || (last.op.kind === 'resize' && entry.op.kind === 'resize')) {
        (last.op as { to: unknown }).to = entry.op.to;
        return;
      }
    }
    this.done.push(entry);
    if (this.done.length > MAX_HISTORY) this.done.shift();
  }

  /** The entry to undo (moved to the redo stack), or null. */
  takeUndo(): HistoryEntry | null {
    const e = this.done.pop() ?? null;
    if (e) this.undone.push(e);
    return e;
  }

  takeRedo(): HistoryEntry | null {
    const e = this.undone.pop() ?? null;
    if (e) this.done.push(e);
    return e;
  }

  /** Puts back an entry whose replay failed, so the stacks still match the state. */
  restoreUndo(e: HistoryEntry): void {
    this.undone = this.undone.filter((x) => x !== e);
    this.done.push(e);
  }

  restoreRedo(e: HistoryEntry): void {
    this.done = this.done.filter((x) => x !== e);
    this.undone.push(e);
  }

  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/** Stable particle ids in PERI's particle order. */
export class ParticleIds {
  private ids: number[];
  private next: number;

  constructor(count: number) {
    this.ids = Array.from({ length: count }, (_, i) => i + 1);
    this.next = count + 1;
  }

  get list(): readonly number[] {
    return this.ids;
  }

  indexOf(id: number): number {
    const i = this.ids.indexOf(id);
    if (i < 0) throw new EngineError('unknown-particle', `There is no particle #${id} (it was removed).`);
    return i;
  }

  idAt(index: number): number {
    return this.ids[index];
  }

  /** A fresh id, or `id` again when an undo brings a particle back. */
  append(id?: number): number {
    const value = id ?? this.next++;
    this.ids.push(value);
    return value;
  }

  removeAt(index: number): void {
    this.ids.splice(index, 1);
  }

  /** After a change the ids cannot follow (a fit that added and removed particles). */
  reset(count: number): void {
    this.ids = Array.from({ length: count }, () => this.next++);
  }
}

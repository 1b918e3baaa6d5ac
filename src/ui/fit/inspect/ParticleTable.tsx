import { useState } from 'react';
import type { ParticleRow } from '../../../workers/protocol';
import { lucidStore, useLucid } from '../../store';
import { cachedParticles } from '../fit-cache';

type Key = 'id' | 'z' | 'y' | 'x' | 'a' | 'inImage';
const COLUMNS: readonly { key: Key; label: string }[] = [
  { key: 'id', label: 'id' }, { key: 'z', label: 'z' }, { key: 'y', label: 'y' }, { key: 'x', label: 'x' },
  { key: 'a', label: 'radius' }, { key: 'inImage', label: 'in image' },
];

const f = (v: number) => v.toFixed(2);
const err = (v: number | null | undefined) => (v == null ? '' : ` ±${v.toPrecision(2)}`);

function sorted(rows: readonly ParticleRow[], key: Key, asc: boolean): ParticleRow[] {
  const s = [...rows].sort((p, q) => Number(p[key]) - Number(q[key]) || p.id - q.id);
  return asc ? s : s.reverse();
}

/** Particles (crop pixels + crop origin = image pixels), sortable; a click centres the views on one. */
export function ParticleTable() {
  useLucid((s) => s.markersVersion);
  const info = useLucid((s) => s.session);
  const selected = useLucid((s) => s.selectedParticle);
  const [sort, setSort] = useState<{ key: Key; asc: boolean }>({ key: 'id', asc: true });
  if (!info) return null;
  const o = info.crop.l;
  const centre = (p: ParticleRow) => {
    lucidStore.getState().selectParticle(p.id);
    lucidStore.getState().setCursor({ z: Math.round(p.z + o[0]), y: Math.round(p.y + o[1]), x: Math.round(p.x + o[2]) });
  };
  const rows = sorted(cachedParticles(), sort.key, sort.asc);
  return (
    <div className="particle-table-wrap">
      <table className="particle-table" data-testid="particle-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => setSort({ key: c.key, asc: sort.key === c.key ? !sort.asc : true })}>
                  {c.label}{sort.key === c.key ? (sort.asc ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className={p.id === selected ? 'selected' : ''} onClick={() => centre(p)} data-testid="particle-row">
              <td>{p.id}</td>
              <td>{f(p.z + o[0])}{err(p.errors?.z)}</td>
              <td>{f(p.y + o[1])}{err(p.errors?.y)}</td>
              <td>{f(p.x + o[2])}{err(p.errors?.x)}</td>
              <td>{f(p.a)}{err(p.errors?.a)}</td>
              <td>{p.inImage ? '✓' : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

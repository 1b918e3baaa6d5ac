import { useEffect, useState } from 'react';
import type { ParamRow } from '../../../workers/protocol';
import { getEngine } from '../../engine/engine';
import { lucidStore, useLucid } from '../../store';
import { errorText, setParams } from '../session-actions';

const LIMIT = 300;

/** Every parameter under its PERI name, editable (Enter or leaving the field applies the value). */
export function ParamTable() {
  const info = useLucid((s) => s.session);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<ParamRow[]>([]);
  const [filter, setFilter] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !info) return;
    let live = true;
    getEngine().periParams(info.sessionId).then((r) => live && setRows(r), (err: unknown) => live && setProblem(errorText(err)));
    return () => void (live = false);
  }, [open, info?.sessionId, info?.version]);

  if (!info) return null;
  const apply = (name: string, text: string, old: number) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return setProblem(`${name}: "${text}" is not a number.`);
    setProblem(null);
    if (v !== old) void setParams(lucidStore, [name], [v]);
  };
  const shown = rows.filter((r) => r.name.includes(filter.trim())).slice(0, LIMIT);
  return (
    <details className="panel" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary><h2 className="inline">Parameters ({info.paramCount})</h2></summary>
      <input type="text" placeholder="filter, e.g. ilm- or sph-3-" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter parameters" />
      {problem && <p className="field-error">{problem}</p>}
      <table className="param-table" data-testid="param-table">
        <thead><tr><th>name</th><th>value</th><th>±</th></tr></thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.name}|${r.value}`}>
              <th>{r.name}</th>
              <td>
                <input type="text" inputMode="decimal" defaultValue={String(Number(r.value.toPrecision(8)))} aria-label={r.name}
                  onBlur={(e) => apply(r.name, e.target.value, Number(r.value.toPrecision(8)))}
                  onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
              </td>
              <td>{r.error === null ? '' : r.error.toPrecision(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="hint">{rows.length - shown.length} more: narrow the filter.</p>}
    </details>
  );
}

/** Exports from the engine saved as downloads (a Blob behind a temporary link). */
import type { PeriExportKind } from '../../workers/protocol';
import { getEngine } from '../engine/engine';
import type { LucidStore } from '../store';
import { report } from './session-actions';

export function download(fileName: string, mime: string, content: string | ArrayBuffer): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function exportFile(store: LucidStore, kind: PeriExportKind, component?: string): Promise<void> {
  const s = store.getState().session;
  if (!s) return;
  try {
    const f = await getEngine().periExport({ sessionId: s.sessionId, kind, component });
    download(f.fileName, f.mime, f.text ?? f.bytes ?? '');
  } catch (err) {
    report(store, 'The export failed', err);
  }
}

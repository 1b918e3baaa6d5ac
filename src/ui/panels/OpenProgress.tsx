import { cancelOpen } from '../engine/open-volume';
import { useLucid } from '../store';

/** Progress of the file being opened, with Cancel. */
export function OpenProgress() {
  const progress = useLucid((s) => s.progress);
  if (!progress) return null;
  const pct = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return (
    <div className="progress" data-testid="progress" role="status">
      <span className="progress-label">{progress.label}{progress.stage ? ` — ${progress.stage}` : ''}</span>
      <progress max={100} value={pct ?? undefined} />
      <button type="button" data-testid="cancel-open" onClick={cancelOpen}>Cancel</button>
    </div>
  );
}

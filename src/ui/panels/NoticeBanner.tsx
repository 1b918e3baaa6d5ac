import { useEffect } from 'react';
import { useLucid } from '../store';
import type { Notice } from '../store/status-slice';

const INFO_LIFETIME_MS = 6000;

function NoticeLine({ notice, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const t = setTimeout(() => dismiss(notice.id), INFO_LIFETIME_MS);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  const testId = notice.kind === 'error' ? 'error-banner' : `${notice.kind}-banner`;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="notice-message">{notice.message}</span>
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>×</button>
    </div>
  );
}

/** Errors, warnings and infos; errors and warnings stay until dismissed, infos fade out. */
export function NoticeBanner() {
  const notices = useLucid((s) => s.notices);
  const dismiss = useLucid((s) => s.dismiss);
  // The container stays when empty: it is a row of the app grid.
  return (
    <div className="notices">
      {notices.map((n) => <NoticeLine key={n.id} notice={n} dismiss={dismiss} />)}
    </div>
  );
}

import { lucidStore, useLucid } from '../store';
import { discardSaved, restoreSaved } from './autosave';

/** Offers the session saved in the browser before a reload or a crash. */
export function RestoreBanner() {
  const offer = useLucid((s) => s.restoreOffer);
  if (!offer) return null;
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <div className="notice notice-info" role="status" data-testid="restore-banner">
      <span className="notice-message">
        A fitting session of {offer.name} ({offer.particles} particles) was saved {when}. Restore it?
      </span>
      <button type="button" className="primary" data-testid="restore-session" onClick={() => void restoreSaved(lucidStore)}>Restore</button>
      <button type="button" data-testid="discard-session" onClick={() => void discardSaved(lucidStore)}>Discard</button>
    </div>
  );
}

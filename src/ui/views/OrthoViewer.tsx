import { useLucid } from '../store';
import { ReadoutPanel } from '../panels/ReadoutPanel';
import { SliceView } from './SliceView';

/**
 * Three linked views laid out as Fiji's orthogonal views: xy top left, yz to its right (sharing y),
 * xz below it (sharing x); the fourth cell holds the readout. Space switches to xy alone.
 */
export function OrthoViewer() {
  const layout = useLucid((s) => s.layout);
  const hasVolume = useLucid((s) => s.volume !== null);
  const opening = useLucid((s) => s.progress !== null);

  return (
    <main className={`ortho ortho-${layout}`} data-testid="ortho-viewer">
      <SliceView plane="xy" />
      {layout === 'ortho' && <SliceView plane="yz" />}
      {layout === 'ortho' && <SliceView plane="xz" />}
      {layout === 'ortho' && (
        <div className="ortho-corner">
          <ReadoutPanel />
        </div>
      )}
      {!hasVolume && (
        <div className="empty-state">
          {opening ? 'Opening…' : 'No volume open. Use “Open TIFF…” or drop a .tif file on the window.'}
        </div>
      )}
    </main>
  );
}

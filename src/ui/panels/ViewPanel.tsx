import { useLucid } from '../store';

/** View toggles, mirroring the keyboard shortcuts shown in brackets. */
export function ViewPanel() {
  const showScaleBar = useLucid((s) => s.showScaleBar);
  const showCrosshair = useLucid((s) => s.showCrosshair);
  const layout = useLucid((s) => s.layout);
  const resetView = useLucid((s) => s.resetView);
  const toggleScaleBar = useLucid((s) => s.toggleScaleBar);
  const toggleCrosshair = useLucid((s) => s.toggleCrosshair);
  const toggleLayout = useLucid((s) => s.toggleLayout);
  return (
    <section className="panel view-panel" aria-label="View">
      <h2>View</h2>
      <div className="toggles">
        <button type="button" onClick={() => resetView()} title="Reset zoom and pan (r)">Reset view</button>
        <button type="button" aria-pressed={showScaleBar} onClick={toggleScaleBar} title="Scale bar (b)">Scale bar</button>
        <button type="button" aria-pressed={showCrosshair} onClick={toggleCrosshair} title="Crosshair (a)">Crosshair</button>
        <button type="button" onClick={toggleLayout} title="Three views or xy only (Space)">
          {layout === 'ortho' ? 'Show xy only' : 'Show three views'}
        </button>
      </div>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import type { Plane } from '../../../compute/engine/types';
import { getEngine } from '../../engine/engine';
import { lucidStore, useLucid } from '../../store';
import { AXIS_COLOURS } from '../../views/overlays';
import { PLANE_AXES } from '../../render/plane-geometry';
import { attachManipulatorView } from '../manipulator-controller';
import { manipulatorDisplay } from '../manipulator-view';

function Pane({ plane }: { plane: Plane }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    return attachManipulatorView(canvas.current, plane, lucidStore, getEngine());
  }, [plane]);
  return (
    <div className="slice-view" data-testid={`manip-${plane}`} style={{ borderColor: AXIS_COLOURS[PLANE_AXES[plane].index] }}>
      <canvas ref={canvas} className="slice-canvas" aria-label={`${plane} view of the fit`} />
      <div className="view-title"><span className="plane-name">{plane}</span></div>
    </div>
  );
}

/** PERI's OrthoManipulator right-hand set: model | residuals | a component, or their Fourier view. */
export function ManipulatorViewer() {
  const label = useLucid((s) => (s.session ? manipulatorDisplay(s, s.session).label : ''));
  const mode = useLucid((s) => s.mouseMode);
  return (
    <div className="ortho ortho-ortho manipulator" data-testid="manipulator">
      <Pane plane="xy" />
      <Pane plane="yz" />
      <Pane plane="xz" />
      <div className="ortho-corner manip-legend">
        <p data-testid="manipulator-mode">{label}</p>
        <p className="hint">mouse: <b data-testid="mouse-mode">{mode}</b></p>
        <p className="hint">q view · c component · w Fourier</p>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import type { Plane } from '../../compute/engine/types';
import { getEngine } from '../engine/engine';
import { PLANE_AXES, sliceCount, sliceIndex } from '../render/plane-geometry';
import { lucidStore, useLucid } from '../store';
import { AXIS_COLOURS } from './overlays';
import { attachSliceView } from './slice-view-controller';

/** One orthogonal view: a canvas driven by the slice-view controller, and its title. */
export function SliceView({ plane }: { plane: Plane }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const shape = useLucid((s) => s.volume?.shape ?? null);
  const index = useLucid((s) => sliceIndex(plane, s.cursor));
  const axis = PLANE_AXES[plane].index;

  useEffect(() => {
    if (!canvas.current) return;
    return attachSliceView(canvas.current, plane, lucidStore, getEngine());
  }, [plane]);

  return (
    <div className="slice-view" data-testid={`view-${plane}`} style={{ borderColor: AXIS_COLOURS[axis] }}>
      <canvas ref={canvas} className="slice-canvas" aria-label={`${plane} view`} />
      <div className="view-title">
        <span className="plane-name">{plane}</span>
        {shape && (
          <span className="plane-index" data-testid={`index-${plane}`}>
            {axis} {index} / {sliceCount(plane, shape) - 1}
          </span>
        )}
      </div>
    </div>
  );
}

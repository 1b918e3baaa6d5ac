/** Picks the GPU line transform for a length: workgroup memory, multi-pass, or Bluestein. */
import { BluesteinLineFft, bluesteinPaddedLength } from './bluestein.gpu';
import { lineLayout, WorkgroupLineFft } from './fft-line.gpu';
import { MultipassLineFft } from './fft-stage.gpu';
import type { LineGeometry, LineTransformGpu } from './line.gpu';
import type { PlanResources } from './resources.gpu';
import { isSmoothSize } from './smooth';

export type LineStrategy = 'workgroup' | 'multipass' | 'bluestein';

export function lineStrategy(limits: GPUSupportedLimits, n: number): LineStrategy {
  if (!isSmoothSize(n)) return 'bluestein';
  return lineLayout(limits, n, 1) ? 'workgroup' : 'multipass';
}

/** A transform of the lines `g` (inverse multiplied by `inverseScale`). */
export function createLineTransform(res: PlanResources, g: LineGeometry, inverseScale: number): LineTransformGpu {
  const limits = res.ctx.limits;
  switch (lineStrategy(limits, g.n)) {
    case 'workgroup':
      return new WorkgroupLineFft(res, g, lineLayout(limits, g.n, g.count)!, inverseScale);
    case 'multipass':
      return new MultipassLineFft(res, g, inverseScale);
    case 'bluestein': {
      const m = bluesteinPaddedLength(g.n);
      const padded = createLineTransform(res, { n: m, count: g.count, inner: 1 }, 1);
      return new BluesteinLineFft(res, g, m, padded, inverseScale);
    }
  }
}

import { useEffect, useRef, useState } from 'react';
import { getEngine } from '../../engine/engine';
import { useLucid } from '../../store';
import { cachedParticles } from '../fit-cache';
import { errorText } from '../session-actions';
import { FitScene } from '../three-scene';

/** three.js view of the fit: spheres, slab, box and the data's maximum-intensity projection. */
export default function ThreeView() {
  const host = useRef<HTMLDivElement>(null);
  const scene = useRef<FitScene | null>(null);
  const info = useLucid((s) => s.session);
  const markers = useLucid((s) => s.markersVersion);
  const [problem, setProblem] = useState<string | null>(null);
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (!host.current || !info) return;
    let fs: FitScene;
    try {
      fs = new FitScene(host.current);
    } catch (err) {
      setProblem(`The 3-D view needs WebGL: ${errorText(err)}`);
      return;
    }
    scene.current = fs;
    fs.setBox(info.shape, info.zscale ?? 1);
    const ro = new ResizeObserver(() => fs.resize());
    ro.observe(host.current);
    getEngine().periProjection(info.sessionId, 'data', 'z').then((p) => {
      fs.setMip(p, info.dataRange[0], info.dataRange[1]);
      fs.render();
    }, (err: unknown) => setProblem(errorText(err)));
    return () => {
      ro.disconnect();
      fs.dispose();
      scene.current = null;
    };
  }, [info?.sessionId]);

  useEffect(() => {
    const fs = scene.current;
    if (!fs || !info) return;
    fs.setParticles(cachedParticles());
    setCount(fs.count);
    let live = true;
    getEngine().periParams(info.sessionId).then((rows) => {
      if (!live) return;
      const v = (n: string) => rows.find((r) => r.name === n)?.value;
      const zpos = v('slab-zpos');
      fs.setSlab(zpos === undefined ? null : { zpos, theta: v('slab-theta') ?? 0, phi: v('slab-phi') ?? 0 });
      fs.render();
    }, () => fs.render());
    return () => void (live = false);
  }, [markers, info?.version]);

  return (
    <div className="three-view" data-testid="three-view" data-spheres={count}>
      <div ref={host} className="three-host" />
      {problem && <p className="field-error">{problem}</p>}
      <p className="hint three-legend">{count} spheres · drag to rotate, wheel to zoom · floor: MIP of the data</p>
    </div>
  );
}

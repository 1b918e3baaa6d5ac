import { describe, expect, it } from 'vitest';
import { createState, rawImage } from '../peri/state';
import { fourierMagnitudeView } from '../peri/inspect/fourier-view';
import { EngineError } from './errors';
import { createArgs, engineWithVolume, smallConfig, SMALL_SHAPE } from './peri-session.fixtures';
import { extractSlice } from './slices';
import type { Vec3 } from './peri-session-types';

function code(c: string, message?: RegExp) {
  return (e: unknown) => e instanceof EngineError && e.code === c && (!message || message.test(e.message));
}

async function session() {
  const { engine, volumeId, data } = await engineWithVolume();
  const info = await engine.peri.create(createArgs(volumeId));
  return { engine, volumeId, data, info, s: engine.peri.get(info.sessionId) };
}

describe('PeriSession: state and views', () => {
  it('builds the same state as createState on the scaled image', async () => {
    const { data, info, s } = await session();
    const ref = createState(smallConfig(), rawImage({ data, shape: SMALL_SHAPE }, { exposure: [0, 1] }));
    expect(info).toMatchObject({ shape: SMALL_SHAPE, crop: { l: [0, 0, 0], r: SMALL_SHAPE }, particleCount: 5, model: ref.imageModel.name, paramCount: ref.params.length });
    expect(info.error).toBeCloseTo(ref.error, 6);
    expect(info.components.filter((c) => c.hasField).map((c) => c.category)).toEqual(['obj', 'ilm', 'bkg']);
    expect(info.components.map((c) => c.className)).toEqual([
      'ComponentCollection(PlatonicSpheresCollection + Slab)', 'LegendrePoly2P1D', 'LegendrePoly2P1D', 'GlobalScalar', 'AnisotropicGaussianXYZ',
    ]);
    expect(s.particles().particles.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('slices data, model, residuals, a component and the Fourier view of the state', async () => {
    const { s } = await session();
    const st = s.state;
    const vol = { shape: st.ishape.shape };
    expect(Array.from(s.slice({ kind: 'model' }, 'xz', 4).data)).toEqual(Array.from(extractSlice({ ...vol, data: st.model }, 'xz', 4).data));
    expect(Array.from(s.slice({ kind: 'residuals' }, 'yz', 7).data)).toEqual(Array.from(extractSlice({ ...vol, data: st.residuals }, 'yz', 7).data));
    const ilm = s.slice({ kind: 'component', component: 'ilm' }, 'xy', 3);
    expect(ilm.range[0]).toBeLessThanOrEqual(Math.min(...ilm.data));
    const k = fourierMagnitudeView(st.residuals, st.ishape.shape);
    expect(Array.from(s.slice({ kind: 'residuals', fourier: true }, 'xy', 7).data)).toEqual(Array.from(extractSlice({ ...vol, data: k }, 'xy', 7).data));
    expect(() => s.slice({ kind: 'component', component: 'psf' }, 'xy', 0)).toThrow(/no field component "psf"; it has obj, ilm, bkg/);
  });

  it('examines the noise of the residuals and projects the data', async () => {
    const { s } = await session();
    const n = s.noise({ bins: 50 });
    expect(n.real.density).toHaveLength(50);
    expect(n.rms.real).toBeCloseTo(Math.sqrt(s.state.error / s.state.npix), 6);
    const p = s.projection('data', 'z');
    expect([p.width, p.height]).toEqual([SMALL_SHAPE[2], SMALL_SHAPE[1]]);
  });
});

describe('PeriSession: particle edits with undo and redo', () => {
  it('adds at the mean radius, removes, and undoes/redoes with stable ids', async () => {
    const { s } = await session();
    const before = s.particles().particles;
    const meanA = before.reduce((t, p) => t + p.a, 0) / before.length;
    const added = s.edit({ type: 'add', pos: [7, 11, 12] });
    expect(added.id).toBe(6);
    expect(added.info.particleCount).toBe(6);
    expect(s.particles().particles.at(-1)).toMatchObject({ id: 6, z: 7, y: 11, x: 12, a: meanA });
    const removed = s.edit({ type: 'remove', id: 2 });
    expect(removed.info.particleCount).toBe(5);
    expect(removed.info.undo).toBe('remove particle #2');
    const errRemoved = removed.info.error;

    const undone = s.undo();
    expect(undone.id).toBe(2);
    const back = s.particles().particles.find((p) => p.id === 2)!;
    expect([back.z, back.y, back.x, back.a]).toEqual([before[1].z, before[1].y, before[1].x, before[1].a]);
    expect(undone.info.redo).toBe('remove particle #2');
    s.undo();
    expect(s.particles().particles.map((p) => p.id)).toEqual([1, 3, 4, 5, 2]);
    expect(s.state.error).toBeCloseTo(s.info().error, 9);
    s.redo();
    const again = s.redo();
    expect(again.info.particleCount).toBe(5);
    expect(again.info.error).toBeCloseTo(errRemoved, 4);
    expect(() => s.redo()).toThrow(/Nothing to redo/);
  });

  it('makes one undo step of a grab drag (moves with one merge key)', async () => {
    const { s } = await session();
    const p0 = s.particles().particles[0];
    for (const dx of [0.5, 1, 1.5]) s.edit({ type: 'move', id: 1, pos: [p0.z, p0.y, p0.x + dx], merge: 'grab-1' });
    s.edit({ type: 'resize', id: 1, rad: 3.5, merge: 'wheel' });
    s.edit({ type: 'resize', id: 1, rad: 3.7, merge: 'wheel' });
    expect(s.particles().particles[0]).toMatchObject({ x: p0.x + 1.5, a: 3.7 });
    s.undo();
    expect(s.particles().particles[0].a).toBe(p0.a);
    s.undo();
    expect(s.particles().particles[0]).toMatchObject({ x: p0.x, a: p0.a });
    expect(s.info().undo).toBeNull();
  });

  it('removes the particle closest to a click, and refuses bad edits with a message', async () => {
    const { s } = await session();
    const target = s.particles().particles[2];
    const r = s.edit({ type: 'remove-closest', pos: [target.z + 0.4, target.y - 0.3, target.x] });
    expect(r.id).toBe(target.id);
    expect(() => s.edit({ type: 'remove', id: target.id })).toThrow(/no particle #3/);
    expect(() => s.edit({ type: 'add', pos: [1, Number.NaN, 2] as Vec3 })).toThrow(/three finite numbers/);
    expect(() => s.edit({ type: 'resize', id: 1, rad: -2 })).toThrow(/radius must be a number in \(0, 1000\]/);
    expect(() => s.edit({ type: 'spin' } as never)).toThrow(/Unknown particle edit "spin"/);
    s.fitRunning = true;
    expect(() => s.edit({ type: 'add', pos: [1, 1, 1] })).toThrow(/A fit is running/);
  });
});

describe('PeriSessions: setup, files and errors', () => {
  it('fits a crop: imported file positions are shifted to crop pixels, exports shift them back', async () => {
    const { engine, volumeId } = await engineWithVolume();
    const crop = { l: [2, 3, 4] as Vec3, r: [12, 20, 22] as Vec3 };
    const text = 'POSITION_X,POSITION_Y,POSITION_Z,RADIUS\n10,9,7,3\n15,12,5,2.5\n';
    const info = await engine.peri.create(createArgs(volumeId, { crop, particles: { source: 'positions', text, fileName: 'p.csv', radius: 4 } }));
    expect(info.shape).toEqual([10, 17, 18]);
    const s = engine.peri.get(info.sessionId);
    expect(s.particles().particles.map((p) => [p.z, p.y, p.x, p.a])).toEqual([[5, 6, 6, 3], [3, 9, 11, 2.5]]);
    const out = JSON.parse(s.exportFile('particles-json').text!);
    expect(out.particles.map((p: { z: number; y: number; x: number }) => [p.z, p.y, p.x])).toEqual([[7, 9, 10], [5, 12, 15]]);
    expect(s.exportFile('particles-csv').text).toMatch(/^ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS,IN_IMAGE/);
    const tiff = s.exportFile('residuals-tiff');
    expect(tiff.fileName).toBe('small-peri-residuals.tif');
    expect(tiff.bytes!.byteLength).toBeGreaterThan(10 * 17 * 18 * 4);
  });

  it('saves a state file and loads it back as a new session with the same values', async () => {
    const { engine, volumeId, s } = await session();
    s.edit({ type: 'add', pos: [6, 12, 12], rad: 2.8 });
    const text = s.exportFile('state').text!;
    const loaded = await engine.peri.loadState(volumeId, text);
    const t = engine.peri.get(loaded.sessionId);
    expect(t.state.params).toEqual(s.state.params);
    expect(t.state.values).toEqual(s.state.values);
    expect(loaded.error).toBeCloseTo(s.state.error, 5);
  });

  it('refuses malformed configurations and state files with the field, and keeps the session', async () => {
    const { engine, volumeId, info } = await session();
    const bad = { ...smallConfig(), components: [{ class: 'NoSuchThing' }] };
    await expect(engine.peri.create(createArgs(volumeId, {}, bad as never))).rejects.toSatisfy(code('invalid-config', /components\[0\]\.class: unknown component class 'NoSuchThing'/));
    await expect(engine.peri.loadState(volumeId, '{"format": "lucid.peri.state"')).rejects.toSatisfy(code('invalid-config', /not valid JSON/));
    await expect(engine.peri.loadState(volumeId, '{"format": "something"}')).rejects.toSatisfy(code('invalid-config', /format/));
    await expect(engine.peri.create(createArgs(volumeId, { crop: { l: [0, 0, 0], r: [99, 5, 5] } }))).rejects.toSatisfy(code('invalid-request', /crop/));
    await expect(engine.peri.create(createArgs(volumeId, { particles: { source: 'positions', text: 'a,b\n1,2', fileName: 'x.csv', radius: 4 } }))).rejects.toSatisfy(code('invalid-positions', /x\.csv: the header has no/));
    expect(engine.peri.get(info.sessionId).info().particleCount).toBe(5);
    expect(() => engine.peri.get('peri-99')).toThrow(/No fitting session with id "peri-99"/);
  });

  it('computes the particles’ error bars (CRB), shown in the list and the exports', async () => {
    const { engine, info, s } = await session();
    const out = await engine.peri.errorBars(info.sessionId);
    expect(out.version).toBeGreaterThan(info.version);
    const rows = s.particles().particles;
    for (const p of rows) for (const e of Object.values(p.errors!)) expect(e).toBeGreaterThan(0);
    const json = JSON.parse(s.exportFile('particles-json').text!);
    expect(json.particles[0].errors.x).toBe(rows[0].errors!.x);
    expect(s.exportFile('particles-csv').text!.split('\n')[0]).toContain('POSITION_X_ERR');
  });

  it('applies the zscale from metadata, and closing the volume closes its sessions', async () => {
    const { engine, volumeId } = await engineWithVolume();
    const info = await engine.peri.create(createArgs(volumeId, { zscale: 0.9 }));
    expect(info.zscale).toBe(0.9);
    engine.closeVolume(volumeId);
    expect(() => engine.peri.get(info.sessionId)).toThrow(/No fitting session/);
  });
});

describe('PeriSessions: featuring preview', () => {
  it("finds the dark particles with PERI's locate_spheres, in crop pixels", async () => {
    const { engine, volumeId } = await engineWithVolume();
    const whole = await engine.peri.feature({ volumeId, radius: 3, invert: true });
    const near = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) < 1.5;
    expect(whole.pos.some((p) => near(p, [7.2, 10.6, 11.3]))).toBe(true);
    const crop = await engine.peri.feature({ volumeId, radius: 3, invert: true, crop: { l: [2, 3, 4], r: [14, 22, 24] } });
    expect(crop.pos.some((p) => near(p, [5.2, 7.6, 7.3]))).toBe(true);
    await expect(engine.peri.feature({ volumeId, radius: -1 })).rejects.toThrow(/featuring radius must be a number in \(0, 200\)/);
  });

  it('says plainly when featuring is not available', async () => {
    const { engine, volumeId } = await engineWithVolume({ featurer: null });
    await expect(engine.peri.feature({ volumeId, radius: 3 })).rejects.toSatisfy(code('not-available', /Featuring by radius is not available yet/));
  });
});

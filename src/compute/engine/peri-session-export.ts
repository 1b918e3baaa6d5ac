/** Files a fitting session writes: particles (JSON, CSV), the state file, and volumes as TIFF. */
import { writeTiff } from '../io';
import type { VoxelSize } from '../io/volume';
import type { PeriState } from '../peri/state';
import type { PeriExportKind, PeriExportResult } from './peri-session-types';
import type { ViewCache } from './peri-session-views';

function stem(state: PeriState): string {
  const name = state.image?.name ?? state.image?.path?.split(/[\\/]/).pop() ?? 'state';
  return name.replace(/\.(ome\.)?tiff?$/i, '') || 'state';
}

function tiffOf(state: PeriState, data: Float32Array, what: string): PeriExportResult {
  const voxelSize: VoxelSize = state.image?.voxelSize ?? { z: null, y: null, x: null, unit: null };
  const bytes = writeTiff(
    { data, shape: state.ishape.shape, axis: 'z', voxelSize, metadata: { name: `${stem(state)}-${what}` } },
    { dtype: 'float32' },
  );
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { fileName: `${stem(state)}-peri-${what}.tif`, mime: 'image/tiff', bytes: buffer };
}

export function exportSession(state: PeriState, views: ViewCache, version: number, kind: PeriExportKind, component?: string): PeriExportResult {
  const base = `${stem(state)}-peri`;
  switch (kind) {
    case 'particles-json':
      return { fileName: `${base}-particles.json`, mime: 'application/json', text: JSON.stringify(state.exportParticles('json'), null, 1) };
    case 'particles-csv':
      return { fileName: `${base}-particles.csv`, mime: 'text/csv', text: state.exportParticles('csv') };
    case 'state':
      return { fileName: `${base}-state.json`, mime: 'application/json', text: JSON.stringify(state.toStateFile(), null, 1) };
    case 'model-tiff':
      return tiffOf(state, views.get({ kind: 'model' }, version).data, 'model');
    case 'residuals-tiff':
      return tiffOf(state, views.get({ kind: 'residuals' }, version).data, 'residuals');
    case 'component-tiff':
      return tiffOf(state, views.get({ kind: 'component', component }, version).data, component ?? 'component');
  }
}

import { describe, expect, it } from 'vitest';
import type { VolumeInfo } from '../../workers/protocol';
import { buildCreateArgs, initialDraft } from './setup-draft';

const volume = {
  volumeId: 'vol-1', shape: [48, 64, 64], dtype: 'uint8', rawRange: [3, 250],
  voxelSize: { z: 0.1125, y: 0.125, x: 0.125, unit: 'µm' },
} as unknown as VolumeInfo;

describe('the setup form', () => {
  it('starts from the volume: zscale from metadata, the whole image, 8-bit exposure (0, 255)', () => {
    const d = initialDraft(volume);
    expect(d).toMatchObject({ zscale: '0.9', cropL: ['0', '0', '0'], cropR: ['48', '64', '64'], exposure: ['0', '255'] });
    expect(initialDraft({ ...volume, dtype: 'uint16', voxelSize: { z: null, y: null, x: null, unit: null } } as VolumeInfo)).toMatchObject({ zscale: '1', exposure: ['3', '250'] });
  });

  it('becomes a create request with the featured or imported particles', () => {
    const d = { ...initialDraft(volume), configText: '{"format": "lucid.peri.config"}', cropL: ['2', '0', '0'] as [string, string, string] };
    const args = buildCreateArgs(d, volume, [[1, 2, 3]]);
    expect(args).toMatchObject({ volumeId: 'vol-1', config: { format: 'lucid.peri.config' }, crop: { l: [2, 0, 0], r: [48, 64, 64] }, exposure: [0, 255], zscale: 0.9, particles: { source: 'list', pos: [[1, 2, 3]], rad: 5 } });
    const imported = buildCreateArgs({ ...d, source: 'import', positions: { text: '1,2,3', fileName: 'p.csv', count: 1, format: 'CSV' } }, volume, null);
    expect(imported.particles).toEqual({ source: 'positions', text: '1,2,3', fileName: 'p.csv', radius: 5 });
  });

  it('names the first bad field', () => {
    const d = { ...initialDraft(volume), configText: '{}' };
    expect(() => buildCreateArgs({ ...d, cropR: ['48', '64', '65'] }, volume, [])).toThrow('crop x to: "65" is not an integer in 1…64.');
    expect(() => buildCreateArgs({ ...d, cropL: ['10', '0', '0'], cropR: ['10', '64', '64'] }, volume, [])).toThrow(/crop z to: "10" is not an integer in 11…48/);
    expect(() => buildCreateArgs({ ...d, zscale: '-1' }, volume, [])).toThrow(/zscale: "-1" is not a number > 0/);
    expect(() => buildCreateArgs({ ...d, configText: '{oops' }, volume, [])).toThrow(/model configuration: not valid JSON/);
    expect(() => buildCreateArgs({ ...d, exposure: ['5', '5'] }, volume, [])).toThrow(/low and high must differ/);
    expect(() => buildCreateArgs(d, volume, null)).toThrow(/no featuring result yet/);
    expect(() => buildCreateArgs({ ...d, source: 'import' }, volume, null)).toThrow(/choose a positions file/);
    expect(() => buildCreateArgs({ ...d, radius: '0' }, volume, [])).toThrow(/radius: "0"/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatImageJDescription, parseImageJDescription } from './imagej';
import { parseOmeXml } from './ome';
import { normalizeLengthUnit, secondsPer } from './units';
import { parseShapedDescription, resolveFileLayout, type LayoutInput } from './tiff-metadata';
import { planeIndex } from './tiff-summary';
import { inspectTiff } from './tiff-inspect';
import { readTiff } from './tiff-read';
import { buildTiff, toArrayBuffer } from './testing/tiff-builder';
import { expectedPlane, hyperstackFile, hyperstackPages } from './testing/fixtures';

describe('units', () => {
  it('normalises the spellings of micrometres and drops pixel units', () => {
    for (const u of ['um', 'micron', 'microns', '\\u00B5m', 'µm', 'μm']) expect(normalizeLengthUnit(u)).toBe('µm');
    expect(normalizeLengthUnit('nm')).toBe('nm');
    expect(normalizeLengthUnit('pixel')).toBeNull();
    expect(normalizeLengthUnit('furlong')).toBe('furlong');
  });

  it('converts time units to seconds', () => {
    expect(secondsPer('ms')).toBe(1e-3);
    expect(secondsPer('min')).toBe(60);
    expect(secondsPer('sec')).toBe(1);
    expect(secondsPer('fortnight')).toBeNull();
  });
});

describe('ImageJ descriptions', () => {
  it('parses hyperstack keys, spacing, unit and frame interval', () => {
    const d = parseImageJDescription('ImageJ=1.53t\nimages=24\nchannels=2\nslices=3\nframes=4\nhyperstack=true\nunit=\\u00B5m\nspacing=0.25\nfinterval=250\ntunit=ms\nloop=false\n\0');
    expect([d.images, d.channels, d.slices, d.frames]).toEqual([24, 2, 3, 4]);
    expect(d.spacing).toBe(0.25);
    expect(d.unit).toBe('µm');
    expect(d.frameInterval).toBeCloseTo(0.25);
    expect(d.values.hyperstack).toBe(true);
    expect(d.values.loop).toBe(false);
  });

  it('falls back to 1/fps for the frame interval', () => {
    expect(parseImageJDescription('ImageJ=1.52\nimages=3\nframes=3\nfps=4\n').frameInterval).toBe(0.25);
  });

  it('writes what it reads', () => {
    const text = formatImageJDescription({ slices: 4, frames: 1, spacing: 0.3, unit: 'µm', min: 0, max: 12.5 });
    expect(text).toBe('ImageJ=1.11a\nimages=4\nslices=4\nhyperstack=true\nmode=grayscale\nunit=um\nspacing=0.3\nloop=false\nmin=0.0\nmax=12.5\n');
    const back = parseImageJDescription(text);
    expect([back.images, back.slices, back.spacing, back.unit]).toEqual([4, 4, 0.3, 'µm']);
  });
});

const OME = `<?xml version="1.0" encoding="UTF-8"?>
<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0" Name="cells">
<Pixels ID="Pixels:0" DimensionOrder="XYZCT" Type="uint16" SizeX="5" SizeY="6" SizeZ="3" SizeC="2" SizeT="1"
 PhysicalSizeX="65" PhysicalSizeXUnit="nm" PhysicalSizeY="65" PhysicalSizeYUnit="nm" PhysicalSizeZ="0.2" PhysicalSizeZUnit="&#181;m">
<Channel ID="Channel:0:0"/><TiffData/></Pixels></Image></OME>`;

describe('OME-XML', () => {
  it('reads sizes, order and physical sizes, converting mixed units to µm', () => {
    const p = parseOmeXml(OME)!;
    expect([p.sizeX, p.sizeY, p.sizeZ, p.sizeC, p.sizeT, p.order]).toEqual([5, 6, 3, 2, 1, 'ZCT']);
    expect(p.physicalSize.unit).toBe('µm');
    expect(p.physicalSize.x).toBeCloseTo(0.065, 12);
    expect(p.physicalSize.z).toBeCloseTo(0.2, 12);
  });

  it('keeps a common unit as written and defaults to µm', () => {
    const nm = parseOmeXml('<OME><Pixels SizeX="1" SizeY="1" SizeZ="1" SizeC="1" SizeT="1" PhysicalSizeX="100" PhysicalSizeXUnit="nm"/></OME>')!;
    expect(nm.physicalSize).toEqual({ x: 100, y: null, z: null, unit: 'nm' });
    const plain = parseOmeXml('<OME><Pixels SizeX="1" SizeY="1" SizeZ="1" SizeC="1" SizeT="1" PhysicalSizeX="0.1"/></OME>')!;
    expect(plain.physicalSize.unit).toBe('µm');
  });

  it('reads an OME-TIFF in its dimension order (Z fastest)', async () => {
    // XYZCT: page = z + Z·(c + C·t).
    const pages = [];
    for (let c = 0; c < 2; c++) for (let z = 0; z < 3; z++) pages.push(hyperstackPages({ c: 2, z: 3 })[z * 2 + c]);
    const buffer = toArrayBuffer(buildTiff(pages, { description: OME }));
    const summary = await inspectTiff(buffer);
    expect(summary.source).toBe('ome');
    expect(summary.dims).toEqual({ c: 2, t: 1, z: 3, y: 6, x: 5 });
    const vol = await readTiff(buffer, { channel: 1 });
    expect(vol.voxelSize.unit).toBe('µm');
    expect(vol.voxelSize.x).toBeCloseTo(0.065, 12);
    for (let z = 0; z < 3; z++) expect(vol.data.subarray(z * 30, (z + 1) * 30)).toEqual(expectedPlane(5, 6, 1, z, 0));
  });
});

describe('file layout', () => {
  const input = (over: Partial<LayoutInput>): LayoutInput => ({
    tags: {}, pageCount: 4, width: 5, height: 6, samplesPerPixel: 1, uncompressed: true, ...over,
  });

  it('takes XY pixel size from resolution tags in cm or inch, ignoring screen dpi', () => {
    const cm = resolveFileLayout(input({ tags: { xResolution: [100000, 1], yResolution: [50000, 1], resolutionUnit: 3 } }));
    expect(cm.voxelSize).toEqual({ x: 0.1, y: 0.2, z: null, unit: 'µm' });
    const dpi = resolveFileLayout(input({ tags: { xResolution: [72, 1], yResolution: [72, 1], resolutionUnit: 2 } }));
    expect(dpi.voxelSize.unit).toBeNull();
  });

  it('prefers ImageJ over OME over plain tags', () => {
    const ij = resolveFileLayout(input({ tags: { description: 'ImageJ=1.5\nimages=4\nslices=4\nunit=nm\nspacing=200\n', xResolution: [1, 50], resolutionUnit: 3 } }));
    expect(ij.source).toBe('imagej');
    expect(ij.voxelSize).toEqual({ x: 50, y: null, z: 200, unit: 'nm' });
  });

  it('reads a stack without metadata as z, and warns when ImageJ counts disagree', () => {
    expect(resolveFileLayout(input({})).z).toBe(4);
    const odd = resolveFileLayout(input({ tags: { description: 'ImageJ=1.5\nimages=4\nchannels=3\nslices=2\n' } }));
    expect([odd.c, odd.z, odd.t]).toEqual([1, 4, 1]);
    expect(odd.warnings[0]).toMatch(/does not match images=4/);
  });

  it('parses tifffile shaped descriptions', () => {
    expect(parseShapedDescription('{"shape": [2, 3, 6, 5], "axes": "TZYX"}', 6)).toEqual({ c: 1, z: 3, t: 2, order: 'ZTC' });
    expect(parseShapedDescription('{"shape": [6, 5, 4], "axes": "YXS"}', 1)).toEqual({ c: 1, z: 1, t: 1, order: 'CZT' });
    expect(parseShapedDescription('{"shape": [2, 3, 6, 5], "axes": "QQYX"}', 6)).toEqual({ c: 1, z: 6, t: 1, order: 'CZT' });
    expect(parseShapedDescription('{"shape": [7, 6, 5], "axes": "ZYX"}', 6)).toBeNull();
  });

  it('indexes planes in any order', () => {
    const dims = { c: 2, z: 3, t: 4, y: 1, x: 1 };
    expect(planeIndex('CZT', dims, { c: 1, z: 2, t: 3 })).toBe(1 + 2 * 2 + 3 * 6);
    expect(planeIndex('ZCT', dims, { c: 1, z: 2, t: 3 })).toBe(2 + 1 * 3 + 3 * 6);
  });
});

describe('ImageJ hyperstack with spacing, unit and resolution', () => {
  it('reads voxel size, ImageJ keys and the summary', async () => {
    const buffer = hyperstackFile({ z: 3 }, ['unit=micron', 'spacing=0.3'], { resolution: { x: [20, 1], y: [16, 1], unit: 1 }, littleEndian: false });
    const summary = await inspectTiff(buffer);
    expect(summary).toMatchObject({ source: 'imagej', planeOrder: 'CZT', dtype: 'uint16', littleEndian: false, axis: 'z', shape: [3, 6, 5] });
    const vol = await readTiff(buffer, { name: 'stack.tif' });
    expect(vol.voxelSize).toEqual({ x: 0.05, y: 0.0625, z: 0.3, unit: 'µm' });
    expect(vol.metadata).toMatchObject({ name: 'stack.tif', source: 'imagej', fileDims: { c: 1, t: 1, z: 3, y: 6, x: 5 } });
    expect(vol.metadata.extra?.['imagej.spacing']).toBe(0.3);
  });

  it('reads ImageJ LUT (palette) files as intensities, with a warning', async () => {
    const buffer = hyperstackFile({ z: 2 }, [], { dtype: 'uint8', photometric: 3, colorMap: true });
    const vol = await readTiff(buffer);
    expect(vol.data.subarray(0, 30)).toEqual(expectedPlane(5, 6, 0, 0, 0));
    expect(vol.metadata.warnings?.[0]).toMatch(/colour table/);
  });
});

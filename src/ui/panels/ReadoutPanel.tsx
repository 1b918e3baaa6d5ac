import type { VoxelSize } from '../../compute/io/volume';
import type { Cursor } from '../render/plane-geometry';
import { useLucid } from '../store';
import { readingMatches } from '../store/view-slice';
import { formatPosition, formatValue } from './format';

function Row({ label, voxel, value, voxelSize, testId }: {
  label: string;
  voxel: Cursor;
  value: number | null | undefined;
  voxelSize: VoxelSize;
  testId: string;
}) {
  return (
    <tbody data-testid={testId}>
      <tr>
        <th scope="row">{label}</th>
        <td data-testid={`${testId}-z`}>{voxel.z}</td>
        <td data-testid={`${testId}-y`}>{voxel.y}</td>
        <td data-testid={`${testId}-x`}>{voxel.x}</td>
        <td className="value" data-testid={`${testId}-value`}>{formatValue(value)}</td>
      </tr>
      <tr className="physical">
        <th scope="row" />
        <td>{formatPosition(voxel.z, voxelSize, 'z')}</td>
        <td>{formatPosition(voxel.y, voxelSize, 'y')}</td>
        <td>{formatPosition(voxel.x, voxelSize, 'x')}</td>
        <td />
      </tr>
    </tbody>
  );
}

/** Pixel readout: the cursor voxel (value from the engine) and the voxel under the pointer. */
export function ReadoutPanel() {
  const volume = useLucid((s) => s.volume);
  const cursor = useLucid((s) => s.cursor);
  const reading = useLucid((s) => s.cursorValue);
  const hover = useLucid((s) => s.hover);
  if (!volume) return null;
  const sameVoxel = readingMatches(reading, volume.volumeId, cursor);
  return (
    <section className="panel readout" aria-label="Pixel readout">
      <h2>Readout</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{volume.axis}</th>
            <th>y</th>
            <th>x</th>
            <th>value</th>
          </tr>
        </thead>
        <Row label="cursor" voxel={cursor} value={sameVoxel ? reading?.value : null} voxelSize={volume.voxelSize} testId="readout" />
        {hover && <Row label="pointer" voxel={hover} value={hover.value} voxelSize={volume.voxelSize} testId="hover" />}
      </table>
    </section>
  );
}

import { useLucid } from '../store';
import { backendLabel } from '../store/status-slice';
import { formatShape, formatVoxelSize } from './format';

/** Bottom line: backend, volume name, shape (z×y×x), dtype and voxel size. */
export function StatusBar() {
  const backend = useLucid((s) => s.backend);
  const volume = useLucid((s) => s.volume);
  const reason = backend?.kind === 'cpu' ? backend.reason : undefined;
  return (
    <footer className="status-bar">
      <span className={`backend backend-${backend?.kind ?? 'starting'}`} title={reason}>
        <span className="dot" aria-hidden="true" />
        <span data-testid="backend">{backendLabel(backend)}</span>
      </span>
      {volume && (
        <>
          <span data-testid="volume-name" className="name" title={volume.name}>{volume.name}</span>
          <span data-testid="shape" title={`${volume.axis} × y × x`}>{formatShape(volume.shape)}</span>
          <span data-testid="dtype">{volume.dtype}</span>
          <span data-testid="voxel-size">{formatVoxelSize(volume.voxelSize)}</span>
        </>
      )}
    </footer>
  );
}

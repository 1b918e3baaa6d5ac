/** The engine client's requests about backends and volumes (open, slices, voxels, close). */
import type { RequestControl } from '../compute/engine/types';
import { EngineTransport } from './engine-transport';
import type { BackendChoice, BackendInfo, OpenArrayOptions, OpenTiffOptions, Plane, Slice, TiffSummary, VolumeInfo } from './protocol';

export abstract class EngineVolumeApi extends EngineTransport {
  backend(): Promise<BackendInfo> {
    return this.send('backend', {});
  }

  setBackend(choice: BackendChoice | 'auto'): Promise<BackendInfo> {
    return this.send('setBackend', { choice });
  }

  /** The bytes are copied, not transferred: the caller keeps them (e.g. to open after a choice). */
  inspectTiff(bytes: ArrayBuffer): Promise<TiffSummary> {
    return this.send('inspectTiff', { bytes });
  }

  openTiff(bytes: ArrayBuffer, opts: OpenTiffOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    return this.send('openTiff', { bytes, opts }, ctl);
  }

  /** Opens float32 voxels directly. `data`'s buffer is transferred: it is unusable afterwards. */
  openArray(data: Float32Array, opts: OpenArrayOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    return this.send('openArray', { data, opts }, { ...ctl, transfer: [data.buffer as ArrayBuffer] });
  }

  getSlice(volumeId: string, plane: Plane, index: number): Promise<Slice> {
    return this.send('getSlice', { volumeId, plane, index });
  }

  getVoxel(volumeId: string, z: number, y: number, x: number): Promise<number> {
    return this.send('getVoxel', { volumeId, z, y, x });
  }

  async closeVolume(volumeId: string): Promise<void> {
    await this.send('closeVolume', { volumeId });
  }

  /** Debug: destroys the engine's GPU device; resolves once the engine has recovered. */
  async simulateDeviceLoss(): Promise<void> {
    await this.send('simulateDeviceLoss', {});
  }
}

/** The volumes an engine holds, by id. Volumes live on the host, so a GPU loss never touches them. */
import type { Volume } from '../io/volume';
import { EngineError } from './errors';

export class VolumeRegistry {
  private readonly volumes = new Map<string, Volume>();
  private nextId = 1;

  add(volume: Volume): string {
    const id = `vol-${this.nextId++}`;
    this.volumes.set(id, volume);
    return id;
  }

  get(id: string): Volume {
    const volume = this.volumes.get(id);
    if (!volume) {
      throw new EngineError('unknown-volume', `No open volume with id "${id}" (it was closed or never opened).`);
    }
    return volume;
  }

  /** Returns false when the id was not open (closing twice is harmless). */
  delete(id: string): boolean {
    return this.volumes.delete(id);
  }

  ids(): string[] {
    return [...this.volumes.keys()];
  }

  clear(): void {
    this.volumes.clear();
  }
}

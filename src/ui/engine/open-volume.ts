/**
 * Opening files: read the bytes, ask the engine, show progress with Cancel, ask the user for a
 * channel / frame / RGB handling when the file needs it, and report failures in the banner while
 * the previous volume stays on screen. The bytes live here (module scope), never in the store.
 */
import { cancelledError, isCancellation, type ChoiceRequiredDetails } from '../../compute/engine/errors';
import type { OpenTiffOptions, VolumeInfo } from '../../workers/protocol';
import type { LucidStore } from '../store';
import { getEngine } from './engine';

export interface Source {
  name: string;
  read: () => Promise<ArrayBuffer>;
  /** Where a URL source came from (so that a saved session can refer to it instead of its bytes). */
  url?: string;
}

export type FileChoice = Pick<OpenTiffOptions, 'channel' | 'frame' | 'rgb'>;

let current: AbortController | null = null;
let awaitingChoice: { source: Source; bytes: ArrayBuffer } | null = null;
let lastSource: { source: Source; choice: FileChoice } | null = null;

export function fileSource(file: File): Source {
  return { name: file.name, read: () => file.arrayBuffer() };
}

export function urlSource(url: string, name: string): Source {
  return {
    name,
    url,
    read: async () => {
      const res = await fetch(url);
      // Development servers answer a missing file with the app's index.html and status 200.
      const html = (res.headers.get('content-type') ?? '').includes('text/html');
      if (!res.ok || html) throw new Error(`${url} was not found on the server (HTTP ${res.status}${html ? ', got a web page' : ''}).`);
      return res.arrayBuffer();
    },
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs one open request with progress, cancel and error reporting; returns the volume or null. */
async function runOpen(
  store: LucidStore,
  label: string,
  request: (ctl: { signal: AbortSignal; onProgress: (f: number, stage: string) => void }) => Promise<VolumeInfo>,
): Promise<VolumeInfo | null> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const { setProgress } = store.getState();
  setProgress({ label, fraction: null, stage: 'reading' });
  try {
    const pending = request({
      signal: ctl.signal,
      onProgress: (fraction, stage) => {
        if (current === ctl) setProgress({ label, fraction, stage });
      },
    });
    const info = await untilAborted(pending, ctl.signal);
    show(store, info);
    return info;
  } finally {
    if (current === ctl) {
      current = null;
      setProgress(null);
    }
  }
}

/**
 * Settles as soon as `signal` aborts, without waiting for the engine to notice; a volume that still
 * arrives afterwards is closed so that it does not linger in the engine.
 */
function untilAborted(pending: Promise<VolumeInfo>, signal: AbortSignal): Promise<VolumeInfo> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelledError('Opening the file'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (info) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) getEngine().closeVolume(info.volumeId).catch(() => undefined);
        else resolve(info);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function show(store: LucidStore, info: VolumeInfo): void {
  const previous = store.getState().volume;
  store.getState().setVolume(info);
  for (const w of info.warnings) store.getState().notify('warning', w);
  if (previous && previous.volumeId !== info.volumeId) {
    getEngine().closeVolume(previous.volumeId).catch(() => undefined);
  }
}

function reportFailure(store: LucidStore, name: string, err: unknown): void {
  const { notify, volume } = store.getState();
  if (!isCancellation(err)) return void notify('error', `${name}: ${errorMessage(err)}`);
  const kept = volume ? `; ${volume.name} is still shown` : '';
  notify('info', `Opening ${name} was cancelled${kept}.`);
}

/** Opens a TIFF; failures become notices and the current volume stays. */
export async function openSource(store: LucidStore, source: Source, choice: FileChoice = {}): Promise<VolumeInfo | null> {
  const { setChoice } = store.getState();
  const read: { bytes: ArrayBuffer | null } = { bytes: null };
  try {
    return await runOpen(store, `Opening ${source.name}`, async (ctl) => {
      read.bytes = await source.read();
      if (ctl.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const info = await getEngine().openTiff(read.bytes, { name: source.name, ...choice }, ctl);
      lastSource = { source, choice };
      return info;
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'choice-required' && read.bytes) {
      awaitingChoice = { source, bytes: read.bytes };
      const details = (err as { details?: Partial<ChoiceRequiredDetails> }).details;
      setChoice({ fileName: source.name, message: errorMessage(err), summary: details?.summary ?? null, missing: details?.missing ?? [] });
    } else {
      reportFailure(store, source.name, err);
    }
    return null;
  }
}

export function openFile(store: LucidStore, file: File): Promise<VolumeInfo | null> {
  return openSource(store, fileSource(file));
}

/** Opens the file waiting in the choice dialog with the user's choice. */
export function openWithChoice(store: LucidStore, choice: FileChoice): Promise<VolumeInfo | null> {
  const waiting = awaitingChoice;
  store.getState().setChoice(null);
  awaitingChoice = null;
  if (!waiting) return Promise.resolve(null);
  const { source, bytes } = waiting;
  // The bytes already read are reused; reading the source again would ask for the file twice.
  return openSource(store, { name: source.name, read: async () => bytes }, choice).then((info) => {
    if (info) lastSource = { source, choice };
    return info;
  });
}

export function dismissChoice(store: LucidStore): void {
  awaitingChoice = null;
  store.getState().setChoice(null);
}

export function cancelOpen(): void {
  current?.abort();
}

/** The file behind the volume shown, with the choice it was opened with (for autosave). */
export function currentSource(): { source: Source; choice: FileChoice } | null {
  return lastSource;
}

/** Opens the last successfully opened file again (after the engine restarted and lost it). */
export function reopenLast(store: LucidStore): Promise<VolumeInfo | null> {
  if (!lastSource) return Promise.resolve(null);
  return openSource(store, lastSource.source, lastSource.choice);
}

/** Opens generated float32 voxels (benchmarks, tests). */
export async function openArray(
  store: LucidStore,
  data: Float32Array,
  shape: [number, number, number],
  name: string,
): Promise<VolumeInfo | null> {
  try {
    return await runOpen(store, `Opening ${name}`, (ctl) =>
      getEngine().openArray(data, { name, shape, voxelSize: { z: 1, y: 0.5, x: 0.5, unit: 'µm' } }, ctl),
    );
  } catch (err) {
    reportFailure(store, name, err);
    return null;
  }
}

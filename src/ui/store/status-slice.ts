/** Status: active backend, progress of a long request, notices (errors, infos) and open dialogs. */
import type { TiffChoice } from '../../compute/io/tiff-errors';
import type { BackendInfo, TiffSummary } from '../../workers/protocol';
import type { SliceCreator } from './types';

export interface Progress {
  label: string;
  /** In [0, 1]; null while unknown. */
  fraction: number | null;
  stage: string;
}

export type NoticeKind = 'error' | 'warning' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

/** A file that needs the user to pick a channel, frame or RGB handling before it can open. */
export interface ChoiceRequest {
  fileName: string;
  message: string;
  summary: TiffSummary | null;
  /** The choices the engine asked for. */
  missing: TiffChoice[];
}

export interface StatusSlice {
  backend: BackendInfo | null;
  progress: Progress | null;
  notices: Notice[];
  choice: ChoiceRequest | null;
  helpOpen: boolean;
  setBackend: (b: BackendInfo | null) => void;
  setProgress: (p: Progress | null) => void;
  /** Adds a notice and returns its id. */
  notify: (kind: NoticeKind, message: string) => number;
  dismiss: (id: number) => void;
  setChoice: (c: ChoiceRequest | null) => void;
  setHelpOpen: (open: boolean) => void;
}

const MAX_NOTICES = 5;
let nextNoticeId = 1;

export const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  backend: null,
  progress: null,
  notices: [],
  choice: null,
  helpOpen: false,
  setBackend: (backend) => set({ backend }),
  setProgress: (progress) => set({ progress }),
  notify: (kind, message) => {
    const id = nextNoticeId++;
    // The same message twice in a row is shown once, newest last.
    set((s) => ({
      notices: [...s.notices.filter((n) => n.message !== message), { id, kind, message }].slice(-MAX_NOTICES),
    }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setChoice: (choice) => set({ choice }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});

/** Words for the status bar: the adapter name, or "CPU fallback". */
export function backendLabel(b: BackendInfo | null): string {
  if (b === null) return 'starting…';
  return b.kind === 'webgpu' ? b.adapterName || 'WebGPU' : 'CPU fallback';
}

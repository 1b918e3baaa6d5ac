/** Drag-and-drop of a TIFF anywhere on the window. */
import { openFile } from '../engine/open-volume';
import type { LucidStore } from '../store';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** Attaches the window listeners; `onHover` tells whether a file is being dragged over. */
export function attachFileDrop(store: LucidStore, onHover: (over: boolean) => void): () => void {
  let depth = 0;
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    onHover(true);
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) onHover(false);
  };
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    onHover(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    if (files.length > 1) store.getState().notify('info', `${files.length} files were dropped; opening the first, ${files[0].name}.`);
    void openFile(store, files[0]);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragleave', leave);
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}

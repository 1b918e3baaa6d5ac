/** Keeps a view canvas's backing store at its parent's size in device pixels. */

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Watches the canvas's parent: on every resize the canvas gets parent size × devicePixelRatio
 * pixels and `onResize` the CSS size and the ratio. Returns the function that stops watching.
 */
export function observeCanvasSize(canvas: HTMLCanvasElement, onResize: (viewport: Viewport, dpr: number) => void): () => void {
  const observer = new ResizeObserver(() => {
    const box = canvas.parentElement?.getBoundingClientRect();
    if (!box) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(box.width * dpr));
    canvas.height = Math.max(1, Math.round(box.height * dpr));
    onResize({ width: box.width, height: box.height }, dpr);
  });
  if (canvas.parentElement) observer.observe(canvas.parentElement);
  return () => observer.disconnect();
}

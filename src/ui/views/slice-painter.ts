/**
 * Draws one slice view on a 2-D canvas: the slice is coloured through the LUT into an offscreen
 * image of its own size (only when the slice or the display changed), then scaled with nearest
 * neighbour onto the view with the aspect of the voxels, and the overlays go on top.
 */
import type { Plane, Slice } from '../../compute/engine/types';
import type { VoxelSize } from '../../compute/io/volume';
import { applyLut, lutTable, type LutName } from '../render/lut';
import {
  PLANE_AXES, placeSlice, type Cursor, type Placement, type PlaneFrame, type ViewTransform,
} from '../render/plane-geometry';
import { drawCrosshair, drawOutline, drawScaleBar } from './overlays';

export interface ShownSlice extends Slice {
  volumeId: string;
  index: number;
}

export interface PaintState {
  frame: PlaneFrame;
  transform: ViewTransform;
  cursor: Cursor;
  voxelSize: VoxelSize;
  showCrosshair: boolean;
  showScaleBar: boolean;
  /** Drawn last (particle markers of the fit mode). */
  overlay?: (ctx: CanvasRenderingContext2D, p: Placement) => void;
}

const BACKGROUND = '#0b0d10';

/**
 * CPU-backed 2-D canvases. With GPU-backed ones, Chromium's canvas flushes every few frames wait for
 * the GPU process; on SwiftShader that stalled slice changes for 60–400 ms (p90 ≈ 150 ms on a
 * 512×512×128 volume), while CPU canvases kept every step under ~15 ms. Nearest-neighbour scaling of
 * a slice of at most a few MB is cheap on the CPU, and `getImageData` (tests) needs no readback.
 */
export const CANVAS_2D_SETTINGS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

export class SlicePainter {
  private shown: ShownSlice | null = null;
  private image: OffscreenCanvas | null = null;
  private colouredWith = '';

  constructor(private readonly plane: Plane) {}

  get slice(): ShownSlice | null {
    return this.shown;
  }

  setSlice(s: ShownSlice): void {
    this.shown = s;
    this.colouredWith = '';
  }

  clear(): void {
    this.shown = null;
    this.colouredWith = '';
  }

  /** Value of the shown slice at (row, col), or null when that slice is not loaded. */
  valueAt(volumeId: string, index: number, row: number, col: number): number | null {
    const s = this.shown;
    if (!s || s.volumeId !== volumeId || s.index !== index) return null;
    if (row < 0 || col < 0 || row >= s.height || col >= s.width) return null;
    return s.data[row * s.width + col];
  }

  /** Applies the LUT to the slice when the slice, limits or LUT changed since last time. */
  colour(lo: number, hi: number, lut: LutName): void {
    const s = this.shown;
    const stamp = `${lo}|${hi}|${lut}`;
    if (!s || stamp === this.colouredWith) return;
    if (!this.image || this.image.width !== s.width || this.image.height !== s.height) {
      this.image = new OffscreenCanvas(s.width, s.height);
    }
    const ctx = this.image.getContext('2d', CANVAS_2D_SETTINGS);
    if (!ctx) throw new Error('This browser cannot draw on an OffscreenCanvas.');
    const pixels = ctx.createImageData(s.width, s.height);
    applyLut(s.data, lo, hi, lutTable(lut), pixels.data);
    ctx.putImageData(pixels, 0, 0);
    this.colouredWith = stamp;
  }

  /** Paints the whole view; `dpr` is the device pixel ratio of the canvas. Returns the placement. */
  paint(canvas: HTMLCanvasElement, dpr: number, st: PaintState): Placement {
    const ctx = canvas.getContext('2d', CANVAS_2D_SETTINGS);
    if (!ctx) throw new Error('This browser cannot draw on a 2-D canvas.');
    const view = st.frame.viewport;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, view.width, view.height);
    const p = placeSlice(st.frame, st.transform);
    if (this.image && this.shown) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.image, p.ox, p.oy, p.cols * p.px, p.rows * p.py);
    }
    drawOutline(ctx, p);
    if (st.showCrosshair) drawCrosshair(ctx, this.plane, p, st.cursor);
    if (st.showScaleBar) {
      const colAxis = PLANE_AXES[this.plane].col;
      drawScaleBar(ctx, p, st.voxelSize[colAxis], st.voxelSize.unit, view);
    }
    st.overlay?.(ctx, p);
    return p;
  }
}

import { labelColour, outputColour } from '../colour-scale';
import type { Domain, PlanePoint } from '../plane-data';

const colourTable = Uint8ClampedArray.from(
  Array.from({ length: 511 }, (_, k) => outputColour(k / 255 - 1)).flat(),
);

/** What a heatmap draws: values over a square grid, and points on top. */
export interface HeatmapData {
  /** resolution × resolution values, row-major from the top. */
  values: Float32Array;
  resolution: number;
  domain: Domain;
  points?: readonly PlanePoint[];
  selected?: string;
}

/**
 * One canvas: a grid of values in the plane's diverging scale (smoothed when scaled up), then the
 * points: filled for training, hollow for test, a ring around the selected one.
 */
export class Heatmap {
  readonly canvas: HTMLCanvasElement;
  private readonly grid: HTMLCanvasElement;
  private image: ImageData | null = null;

  constructor(size: number, className = 'heatmap') {
    this.canvas = document.createElement('canvas');
    this.canvas.className = className;
    const scale = Math.min(window.devicePixelRatio || 1, 2);
    this.canvas.width = Math.round(size * scale);
    this.canvas.height = Math.round(size * scale);
    this.canvas.style.width = `${size}px`;
    this.canvas.style.height = `${size}px`;
    this.grid = document.createElement('canvas');
  }

  update(data: HeatmapData): void {
    const { values, resolution } = data;
    if (this.grid.width !== resolution) {
      this.grid.width = resolution;
      this.grid.height = resolution;
      this.image = null;
    }
    const gridContext = this.grid.getContext('2d')!;
    this.image ??= gridContext.createImageData(resolution, resolution);
    const pixels = this.image.data;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      // 511 steps over [−1, 1], looked up instead of computed per cell.
      const k =
        3 * (Number.isFinite(v) ? Math.round((Math.max(-1, Math.min(1, v)) + 1) * 255) : 255);
      pixels[4 * i] = colourTable[k]!;
      pixels[4 * i + 1] = colourTable[k + 1]!;
      pixels[4 * i + 2] = colourTable[k + 2]!;
      pixels[4 * i + 3] = 255;
    }
    gridContext.putImageData(this.image, 0, 0);
    const context = this.canvas.getContext('2d')!;
    const { width, height } = this.canvas;
    context.imageSmoothingEnabled = true;
    context.drawImage(this.grid, 0, 0, width, height);
    if (data.points) this.drawPoints(context, data);
  }

  private drawPoints(context: CanvasRenderingContext2D, data: HeatmapData): void {
    const { width } = this.canvas;
    const radius = Math.max(2.5, width / 70);
    context.lineWidth = Math.max(1, width / 200);
    for (const p of data.points!) {
      const [px, py] = toPixels(p, data.domain, width);
      context.beginPath();
      context.arc(px, py, radius, 0, 2 * Math.PI);
      context.strokeStyle = labelColour(p.label);
      if (p.test) {
        context.fillStyle = 'white';
        context.fill();
        context.lineWidth = Math.max(1.5, width / 130);
        context.stroke();
        context.lineWidth = Math.max(1, width / 200);
      } else {
        context.fillStyle = labelColour(p.label);
        context.fill();
        context.strokeStyle = 'white';
        context.stroke();
      }
      if (p.id === data.selected) {
        context.beginPath();
        context.arc(px, py, radius * 2.2, 0, 2 * Math.PI);
        context.strokeStyle = '#111';
        context.lineWidth = Math.max(1.5, width / 120);
        context.stroke();
        context.lineWidth = Math.max(1, width / 200);
      }
    }
  }
}

/** Canvas pixels of a plane point on a square canvas `width` wide. */
export function toPixels(
  p: { x: number; y: number },
  domain: Domain,
  width: number,
): [number, number] {
  return [
    ((p.x - domain.xMin) / (domain.xMax - domain.xMin)) * width,
    ((domain.yMax - p.y) / (domain.yMax - domain.yMin)) * width,
  ];
}

/** The plane point under a canvas-relative CSS position on a square canvas `size` CSS pixels wide. */
export function fromPixels(
  px: number,
  py: number,
  domain: Domain,
  size: number,
): { x: number; y: number } {
  return {
    x: domain.xMin + (px / size) * (domain.xMax - domain.xMin),
    y: domain.yMax - (py / size) * (domain.yMax - domain.yMin),
  };
}

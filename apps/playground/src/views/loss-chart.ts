import { formatLoss, formatPowerOfTen } from '@mg/compare/browser';

/** One activation's curves. */
export interface LossSeries {
  activation: string;
  colour: string;
  train: readonly number[];
  test: readonly number[];
}

const margin = { left: 52, right: 96, top: 12, bottom: 30 };

/**
 * Training (solid) and test (dashed) loss of every activation on one canvas, log scale, each line
 * labelled where it ends. Redrawn whole on each update; long curves are thinned to one point per
 * pixel column.
 */
export class LossChart {
  readonly element: HTMLCanvasElement;
  private readonly scale: number;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.element = document.createElement('canvas');
    this.element.className = 'loss-chart';
    this.scale = Math.min(window.devicePixelRatio || 1, 2);
    this.element.width = width * this.scale;
    this.element.height = height * this.scale;
    this.element.style.width = `${width}px`;
    this.element.style.height = `${height}px`;
    this.element.setAttribute('role', 'img');
  }

  update(series: readonly LossSeries[]): void {
    const context = this.element.getContext('2d')!;
    context.setTransform(this.scale, 0, 0, this.scale, 0, 0);
    context.clearRect(0, 0, this.width, this.height);
    const epochs = Math.max(2, ...series.map((s) => s.train.length));
    const finite = series
      .flatMap((s) => [...s.train, ...s.test])
      .filter((v) => v > 0 && Number.isFinite(v));
    const plotW = this.width - margin.left - margin.right;
    const plotH = this.height - margin.top - margin.bottom;
    context.font = '11px system-ui, sans-serif';
    context.fillStyle = '#555';
    if (finite.length === 0) {
      context.fillText(
        'Press play or step: the loss curves appear here.',
        margin.left + 8,
        margin.top + 20,
      );
      this.element.setAttribute('aria-label', 'Loss chart, no epochs yet');
      return;
    }
    let low = Math.floor(Math.log10(Math.min(...finite)));
    let high = Math.ceil(Math.log10(Math.max(...finite)));
    if (high - low < 1) high = low + 1;
    low = Math.max(low, high - 8);
    const x = (epoch: number) => margin.left + (epoch / (epochs - 1)) * plotW;
    const y = (loss: number) => {
      const t = (Math.log10(Math.max(loss, 10 ** low)) - low) / (high - low);
      return margin.top + (1 - Math.min(1, t)) * plotH;
    };
    // Axes: one gridline per decade, epochs at both ends and the middle.
    context.strokeStyle = '#e4e4e4';
    context.lineWidth = 1;
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (let d = low; d <= high; d++) {
      context.beginPath();
      context.moveTo(margin.left, y(10 ** d));
      context.lineTo(margin.left + plotW, y(10 ** d));
      context.stroke();
      context.fillText(formatPowerOfTen(10 ** d), margin.left - 6, y(10 ** d));
    }
    context.textAlign = 'center';
    context.textBaseline = 'top';
    for (const epoch of [0, Math.round((epochs - 1) / 2), epochs - 1]) {
      context.fillText(String(epoch), x(epoch), margin.top + plotH + 6);
    }
    context.fillText('epoch', margin.left + plotW / 2, margin.top + plotH + 17);
    context.save();
    context.translate(12, margin.top + plotH / 2);
    context.rotate(-Math.PI / 2);
    context.fillText('mean squared error', 0, -6);
    context.restore();
    const ends: { y: number; text: string; colour: string }[] = [];
    for (const s of series) {
      this.line(context, s.train, s.colour, [], x, y, plotW);
      this.line(context, s.test, s.colour, [4, 3], x, y, plotW);
      const last = s.train.findLast((v) => Number.isFinite(v));
      if (last !== undefined) ends.push({ y: y(last), text: s.activation, colour: s.colour });
    }
    // Direct labels at the curves' ends, nudged apart so that none overlap.
    ends.sort((a, b) => a.y - b.y);
    for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 12);
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    for (const end of ends) {
      context.fillStyle = end.colour;
      context.fillText(end.text, margin.left + plotW + 6, end.y);
    }
    context.fillStyle = '#555';
    context.textAlign = 'right';
    context.textBaseline = 'top';
    context.fillText('— train   - - test', margin.left + plotW, 0);
    this.element.setAttribute(
      'aria-label',
      `Loss per epoch: ${series
        .map((s) => `${s.activation} ${formatLoss(s.train.at(-1) ?? Number.NaN)}`)
        .join(', ')}`,
    );
  }

  private line(
    context: CanvasRenderingContext2D,
    values: readonly number[],
    colour: string,
    dash: number[],
    x: (epoch: number) => number,
    y: (loss: number) => number,
    plotW: number,
  ): void {
    if (values.length === 0) return;
    const step = Math.max(1, Math.floor(values.length / plotW));
    context.strokeStyle = colour;
    context.setLineDash(dash);
    context.lineWidth = 1.6;
    context.beginPath();
    let drawing = false;
    for (let i = 0; i < values.length; i += step) {
      const v = values[i]!;
      if (!Number.isFinite(v)) {
        drawing = false;
        continue;
      }
      if (drawing) context.lineTo(x(i), y(v));
      else context.moveTo(x(i), y(v));
      drawing = true;
    }
    const lastIndex = values.length - 1;
    if (drawing && Number.isFinite(values[lastIndex]!))
      context.lineTo(x(lastIndex), y(values[lastIndex]!));
    context.stroke();
    context.setLineDash([]);
  }
}

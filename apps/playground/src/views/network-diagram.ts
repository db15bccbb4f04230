import { formatNumber, labelColour } from '../colour-scale';
import type { Domain } from '../plane-data';
import type { FocusSnapshot } from '../protocol';
import { Heatmap } from './heatmap';

/** What the diagram draws: the focus network, sampled over the plane. */
export interface NetworkDiagramData {
  focus: FocusSnapshot;
  colour: string;
  resolution: number;
  domain: Domain;
  /** The input heatmaps (x1 and x2 over the plane), the same for every network. */
  inputs: [Float32Array, Float32Array];
  /** The selected point's id, for the hover text; '' for none. */
  selected: string;
}

const cell = 44;
const columnGap = 120;
const rowGap = 14;

/**
 * The network in focus, TensorFlow Playground style: every neuron a small heatmap of its own
 * output over the plane, every edge coloured by its weight's sign (the point colours: blue −,
 * orange +) and as thick as its size. Hovering or focusing a neuron shows its value and gradient
 * for the selected point.
 */
export class NetworkDiagram {
  readonly element: HTMLElement;
  /** The edges, drawn on a canvas: a few hundred SVG lines restyled ten times a second cost the page its frame rate. */
  private readonly edgeCanvas: HTMLCanvasElement;
  private readonly layer: HTMLElement;
  private readonly tip: HTMLElement;
  private heatmaps: Heatmap[] = [];
  private edges: { x1: number; y1: number; x2: number; y2: number }[] = [];
  private shape = '';
  private last: NetworkDiagramData | null = null;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'network-diagram';
    this.edgeCanvas = document.createElement('canvas');
    this.edgeCanvas.className = 'edges';
    this.layer = document.createElement('div');
    this.layer.className = 'neurons';
    this.tip = document.createElement('div');
    this.tip.className = 'neuron-tip';
    this.tip.setAttribute('role', 'status');
    this.element.append(this.edgeCanvas, this.layer, this.tip);
  }

  update(data: NetworkDiagramData): void {
    this.last = data;
    const { sizes } = data.focus;
    const shape = sizes.join('-');
    if (shape !== this.shape) this.build(sizes);
    const count = data.resolution * data.resolution;
    let k = 0;
    for (const [i, values] of data.inputs.entries()) {
      this.heatmaps[i]!.update({ values, resolution: data.resolution, domain: data.domain });
      k = i + 1;
    }
    const grids = data.focus.neuronGrids;
    for (let n = 0; n < grids.length / count; n++) {
      this.heatmaps[k++]!.update({
        values: grids.subarray(n * count, (n + 1) * count),
        resolution: data.resolution,
        domain: data.domain,
      });
    }
    const all = data.focus.weights.flatMap((layer) => layer.flatMap((n) => n.slice(0, -1)));
    const largest = Math.max(1e-9, ...all.map(Math.abs));
    const context = this.edgeCanvas.getContext('2d')!;
    const scale = this.edgeCanvas.width / Number.parseFloat(this.edgeCanvas.style.width);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, this.edgeCanvas.width, this.edgeCanvas.height);
    all.forEach((w, e) => {
      const edge = this.edges[e]!;
      context.strokeStyle = labelColour(w);
      context.globalAlpha = 0.25 + 0.6 * (Math.abs(w) / largest);
      context.lineWidth = 0.5 + 5 * (Math.abs(w) / largest);
      context.beginPath();
      context.moveTo(edge.x1, edge.y1);
      context.lineTo(edge.x2, edge.y2);
      context.stroke();
    });
    context.globalAlpha = 1;
  }

  private build(sizes: number[]): void {
    this.shape = sizes.join('-');
    const tallest = Math.max(...sizes);
    const height = tallest * (cell + rowGap) - rowGap + 20;
    const width = (sizes.length - 1) * columnGap + cell + 70;
    this.element.style.width = `${width}px`;
    this.element.style.height = `${height}px`;
    const scale = Math.min(window.devicePixelRatio || 1, 2);
    this.edgeCanvas.width = Math.round(width * scale);
    this.edgeCanvas.height = Math.round(height * scale);
    this.edgeCanvas.style.width = `${width}px`;
    this.edgeCanvas.style.height = `${height}px`;
    this.layer.replaceChildren();
    this.heatmaps = [];
    this.edges = [];
    const position = (l: number, n: number): [number, number] => {
      const top = ((tallest - sizes[l]!) * (cell + rowGap)) / 2 + 10;
      return [l * columnGap, top + n * (cell + rowGap)];
    };
    for (let l = 1; l < sizes.length; l++) {
      for (let n = 0; n < sizes[l]!; n++) {
        for (let i = 0; i < sizes[l - 1]!; i++) {
          const [x1, y1] = position(l - 1, i);
          const [x2, y2] = position(l, n);
          this.edges.push({ x1: x1 + cell, y1: y1 + cell / 2, x2, y2: y2 + cell / 2 });
        }
      }
    }
    let index = 0;
    sizes.forEach((size, l) => {
      for (let n = 0; n < size; n++) {
        const heatmap = new Heatmap(cell, 'neuron');
        const [x, y] = position(l, n);
        const box = document.createElement('div');
        box.className = 'neuron-box';
        box.style.left = `${x}px`;
        box.style.top = `${y}px`;
        const name = l === 0 ? `x${n + 1}` : `L${l}N${n + 1}`;
        box.tabIndex = 0;
        box.setAttribute('aria-label', l === 0 ? `input ${name}` : `neuron ${name}`);
        box.append(heatmap.canvas);
        const neuron = l === 0 ? -1 : index++;
        const show = () => this.describe(name, neuron, x, y);
        box.addEventListener('mouseenter', show);
        box.addEventListener('focus', show);
        box.addEventListener('mouseleave', () => this.tip.classList.remove('shown'));
        box.addEventListener('blur', () => this.tip.classList.remove('shown'));
        this.layer.append(box);
        this.heatmaps.push(heatmap);
      }
    });
  }

  private describe(name: string, neuron: number, x: number, y: number): void {
    const data = this.last;
    if (!data) return;
    const point = data.focus.point;
    let text: string;
    if (neuron < 0)
      text = `${name}: the input, ${name === 'x1' ? 'left to right' : 'bottom to top'}`;
    else if (!point) text = `${name}: select a point to see its value and gradient`;
    else {
      text = `${name} at point ${data.selected}: value ${formatNumber(point.data[neuron]!)}, gradient ${formatNumber(point.grad[neuron]!)}`;
    }
    this.tip.textContent = text;
    this.tip.style.left = `${x + cell + 6}px`;
    this.tip.style.top = `${y}px`;
    this.tip.classList.add('shown');
  }
}

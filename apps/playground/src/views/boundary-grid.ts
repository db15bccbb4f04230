import { formatLoss } from '@mg/compare/browser';
import type { Domain, PlanePoint } from '../plane-data';
import { fromPixels, Heatmap, toPixels } from './heatmap';

/** One panel's data: an activation's decision boundary and its latest losses. */
export interface BoundaryPanelData {
  activation: string;
  colour: string;
  values: Float32Array;
  trainLoss: number;
  testLoss: number;
  diverged: number | null;
}

/** What the small multiples draw. */
export interface BoundaryGridData {
  panels: BoundaryPanelData[];
  resolution: number;
  domain: Domain;
  points: readonly PlanePoint[];
  selected: string;
  focus: string;
  /** The epoch the pictures show. */
  epoch: number;
}

/** The gap between panels and each panel's padding and border, in CSS pixels (see styles.css). */
const gap = 12;
const framing = 14;

/** What a click on a panel asks for. */
export type PlaneClick =
  | { kind: 'add'; x: number; y: number }
  | { kind: 'select'; id: string }
  | { kind: 'remove'; id: string };

/**
 * The decision boundary of every activation as small multiples: one heatmap per activation with
 * the same points on top. A click adds a point, a click on a point selects it, and a
 * shift-click on a point removes it; a click on a panel's title puts that activation in focus.
 */
export class BoundaryGrid {
  readonly element: HTMLElement;
  private panels: {
    activation: string;
    root: HTMLElement;
    heatmap: Heatmap;
    caption: HTMLElement;
  }[] = [];
  private last: BoundaryGridData | null = null;

  constructor(
    private readonly maxSize: number,
    private readonly onClick: (click: PlaneClick) => void,
    private readonly onFocus: (activation: string) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'boundary-grid';
  }

  update(data: BoundaryGridData): void {
    this.last = data;
    this.element.dataset.epoch = String(data.epoch);
    const names = data.panels.map((p) => p.activation).join('|');
    if (names !== this.panels.map((p) => p.activation).join('|')) this.build(data);
    data.panels.forEach((panel, i) => {
      const view = this.panels[i]!;
      view.root.classList.toggle('focus', panel.activation === data.focus);
      view.root.dataset.trainLoss = String(panel.trainLoss);
      view.root.dataset.testLoss = String(panel.testLoss);
      view.heatmap.update({ ...data, values: panel.values });
      view.caption.textContent =
        panel.diverged === null
          ? `train ${formatLoss(panel.trainLoss)}\ntest ${formatLoss(panel.testLoss)}`
          : `diverged at epoch ${panel.diverged}`;
    });
  }

  private build(data: BoundaryGridData): void {
    this.element.replaceChildren();
    // One row when it fits with panels of at least 150 px (small multiples read best side by
    // side), never larger than `maxSize`.
    const count = data.panels.length;
    const room = Math.floor((this.element.clientWidth - (count - 1) * gap) / count) - framing;
    const size = Math.max(150, Math.min(this.maxSize, room || this.maxSize));
    this.panels = data.panels.map((panel) => {
      const root = document.createElement('figure');
      root.className = 'boundary';
      root.dataset.activation = panel.activation;
      root.style.width = `${size}px`;
      const title = document.createElement('button');
      title.type = 'button';
      title.className = 'boundary-title';
      title.title = `Show ${panel.activation}'s network and graph`;
      title.innerHTML = `<span class="swatch" style="background:${panel.colour}"></span>`;
      title.append(panel.activation);
      title.addEventListener('click', () => this.onFocus(panel.activation));
      const heatmap = new Heatmap(size);
      heatmap.canvas.setAttribute('role', 'img');
      heatmap.canvas.setAttribute(
        'aria-label',
        `Decision boundary of ${panel.activation}; click to add a point, shift-click a point to remove it`,
      );
      heatmap.canvas.addEventListener('click', (event) => this.click(event, heatmap.canvas));
      const caption = document.createElement('figcaption');
      root.append(title, heatmap.canvas, caption);
      this.element.append(root);
      return { activation: panel.activation, root, heatmap, caption };
    });
  }

  private click(event: MouseEvent, canvas: HTMLCanvasElement): void {
    const data = this.last;
    if (!data) return;
    const box = canvas.getBoundingClientRect();
    const [cx, cy] = [event.clientX - box.left, event.clientY - box.top];
    // The nearest point within 8 CSS pixels is the one clicked.
    let hit: PlanePoint | null = null;
    let best = 8;
    for (const p of data.points) {
      const [px, py] = toPixels(p, data.domain, box.width);
      const distance = Math.hypot(px - cx, py - cy);
      if (distance <= best) {
        best = distance;
        hit = p;
      }
    }
    if (hit) this.onClick({ kind: event.shiftKey ? 'remove' : 'select', id: hit.id });
    else this.onClick({ kind: 'add', ...fromPixels(cx, cy, data.domain, box.width) });
  }
}

import { formatNumber } from '../colour-scale';
import { type GraphLayout, labelCellWidth, numberCellWidth } from '../graph-layout';
import type { GraphSnapshot } from '../protocol';

const svgNS = 'http://www.w3.org/2000/svg';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The selected point's loss graph, drawn like micrograd's `draw_dot`: one box per node with its
 * label, `data` and `grad`, edges from operands to results, laid out by dagre (in the worker).
 * The boxes are rebuilt only when the structure changes; each step rewrites their numbers.
 * Wheel or the buttons zoom, dragging or the arrow keys pan, 'Fit' shows it all.
 */
export class GraphView {
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly content: SVGGElement;
  private readonly note: HTMLElement;
  private key = '';
  private cells: {
    data: SVGTextElement;
    grad: SVGTextElement;
    group: SVGGElement;
    box: Box;
    /** The text shown, to skip rewriting an unchanged one. */
    shown: string;
  }[] = [];
  private nodes: GraphSnapshot['nodes'] = [];
  /** Every layout received, by structure key (the worker sends each once). */
  private readonly layouts = new Map<string, GraphLayout>();
  private view: Box = { x: 0, y: 0, width: 800, height: 400 };
  private bounds: Box = { x: 0, y: 0, width: 800, height: 400 };

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'graph-view';
    const toolbar = document.createElement('div');
    toolbar.className = 'toolbar';
    const button = (text: string, label: string, action: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.addEventListener('click', action);
      toolbar.append(b);
    };
    button('+', 'Zoom in', () => this.zoom(1 / 1.4));
    button('−', 'Zoom out', () => this.zoom(1.4));
    button('Fit', 'Show the whole graph', () => this.fit());
    button('Loss', 'Go to the loss end of the graph', () => this.showEnd());
    this.note = document.createElement('p');
    this.note.className = 'graph-note';
    toolbar.append(this.note);
    this.svg = document.createElementNS(svgNS, 'svg');
    this.svg.setAttribute('class', 'graph-svg');
    this.svg.setAttribute('tabindex', '0');
    this.svg.setAttribute('role', 'img');
    this.svg.setAttribute('aria-label', 'Computation graph; arrow keys pan, + and − zoom');
    this.content = document.createElementNS(svgNS, 'g');
    this.svg.append(this.content);
    this.element.append(toolbar, this.svg);
    this.listen();
  }

  /** Draws `graph`, or a message when there is none (`graph` null). */
  update(graph: GraphSnapshot | null, caption: string): void {
    if (!graph) {
      this.key = '';
      this.content.replaceChildren();
      this.cells = [];
      this.nodes = [];
      this.note.textContent = caption;
      return;
    }
    this.note.textContent = graph.collapsed
      ? `${caption} The full graph has ${graph.fullSize} nodes, too many to read: one box per neuron (its output's data and grad).`
      : `${caption} ${graph.nodes.length} nodes; wheel zooms, drag pans.`;
    if (graph.layout) this.layouts.set(graph.key, graph.layout);
    const layout = this.layouts.get(graph.key);
    if (!layout) return;
    this.nodes = graph.nodes;
    if (graph.key !== this.key) this.build(graph, layout);
    graph.nodes.forEach((node, i) => {
      const cell = this.cells[i]!;
      cell.group.dataset.data = String(node.data);
      cell.group.dataset.grad = String(node.grad);
    });
    this.writeVisible();
  }

  /**
   * Rewrites the numbers of the boxes in view only: text changes are what makes the browser lay
   * the SVG out again, and most of a large graph is off screen. Panning and zooming call it too.
   */
  private writeVisible(): void {
    const v = this.view;
    this.nodes.forEach((node, i) => {
      const cell = this.cells[i];
      if (!cell) return;
      const b = cell.box;
      const visible =
        b.x + b.width >= v.x &&
        b.x <= v.x + v.width &&
        b.y + b.height >= v.y &&
        b.y <= v.y + v.height;
      if (!visible) return;
      const data = `data ${formatNumber(node.data)}`;
      const grad = `grad ${formatNumber(node.grad)}`;
      if (cell.shown === data + grad) return;
      cell.shown = data + grad;
      cell.data.textContent = data;
      cell.grad.textContent = grad;
    });
  }

  private build(graph: GraphSnapshot, layout: GraphLayout): void {
    this.key = graph.key;
    this.content.replaceChildren();
    for (const points of layout.edges) {
      if (points.length < 2) continue;
      const path = document.createElementNS(svgNS, 'path');
      path.setAttribute('d', `M${points.map((p) => `${p.x},${p.y}`).join('L')}`);
      path.setAttribute('class', 'graph-edge');
      this.content.append(path);
    }
    this.cells = graph.nodes.map((node, i) => {
      const box = layout.nodes[i]!;
      const group = document.createElementNS(svgNS, 'g');
      group.setAttribute('class', `graph-node kind-${node.kind}`);
      group.setAttribute(
        'transform',
        `translate(${box.x - box.width / 2},${box.y - box.height / 2})`,
      );
      group.dataset.label = node.label;
      const rect = document.createElementNS(svgNS, 'rect');
      rect.setAttribute('width', String(box.width));
      rect.setAttribute('height', String(box.height));
      rect.setAttribute('rx', '3');
      const first = labelCellWidth(node.label);
      const text = (x: number, content: string, className: string) => {
        const t = document.createElementNS(svgNS, 'text');
        t.setAttribute('x', String(x));
        t.setAttribute('y', String(box.height / 2));
        t.setAttribute('class', className);
        t.textContent = content;
        group.append(t);
        return t;
      };
      const divider = (x: number) => {
        const line = document.createElementNS(svgNS, 'line');
        line.setAttribute('x1', String(x));
        line.setAttribute('x2', String(x));
        line.setAttribute('y2', String(box.height));
        group.append(line);
      };
      group.append(rect);
      text(6, node.label, 'graph-label');
      divider(first);
      divider(first + numberCellWidth);
      const data = text(first + 6, '', 'graph-number');
      const grad = text(first + numberCellWidth + 6, '', 'graph-number');
      this.content.append(group);
      const corner = { x: box.x - box.width / 2, y: box.y - box.height / 2 };
      return {
        data,
        grad,
        group,
        box: { ...corner, width: box.width, height: box.height },
        shown: '',
      };
    });
    this.bounds = { x: 0, y: 0, width: layout.width, height: layout.height };
    this.showEnd();
  }

  /** The right end where the loss is, at 4/5 size, vertically centred on the loss. */
  private showEnd(): void {
    const box = this.svg.getBoundingClientRect();
    const width = Math.max(box.width, 300) / 0.8;
    const height = Math.max(box.height, 200) / 0.8;
    const loss = this.cells.at(-1)?.group.transform.baseVal.consolidate()?.matrix;
    const centreY = loss ? loss.f : this.bounds.height / 2;
    this.setView({
      x: this.bounds.width - width + 12,
      y: centreY - height / 2,
      width,
      height,
    });
  }

  private fit(): void {
    const box = this.svg.getBoundingClientRect();
    const aspect = Math.max(box.width, 1) / Math.max(box.height, 1);
    let { width, height } = this.bounds;
    if (width / height > aspect) height = width / aspect;
    else width = height * aspect;
    this.setView({
      x: (this.bounds.width - width) / 2,
      y: (this.bounds.height - height) / 2,
      width,
      height,
    });
  }

  private zoom(factor: number, centre?: { x: number; y: number }): void {
    const v = this.view;
    const c = centre ?? { x: v.x + v.width / 2, y: v.y + v.height / 2 };
    const width = Math.min(Math.max(v.width * factor, 60), 40 * this.bounds.width + 800);
    const k = width / v.width;
    this.setView({
      x: c.x - (c.x - v.x) * k,
      y: c.y - (c.y - v.y) * k,
      width,
      height: v.height * k,
    });
  }

  private setView(view: Box): void {
    this.view = view;
    this.svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
    this.writeVisible();
  }

  private listen(): void {
    const toGraph = (event: MouseEvent) => {
      const box = this.svg.getBoundingClientRect();
      return {
        x: this.view.x + ((event.clientX - box.left) / box.width) * this.view.width,
        y: this.view.y + ((event.clientY - box.top) / box.height) * this.view.height,
      };
    };
    this.svg.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        this.zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, toGraph(event));
      },
      { passive: false },
    );
    let drag: { x: number; y: number; view: Box } | null = null;
    this.svg.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY, view: { ...this.view } };
      this.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const box = this.svg.getBoundingClientRect();
      const k = this.view.width / box.width;
      this.setView({
        ...this.view,
        x: drag.view.x - (event.clientX - drag.x) * k,
        y: drag.view.y - (event.clientY - drag.y) * k,
      });
    });
    this.svg.addEventListener('pointerup', () => {
      drag = null;
    });
    this.svg.addEventListener('keydown', (event) => {
      const step = this.view.width / 8;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        this.setView({ ...this.view, x: this.view.x + move[0], y: this.view.y + move[1] });
      } else if (event.key === '+' || event.key === '=') this.zoom(1 / 1.4);
      else if (event.key === '-') this.zoom(1.4);
    });
  }
}

import { builtins } from '@mg/activations';
import { colours } from '@mg/compare/browser';
import { formatNumber } from './colour-scale';
import { Controls } from './controls';
import {
  type Domain,
  makePoints,
  type PlanePoint,
  planeDomain,
  splitPoints,
  suggestedNoise,
} from './plane-data';
import type { FromWorker, Snapshot, ToWorker, ViewRequest } from './protocol';
import { copyState, type PlaygroundState, parseHash, toHash } from './state';
import { BoundaryGrid, type PlaneClick } from './views/boundary-grid';
import { GraphView } from './views/graph-view';
import { LossChart } from './views/loss-chart';
import { NetworkDiagram } from './views/network-diagram';

/** Heatmap cells per side. */
const resolution = 40;

/** Keys whose change rebuilds the points (and so restarts training). */
const dataKeys: (keyof PlaygroundState)[] = [
  'dataset',
  'noise',
  'points',
  'testPercent',
  'dataSeed',
  'added',
  'removed',
];
/** Keys whose change rebuilds the networks. */
const networkKeys: (keyof PlaygroundState)[] = [
  'layers',
  'activations',
  'output',
  'learningRate',
  'optimizer',
  'seed',
];

/** The page's parts the controller fills. */
export interface PageParts {
  controls: HTMLElement;
  boundaries: HTMLElement;
  chart: HTMLElement;
  network: HTMLElement;
  networkTitle: HTMLElement;
  graph: HTMLElement;
  graphTitle: HTMLElement;
  epoch: HTMLElement;
  rate: HTMLElement;
  parameters: HTMLElement;
}

/**
 * Wires the state (kept in the URL hash), the controls, the training worker and the views. Only
 * the controller changes state; views get data and draw it.
 */
export class Controller {
  private state: PlaygroundState;
  private points: PlanePoint[] = [];
  private domain: Domain = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  private readonly inputs = inputHeatmaps();
  private readonly worker: Worker;
  private nextId = 1;
  private setupId = 0;
  private inFlight = 0;
  private playing = false;
  private stepQueued = false;
  private viewQueued = false;
  private losses = new Map<
    string,
    {
      train: number[];
      test: number[];
      diverged: number | null;
      current: { train: number; test: number };
    }
  >();
  /** The latest snapshot with pictures, and the latest epoch of any. */
  private latest: Snapshot | null = null;
  private epoch = 0;
  private lastVisualsAt = 0;
  private framesSincePost = 0;
  /**
   * Milliseconds between pictures while playing: ten a second, fewer when drawing them takes long
   * (four times the last drawing's time), so that the page keeps its frame rate.
   */
  private visualInterval = 100;
  private lastLossesAt = 0;
  private rateWindow: { time: number; epoch: number }[] = [];
  private readonly controls: Controls;
  private readonly grid: BoundaryGrid;
  private readonly chart: LossChart;
  private readonly diagram: NetworkDiagram;
  private readonly graph: GraphView;

  constructor(private readonly parts: PageParts) {
    const parsed = parseHash(location.hash);
    this.state = parsed.state;
    this.worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.controls = new Controls(
      {
        change: (changes) => this.change(changes),
        playPause: () => this.setPlaying(!this.playing),
        step: () => this.step(),
        reset: () => this.restart(),
        selectNext: (offset) => this.selectNext(offset),
        removeSelected: () => this.removeSelected(),
      },
      (name) => this.colourOf(name),
    );
    parts.controls.append(this.controls.element);
    this.grid = new BoundaryGrid(
      220,
      (click) => this.click(click),
      (activation) => this.change({ focus: activation }),
    );
    parts.boundaries.append(this.grid.element);
    this.chart = new LossChart(560, 260);
    parts.chart.append(this.chart.element);
    this.diagram = new NetworkDiagram();
    parts.network.append(this.diagram.element);
    this.graph = new GraphView();
    parts.graph.append(this.graph.element);
    if (parsed.ignored.length > 0) {
      this.controls.showProblem(
        `Ignored invalid values in the link: ${parsed.ignored.join(', ')}.`,
      );
    }
    window.addEventListener('hashchange', () => {
      if (location.hash === toHash(this.state)) return;
      this.apply(parseHash(location.hash).state);
    });
    window.addEventListener('keydown', (event) => this.key(event));
    this.restart();
    this.writeHash();
    requestAnimationFrame(() => this.frame());
  }

  /** The activation's colour in every view: the CLI charts' palette, from @mg/compare. */
  private colourOf(name: string): string {
    const names = [...new Set([...this.state.activations, name])];
    return colours(
      names,
      builtins.map((a) => a.name),
    )[names.indexOf(name)]!;
  }

  private change(changes: Partial<PlaygroundState>): void {
    const next = { ...copyState(this.state), ...changes };
    if (changes.dataset && changes.noise === undefined)
      next.noise = suggestedNoise[changes.dataset];
    if (changes.dataset || changes.points !== undefined || changes.dataSeed !== undefined) {
      next.removed = [];
      next.added = [];
    }
    if (!next.activations.includes(next.focus)) next.focus = next.activations[0]!;
    this.apply(next);
  }

  private apply(next: PlaygroundState): void {
    const before = this.state;
    this.state = next;
    const differs = (key: keyof PlaygroundState) =>
      JSON.stringify(before[key]) !== JSON.stringify(next[key]);
    if (dataKeys.some(differs) || networkKeys.some(differs)) this.restart();
    else if (differs('focus') || differs('selected')) this.requestView();
    this.writeHash();
    this.controls.update(this.state, this.playing);
    this.render();
  }

  private writeHash(): void {
    history.replaceState(null, '', toHash(this.state));
  }

  /** New points, new networks from the seed, epoch 0. */
  private restart(): void {
    this.points = makePoints(this.state);
    this.domain = planeDomain(this.state);
    if (!this.points.some((p) => p.id === this.state.selected)) {
      this.state.selected = this.points.find((p) => !p.test)?.id ?? '';
    }
    const { train, test } = splitPoints(this.points);
    this.losses = new Map(
      this.state.activations.map((a) => [
        a,
        { train: [], test: [], diverged: null, current: { train: Number.NaN, test: Number.NaN } },
      ]),
    );
    this.rateWindow = [];
    const id = this.nextId++;
    this.setupId = id;
    this.post({
      type: 'setup',
      id,
      setup: {
        train,
        test,
        layers: this.state.layers,
        activations: this.state.activations,
        output: this.state.output,
        learningRate: this.state.learningRate,
        optimizer: this.state.optimizer,
        seed: this.state.seed,
        domain: this.domain,
        resolution,
      },
      view: this.viewRequest(),
    });
    this.controls.update(this.state, this.playing);
  }

  private viewRequest(visuals = true): ViewRequest {
    const point = this.points.find((p) => p.id === this.state.selected);
    if (visuals) this.lastVisualsAt = performance.now();
    return {
      focus: this.state.focus,
      selected: point ? { x: point.x, y: point.y, target: point.label } : null,
      visuals,
    };
  }

  private post(message: ToWorker): void {
    this.inFlight++;
    this.framesSincePost = 0;
    this.worker.postMessage(message);
  }

  private requestView(): void {
    if (this.inFlight > 0) this.viewQueued = true;
    else this.post({ type: 'view', id: this.nextId++, view: this.viewRequest() });
  }

  private step(): void {
    this.setPlaying(false);
    if (this.inFlight > 0) this.stepQueued = true;
    else this.post({ type: 'train', id: this.nextId++, epochs: 1, view: this.viewRequest() });
  }

  private setPlaying(playing: boolean): void {
    // The last answers while playing may have come without pictures: draw the final state.
    if (this.playing && !playing) this.requestView();
    this.playing = playing;
    this.rateWindow = [];
    this.controls.update(this.state, playing);
    this.render();
  }

  /** Each animation frame: ask for the next epochs when the worker is free. */
  /**
   * Each animation frame: when the worker is free, ask for `speed` epochs per frame since the last
   * request (so a slow answer does not slow training down), with pictures ten times a second.
   */
  private frame(): void {
    this.framesSincePost++;
    if (this.inFlight === 0) {
      if (this.stepQueued) {
        this.stepQueued = false;
        this.post({ type: 'train', id: this.nextId++, epochs: 1, view: this.viewRequest() });
      } else if (this.playing) {
        const epochs = this.state.speed * Math.min(this.framesSincePost, 8);
        const visuals = performance.now() - this.lastVisualsAt >= this.visualInterval;
        this.post({ type: 'train', id: this.nextId++, epochs, view: this.viewRequest(visuals) });
      } else if (this.viewQueued) {
        this.viewQueued = false;
        this.requestView();
      }
    }
    requestAnimationFrame(() => this.frame());
  }

  private receive(message: FromWorker): void {
    this.inFlight--;
    // Answers to messages sent before the latest setup describe networks that no longer exist.
    if (message.id < this.setupId) return;
    if (message.type === 'error') {
      this.setPlaying(false);
      this.controls.showProblem(message.message);
      return;
    }
    const snapshot = message.snapshot;
    // Marks for the speed measurement (scripts/measure-speed.ts): the worker's time per answer.
    performance.mark('snapshot-received', {
      detail: { epoch: snapshot.epoch, workMs: snapshot.workMs },
    });
    for (const update of snapshot.losses) {
      const store = this.losses.get(update.activation);
      if (!store) continue;
      store.train.push(...update.train);
      store.test.push(...update.test);
      store.diverged = update.diverged;
      store.current = update.current;
    }
    this.epoch = snapshot.epoch;
    const now = performance.now();
    this.rateWindow.push({ time: now, epoch: snapshot.epoch });
    while (this.rateWindow.length > 2 && now - this.rateWindow[0]!.time > 1000) {
      this.rateWindow.shift();
    }
    if (snapshot.visuals) {
      this.latest = snapshot;
      const start = performance.now();
      this.render();
      this.visualInterval = Math.min(1000, Math.max(100, 4 * (performance.now() - start)));
    } else if (now - this.lastLossesAt >= 50) this.renderLosses();
    performance.measure('render', 'snapshot-received');
  }

  /** The epoch counter, the rate and the loss chart: drawn up to twenty times a second. */
  private renderLosses(): void {
    const { parts, state } = this;
    this.lastLossesAt = performance.now();
    parts.epoch.textContent = String(this.epoch);
    const first = this.rateWindow[0];
    const last = this.rateWindow.at(-1);
    const rate =
      this.playing && first && last && last.time > first.time
        ? ((last.epoch - first.epoch) * 1000) / (last.time - first.time)
        : 0;
    parts.rate.textContent = this.playing
      ? `${Math.round(rate)} epochs/s per activation`
      : 'paused';
    this.chart.update(
      state.activations.map((activation) => ({
        activation,
        colour: this.colourOf(activation),
        train: this.losses.get(activation)?.train ?? [],
        test: this.losses.get(activation)?.test ?? [],
      })),
    );
  }

  /** Everything: the losses, and the pictures of the latest snapshot that has them. */
  private render(): void {
    const snapshot = this.latest;
    if (!snapshot || snapshot.boundaries.length !== this.state.activations.length) return;
    const { parts, state } = this;
    this.renderLosses();
    const panels = state.activations.map((activation, i) => {
      const losses = this.losses.get(activation)!;
      return {
        activation,
        colour: this.colourOf(activation),
        values: snapshot.boundaries[i]!,
        trainLoss: losses.current.train,
        testLoss: losses.current.test,
        diverged: losses.diverged,
      };
    });
    this.grid.update({
      panels,
      resolution,
      domain: this.domain,
      points: this.points,
      selected: state.selected,
      focus: state.focus,
      epoch: snapshot.epoch,
    });
    const focus = snapshot.focus;
    if (focus) {
      parts.networkTitle.textContent = `Network: ${focus.activation} (${focus.sizes.join('-')})`;
      this.diagram.update({
        focus,
        colour: this.colourOf(focus.activation),
        resolution,
        domain: this.domain,
        inputs: this.inputs,
        selected: state.selected,
      });
      parts.parameters.textContent = JSON.stringify(focus.parameters);
    }
    const point = this.points.find((p) => p.id === state.selected);
    parts.graphTitle.textContent = point
      ? `Computation graph of point ${point.id}'s loss (${focus?.activation ?? ''})`
      : 'Computation graph';
    this.graph.update(
      snapshot.graph,
      point
        ? `Point ${point.id} at (${formatNumber(point.x)}, ${formatNumber(point.y)}), class ${point.label > 0 ? '+1' : '−1'}, epoch ${snapshot.epoch}.`
        : 'Click a point on a plane to see its loss graph.',
    );
  }

  private click(click: PlaneClick): void {
    if (click.kind === 'select') this.change({ selected: click.id });
    else if (click.kind === 'remove') this.remove(click.id);
    else {
      const added = [
        ...this.state.added,
        { x: round(click.x), y: round(click.y), label: this.state.addLabel },
      ];
      this.change({ added, selected: `a${added.length - 1}` });
    }
  }

  private remove(id: string): void {
    const index = Number(id.slice(1));
    const selected = this.state.selected === id ? '' : this.state.selected;
    if (id.startsWith('g')) this.change({ removed: [...this.state.removed, index], selected });
    else {
      // Later added points move down one place, so their ids do too.
      const added = this.state.added.filter((_, j) => j !== index);
      const shifted =
        selected.startsWith('a') && Number(selected.slice(1)) > index
          ? `a${Number(selected.slice(1)) - 1}`
          : selected;
      this.change({ added, selected: shifted });
    }
  }

  private removeSelected(): void {
    if (this.state.selected) this.remove(this.state.selected);
  }

  private selectNext(offset: 1 | -1): void {
    if (this.points.length === 0) return;
    const at = this.points.findIndex((p) => p.id === this.state.selected);
    const next = (at + offset + this.points.length) % this.points.length;
    this.change({ selected: this.points[next]!.id });
  }

  private key(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.removeSelected();
    }
  }
}

/** x1 and x2 over the grid: the input neurons' heatmaps, scaled to [−1, 1]. */
function inputHeatmaps(): [Float32Array, Float32Array] {
  const x1 = new Float32Array(resolution * resolution);
  const x2 = new Float32Array(resolution * resolution);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      x1[r * resolution + c] = ((c + 0.5) / resolution) * 2 - 1;
      x2[r * resolution + c] = 1 - ((r + 0.5) / resolution) * 2;
    }
  }
  return [x1, x2];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

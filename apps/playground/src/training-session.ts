import { defaultRegistry } from '@mg/activations';
import { createTrainer, MLP, type Trainer } from '@mg/nn';
import { type GraphLayout, layoutGraph } from './graph-layout';
import { NetworkProbe } from './network-probe';
import { pointGraph } from './point-graph';
import type { FocusSnapshot, LossUpdate, SessionSetup, Snapshot, ViewRequest } from './protocol';

/** One compared activation's network, trainer, probe and unsent losses. */
interface Run {
  activation: string;
  model: MLP;
  trainer: Trainer | null;
  probe: NetworkProbe;
  pending: LossUpdate;
}

/**
 * The worker's side of the playground, free of any messaging so that it can be tested in Node:
 * one network per activation, all from the same initial parameters (one seed), trained on the same
 * points; `train(epochs)` steps every one of them, `snapshot(view)` says what to draw.
 */
export class TrainingSession {
  readonly setup: SessionSetup;
  private readonly runs: Run[];
  private readonly cells: number[];
  private epoch = 0;
  /** Graph layouts by structure key: laid out and sent once (structured cloning them is not free). */
  private readonly layouts = new Map<string, GraphLayout>();

  constructor(setup: SessionSetup) {
    this.setup = setup;
    const registry = defaultRegistry();
    this.runs = setup.activations.map((activation) => {
      // 'tanh/relu': one activation per hidden layer (nn's list form).
      const perLayer = activation.split('/');
      const model = new MLP(2, [...setup.layers, 1], {
        activation: perLayer.length === 1 ? activation : perLayer,
        // 'same': the (last hidden layer's) compared activation, nn's default.
        ...(setup.output === 'same' ? {} : { outputActivation: setup.output }),
        seed: setup.seed,
        registry,
      });
      const trainer =
        setup.train.xs.length === 0
          ? null
          : createTrainer(model, setup.train, {
              learningRate: setup.learningRate,
              optimizer: setup.optimizer,
              loss: 'mse',
            });
      const pending = {
        activation,
        from: 0,
        train: [],
        test: [],
        diverged: null,
        current: { train: Number.NaN, test: Number.NaN },
      };
      return { activation, model, trainer, probe: new NetworkProbe(model), pending };
    });
    this.cells = gridCells(setup);
  }

  /** Epochs run so far. */
  get epochs(): number {
    return this.epoch;
  }

  /**
   * Runs `epochs` epochs of every network. Each epoch records the test loss at the parameters the
   * training loss is computed at (before the update). A diverged network stays where it stopped.
   */
  train(epochs: number): void {
    const { train, test } = this.setup;
    if (train.xs.length === 0) return;
    for (let e = 0; e < epochs; e++) {
      for (const run of this.runs) {
        if (run.pending.diverged !== null || run.trainer === null) continue;
        run.trainer.sync();
        run.probe.refresh();
        const testLoss = run.probe.meanSquaredError(test.xs, test.ys as number[]);
        const trainLoss = run.trainer.step();
        run.pending.train.push(trainLoss);
        run.pending.test.push(testLoss);
        if (!Number.isFinite(trainLoss)) run.pending.diverged = this.epoch;
      }
      this.epoch++;
    }
  }

  /** The losses since the last snapshot, every boundary, and the focus activation's details. */
  snapshot(view: ViewRequest): Snapshot {
    const count = this.cells.length / 2;
    const boundaries: Float32Array[] = [];
    let focus: FocusSnapshot | null = null;
    let graph: Snapshot['graph'] = null;
    for (const run of view.visuals ? this.runs : []) {
      run.trainer?.sync();
      run.probe.refresh();
      run.pending.current = {
        train: run.probe.meanSquaredError(this.setup.train.xs, this.setup.train.ys as number[]),
        test: run.probe.meanSquaredError(this.setup.test.xs, this.setup.test.ys as number[]),
      };
      const out = new Float32Array(count);
      if (run.activation === view.focus) {
        const neuronGrids = new Float32Array(run.probe.neuronCount * count);
        run.probe.sample(this.cells, out, neuronGrids);
        const parameters = run.model.getParameters();
        const weights = run.model.layers.map((layer) =>
          layer.neurons.map((n) => [...n.w.map((w) => w.data), n.b.data]),
        );
        let point: FocusSnapshot['point'] = null;
        if (view.selected) {
          const made = pointGraph(run.model, view.selected);
          const sent = this.layouts.has(made.graph.key);
          if (!sent) this.layouts.set(made.graph.key, layoutGraph(made.graph));
          graph = { ...made.graph, layout: sent ? null : this.layouts.get(made.graph.key)! };
          point = { data: made.neuronData, grad: made.neuronGrad };
        }
        focus = {
          activation: run.activation,
          sizes: [2, ...run.model.layerSizes],
          neuronGrids,
          weights,
          point,
          parameters,
        };
      } else {
        run.probe.sample(this.cells, out);
      }
      boundaries.push(out);
    }
    const losses = this.runs.map((run) => {
      const sent = run.pending;
      run.pending = {
        activation: run.activation,
        from: sent.from + sent.train.length,
        train: [],
        test: [],
        diverged: sent.diverged,
        current: sent.current,
      };
      return sent;
    });
    return {
      epoch: this.epoch,
      losses,
      visuals: view.visuals,
      boundaries,
      focus,
      graph,
      workMs: 0,
    };
  }
}

/** The centres of the resolution × resolution grid cells, row-major from the top, as x, y pairs. */
export function gridCells(setup: Pick<SessionSetup, 'domain' | 'resolution'>): number[] {
  const { domain, resolution } = setup;
  const cells: number[] = [];
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      cells.push(
        domain.xMin + ((c + 0.5) / resolution) * (domain.xMax - domain.xMin),
        domain.yMax - ((r + 0.5) / resolution) * (domain.yMax - domain.yMin),
      );
    }
  }
  return cells;
}

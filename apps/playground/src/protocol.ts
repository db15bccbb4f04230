import type { Dataset, OptimizerName } from '@mg/nn';
import type { GraphLayout } from './graph-layout';
import type { Domain } from './plane-data';

/** Everything the worker needs to build one network per activation. */
export interface SessionSetup {
  train: Dataset;
  test: Dataset;
  /** Hidden layer sizes; one output neuron follows. */
  layers: number[];
  activations: string[];
  /** Output activation, or `'same'` as each network's compared activation. */
  output: string;
  learningRate: number;
  optimizer: OptimizerName;
  seed: number;
  /** Where the heatmaps are sampled, `resolution` × `resolution` cell centres. */
  domain: Domain;
  resolution: number;
}

/** What the page wants drawn for the activation in focus. */
export interface ViewRequest {
  /** The activation whose neurons and graph are sent. */
  focus: string;
  /** The selected point, whose loss graph is sent; `null`: none. */
  selected: { x: number; y: number; target: number } | null;
  /**
   * Whether to send the pictures (heatmaps, network, graph) or only the losses: while playing, the
   * page asks for pictures a few times a second and for losses every frame.
   */
  visuals: boolean;
}

/** Messages from the page to the worker. Each carries an id that the answer repeats. */
export type ToWorker =
  | { type: 'setup'; id: number; setup: SessionSetup; view: ViewRequest }
  | { type: 'train'; id: number; epochs: number; view: ViewRequest }
  | { type: 'view'; id: number; view: ViewRequest };

/** Messages from the worker to the page. */
export type FromWorker =
  | { type: 'snapshot'; id: number; snapshot: Snapshot }
  | { type: 'error'; id: number; message: string };

/** One activation's new loss figures since the previous snapshot. */
export interface LossUpdate {
  activation: string;
  /** Epoch of `train[0]` and `test[0]`. */
  from: number;
  /** Mean squared error over the training points, before each epoch's update. */
  train: number[];
  /** Mean squared error over the test points at the same parameters (NaN: no test points). */
  test: number[];
  /** The epoch whose training loss was NaN or infinite (training stopped), or null. */
  diverged: number | null;
  /** Training and test loss at the current parameters (after the last update). */
  current: { train: number; test: number };
}

/** The numbers one node of the selected point's loss graph holds. */
export interface GraphNodeData {
  label: string;
  /** What the node is, for its colour: input, target, weight, bias, sum (the dot), activation, loss. */
  kind: 'input' | 'target' | 'weight' | 'bias' | 'dot' | 'activation' | 'loss' | 'neuron';
  data: number;
  grad: number;
}

/** The selected point's loss graph: micrograd's draw_dot as data. */
export interface GraphSnapshot {
  /** Same key, same nodes and edges (only numbers changed): the page keeps its layout. */
  key: string;
  nodes: GraphNodeData[];
  edges: [number, number][];
  /** True when the full graph was too large and each neuron is one node. */
  collapsed: boolean;
  /** Node count of the full graph. */
  fullSize: number;
  /**
   * Where every node and edge goes (computed in the worker once per key), sent with the first
   * snapshot of a key only: `null` means the one sent before with this key.
   */
  layout: GraphLayout | null;
}

/** The activation in focus: its neurons over the plane, its weights, and the selected point's numbers. */
export interface FocusSnapshot {
  activation: string;
  /** Sizes from the input layer (2) to the output (1). */
  sizes: number[];
  /** Each neuron's output over the grid, neuron after neuron (layer by layer), row-major from the top. */
  neuronGrids: Float32Array;
  /** `weights[l][n]`: weights of neuron n of layer l (layer 0 is the first hidden layer), bias last. */
  weights: number[][][];
  /** Each neuron's output (`data`) and its gradient (`grad`) of the selected point's loss. */
  point: { data: number[]; grad: number[] } | null;
  /** The parameters, in `@mg/nn`'s parameter order (tests recompute the graph from them). */
  parameters: number[];
}

/** What the page draws after a step. */
export interface Snapshot {
  /** Epochs run so far. */
  epoch: number;
  losses: LossUpdate[];
  /** Whether the pictures were computed; if not, `boundaries` is empty and `focus`, `graph` null. */
  visuals: boolean;
  /** Per activation (setup order), the network's output over the grid, row-major from the top. */
  boundaries: Float32Array[];
  focus: FocusSnapshot | null;
  graph: GraphSnapshot | null;
  /** Milliseconds the worker spent on this answer (training and views). */
  workMs: number;
}

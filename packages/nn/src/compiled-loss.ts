import { compile, type Tape, Value } from '@mg/engine';
import { forwardLeaves } from './eager-runner';
import type { MLP } from './mlp';
import { type LossName, sampleLoss } from './sample-loss';
import { fromShapeTemplate, keepAsShapeTemplate } from './shape-template';

/** One sample's loss of a network, compiled: what compiled training replays. */
export interface CompiledLoss {
  /** The loss it computes (`'mse'` compiles as `'sse'`: they differ in the seed only). */
  readonly graph: LossName;
  /** The tape of one sample's loss, its inputs and targets per-sample leaves. */
  readonly tape: Tape;
  /** The model's own parameter list, in `parameters()` order (not a copy: never changed). */
  readonly params: readonly Value[];
  /** The slot of each of the model's parameters, in `parameters()` order. */
  readonly paramSlots: Int32Array;
  /** The slot of each of the network's outputs, in order. */
  readonly outputSlots: Int32Array;
}

/**
 * The compiled loss of `model` for one training to own: the one a finished training gave back,
 * or a new one. A training in progress keeps its own, so two at once never share a tape.
 *
 * The graph depends only on the network and the loss (the data is per-sample), so a network
 * trained again reuses it: compiling can cost more than a short training. (A new small network
 * of the last compiled shape starts from a copy of its tape: see `shape-template.ts`.) The
 * network holds it (`idleLoss`), so it goes when the network goes. NOTE: not a `WeakMap` from
 * networks: V8 keeps a WeakMap's values alive while their keys sit in the old generation until a
 * full collection, so a program that trains one new network after another promoted every tape
 * and spent most of its set-up time collecting garbage (about 250 µs per training of the
 * 3-10-5-4-1 network, 5× the rest of it).
 */
export function takeCompiledLoss(model: MLP, loss: LossName): CompiledLoss {
  const graph = loss === 'mse' ? 'sse' : loss;
  const kept = model.idleLoss;
  if (kept !== null && kept.graph === graph) {
    model.idleLoss = null;
    return kept;
  }
  const reused = fromShapeTemplate(model, graph);
  if (reused !== null) return reused;
  const outputs = model.layerSizes[model.layerSizes.length - 1]!;
  const xLeaves = Array.from({ length: model.inputs }, () => new Value(0, 'x'));
  const yLeaves = Array.from({ length: outputs }, () => new Value(0, 'y'));
  const params = model.parameterList();
  // Only the parameters' gradients are needed: the tape then skips the first layer's input
  // gradients. Inputs and targets change per sample: the tape runs several samples per pass.
  const outputNodes = forwardLeaves(model, xLeaves);
  const tape = compile(sampleLoss(graph, outputNodes, yLeaves), {
    wrt: params,
    perSample: [...xLeaves, ...yLeaves],
  });
  const outputSlots = Int32Array.from(outputNodes, (o) => tape.slotOf(o));
  const compiled = { graph, tape, params, paramSlots: parameterSlots(tape, params), outputSlots };
  keepAsShapeTemplate(model, compiled);
  return compiled;
}

/**
 * @internal The slot of each parameter on `tape`. Usually the parameters are the tape's first leaves, in
 * order: a leaf shared by every sample (as parameters are) at place j of `Tape.leaves` has slot j,
 * which a comparison tells without `Tape.slotOf`'s checks (this loop runs once per parameter of
 * every new network, mostly in cold code).
 */
export function parameterSlots(tape: Tape, params: readonly Value[]): Int32Array {
  const slots = new Int32Array(params.length);
  findSlots(tape, tape.leaves, params, slots);
  return slots;
}

/**
 * The loop of {@link parameterSlots}, in a function that starts with it (V8 gives a function its
 * type feedback only once it is warm: see `@mg/engine`'s `flattenGraph`).
 */
function findSlots(
  tape: Tape,
  leaves: readonly Value[],
  params: readonly Value[],
  slots: Int32Array,
): void {
  for (let j = 0; j < params.length; j++) {
    slots[j] = leaves[j] === params[j] ? j : tape.slotOf(params[j]!);
  }
}

/**
 * Copies the parameters' numbers onto the tape (they may have changed since it was compiled or
 * last used). A loop of its own, outside the runner's set-up: see `parameterSlots`.
 */
export function loadParameters(compiled: CompiledLoss): void {
  copyParameters(compiled.params, compiled.paramSlots, compiled.tape.values);
}

/** The loop of {@link loadParameters}, in a function that starts with it (see `findSlots`). */
function copyParameters(params: readonly Value[], slots: Int32Array, values: Float64Array): void {
  for (let j = 0; j < params.length; j++) values[slots[j]!] = params[j]!.data;
}

/** Whether `slots` is `0, 1, 2, …` (a plain loop: see `parameterSlots`). */
export function slotsInOrder(slots: Int32Array): boolean {
  for (let j = 0; j < slots.length; j++) if (slots[j] !== j) return false;
  return true;
}

/** Gives a finished training's compiled loss back, for the next training of `model`. */
export function giveBackCompiledLoss(model: MLP, compiled: CompiledLoss): void {
  model.idleLoss = compiled;
}

import type { UnaryFunction } from '@mg/engine';
import type { CompiledLoss } from './compiled-loss';
import type { MLP } from './mlp';
import { lossFunctions } from './sample-loss';

/**
 * Networks up to this many parameters leave their compiled loss behind as a template. Compiling
 * a small network costs as much as a short training of it; a large one trains long enough for its
 * compilation not to matter, and its template would keep megabytes alive.
 */
export const maxTemplateParameters = 10_000;

/** A small network's compiled loss, and what the next network of its shape needs to reuse it. */
interface ShapeTemplate {
  /** The loss, the layer sizes and which neurons share an activation (see `shapeKey`). */
  readonly key: string;
  readonly compiled: CompiledLoss;
  /**
   * For each function of the tape, the first neuron (in parameter order) whose activation it is,
   * or −1 for a function of the loss's own (softplus in `'bce'`).
   */
  readonly roles: Int32Array;
}

/**
 * The last template kept: one network's, so memory stays bounded. A comparison trains one network
 * per activation on one shape, one after another: every network after the first reuses it.
 */
let kept: ShapeTemplate | null = null;

/**
 * The compiled loss of `model` made from the template of an earlier network of the same shape and
 * loss, or null if there is none: a copy of its tape calling `model`'s activations
 * (`Tape.withFunctions`), which computes what tracing and compiling `model`'s graph would, bit for
 * bit, at a fraction of the cost.
 */
export function fromShapeTemplate(model: MLP, graph: CompiledLoss['graph']): CompiledLoss | null {
  if (kept === null || model.parameterCount > maxTemplateParameters) return null;
  const activations = neuronActivations(model);
  if (shapeKey(model, graph, activations) !== kept.key) return null;
  const { compiled, roles } = kept;
  const functions = compiled.tape.functions.map((fn, k) =>
    roles[k]! >= 0 ? activations[roles[k]!]! : fn,
  );
  return {
    graph,
    tape: compiled.tape.withFunctions(functions),
    params: model.parameterList(),
    // The same shape has its parameters and outputs in the same slots.
    paramSlots: compiled.paramSlots,
    outputSlots: compiled.outputSlots,
  };
}

/**
 * Keeps `compiled`, just compiled for `model`, as the template for the next networks of its shape,
 * if it is small and the loss's own functions are not among its activations (its tape then calls
 * one function for both, which another network's activation could not replace alone).
 */
export function keepAsShapeTemplate(model: MLP, compiled: CompiledLoss): void {
  if (model.parameterCount > maxTemplateParameters) return;
  const activations = neuronActivations(model);
  const own = lossFunctions(compiled.graph);
  if (activations.some((a) => own.includes(a))) return;
  const roles = Int32Array.from(compiled.tape.functions, (fn) => activations.indexOf(fn));
  kept = { key: shapeKey(model, compiled.graph, activations), compiled, roles };
}

/** Forgets the template (for tests). */
export function forgetShapeTemplate(): void {
  kept = null;
}

/** Each neuron's activation, layer by layer, in parameter order. */
function neuronActivations(model: MLP): UnaryFunction[] {
  const out: UnaryFunction[] = [];
  for (const layer of model.layers) for (const n of layer.neurons) out.push(n.activation);
  return out;
}

/**
 * What two networks must share for one's tape to serve the other: the loss, the inputs and layer
 * sizes, and which neurons have the same activation as which (each neuron's activation numbered by
 * first appearance), since the tape calls one function wherever the graph applied one.
 */
function shapeKey(model: MLP, graph: string, activations: readonly UnaryFunction[]): string {
  const distinct: UnaryFunction[] = [];
  const pattern = activations.map((a) => {
    const index = distinct.indexOf(a);
    return index >= 0 ? index : distinct.push(a) - 1;
  });
  return `${graph}|${model.inputs}|${model.layerSizes.join(',')}|${pattern.join(',')}`;
}

import type { NetworkShape } from './network';

/** Where each layer's units and parameters sit in the hand-written references' flat arrays. */
export interface DenseLayout {
  /** Layers after the inputs. */
  depth: number;
  /** Units per layer, the inputs first: `width[0]` = inputs, `width[depth]` = outputs. */
  width: Int32Array;
  /** `unitStart[l]`: the first unit of layer l (l = 0: the inputs); `unitStart[depth + 1]`: all. */
  unitStart: Int32Array;
  /** `paramStart[l]`: layer l + 1's first parameter, in @mg/nn's order (each neuron's weights, then its bias). */
  paramStart: Int32Array;
}

/** The flat layout of `shape`. */
export function denseLayout(shape: NetworkShape): DenseLayout {
  const depth = shape.layers.length;
  const width = Int32Array.from([shape.inputs, ...shape.layers]);
  const unitStart = new Int32Array(depth + 2);
  for (let l = 0; l <= depth; l++) unitStart[l + 1] = unitStart[l]! + width[l]!;
  const paramStart = new Int32Array(depth + 1);
  for (let l = 0; l < depth; l++)
    paramStart[l + 1] = paramStart[l]! + (width[l]! + 1) * width[l + 1]!;
  return { depth, width, unitStart, paramStart };
}

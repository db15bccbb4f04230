import type { Activation } from './activation';
import { gaussian } from './gaussian';
import { gelu } from './gelu';
import { heaviside } from './heaviside';
import { identity } from './identity';
import { leakyRelu } from './leaky-relu';
import { relu } from './relu';
import { selu } from './selu';
import { sigmoid } from './sigmoid';
import { silu } from './silu';
import { softplus } from './softplus';
import { tanh } from './tanh';

/**
 * The eleven built-in activations, in their public order. Adding a built-in is one file, one
 * test and one line here (see CONTRIBUTING.md).
 */
export const builtins: readonly Activation[] = Object.freeze([
  identity,
  heaviside,
  sigmoid,
  tanh,
  relu,
  gelu,
  softplus,
  selu,
  leakyRelu,
  silu,
  gaussian,
]);

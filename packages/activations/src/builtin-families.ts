import type { ActivationFamily } from './activation-family';
import { eluFamily } from './elu-family';
import { leakyReluFamily } from './leaky-relu-family';

/**
 * The built-in parameterised families, in their public order: `leakyRelu(slope)` and
 * `elu(alpha)`. The default registry holds them beside the eleven `builtins`.
 */
export const builtinFamilies: readonly ActivationFamily[] = Object.freeze([
  leakyReluFamily,
  eluFamily,
]);

export type { Activation, ActivationSpec } from './activation';
export { defineActivation, isActivation } from './activation';
export type { ActivationCall } from './activation-call';
export { formatActivationCall, parseActivationCall } from './activation-call';
export type {
  ActivationFamily,
  ActivationFamilySpec,
  ActivationParameter,
} from './activation-family';
export { defineActivationFamily, isActivationFamily } from './activation-family';
export { builtinFamilies } from './builtin-families';
export { builtins } from './builtins';
export { eluFamily } from './elu-family';
export type { ActivationArgumentReason } from './errors';
export {
  ActivationArgumentError,
  ActivationError,
  DuplicateActivationError,
  UnknownActivationError,
} from './errors';
export { gaussian } from './gaussian';
export { gelu } from './gelu';
export { heaviside } from './heaviside';
export { identity } from './identity';
export { leakyRelu } from './leaky-relu';
export { leakyReluFamily } from './leaky-relu-family';
export { leakyReluWithSlope } from './leaky-relu-with-slope';
export type { ActivationRegistry } from './registry';
export { createRegistry, defaultRegistry, getActivation, getActivationFor } from './registry';
export { relu } from './relu';
export { selu } from './selu';
export { sigmoid } from './sigmoid';
export { silu } from './silu';
export { softplus } from './softplus';
export { tanh } from './tanh';

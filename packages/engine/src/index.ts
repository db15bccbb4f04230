export { closestName, editDistance } from './closest-name';
export type { CompileOptions } from './compile';
export { compile } from './compile';
export type { InvalidArgumentDetails } from './errors';
export {
  describeReceived,
  InvalidArgumentError,
  MicrogradError,
  UnknownOptionError,
} from './errors';
export { denseLayer, dot, neuron, sum } from './n-ary';
export type { OpCode } from './op-codes';
export { Op, opNames } from './op-codes';
export type { OptionKeyList } from './option-keys';
export { checkOptionKeys, optionKeys } from './option-keys';
export { Tape } from './tape';
export { toDot } from './to-dot';
export type { GraphData, GraphNode } from './to-graph';
export { toGraph } from './to-graph';
export { topologicalOrder } from './topological-order';
export type { UnaryFunction } from './unary-function';
export type { ValueLike } from './value';
export { Value } from './value';
export { zeroGrad } from './zero-grad';

/**
 * The operation that produced a node. Stored as a small integer on every `Value` so that
 * backward passes switch on a number instead of calling a closure per node.
 */
export const Op = {
  leaf: 0,
  add: 1,
  sub: 2,
  mul: 3,
  div: 4,
  neg: 5,
  /** `x ** k` with a constant number `k` (kept in the node's `local` slot). */
  powConst: 6,
  /** `x ** y` with a `Value` exponent `y`. */
  pow: 7,
  exp: 8,
  log: 9,
  /** A user-supplied unary function (see `UnaryFunction`), e.g. an activation. */
  unary: 10,
  /** The sum of many values, as one node. */
  sum: 11,
  /** `bias + Σ w[i]·x[i]`, as one node. */
  dot: 12,
  /** `fn(bias + Σ w[i]·x[i])`, a whole neuron, as one node. */
  neuron: 13,
} as const;

/** One of the numbers in {@link Op}. */
export type OpCode = (typeof Op)[keyof typeof Op];

/** Human-readable names of the op codes, for labels and graph exports. */
export const opNames: readonly string[] = [
  'leaf',
  '+',
  '-',
  '*',
  '/',
  'neg',
  '**',
  '**',
  'exp',
  'log',
  'unary',
  'sum',
  'dot',
  'neuron',
];

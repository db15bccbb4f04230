import fc from 'fast-check';
import { dot, neuron, sum } from '../n-ary';
import type { UnaryFunction } from '../unary-function';
import { Value } from '../value';

/**
 * Random expression graphs for property tests (test support only, not exported).
 *
 * A program is a list of instructions in single-assignment form: node `k` is computed from
 * earlier nodes (the leaves first, then earlier instructions), so values are reused freely and
 * the graph is a DAG, not just a tree. An operand index is taken modulo the number of nodes
 * available, so any natural number is a valid index and fast-check can shrink freely.
 */

/** An operation of a random program. Operands are indices into the nodes built so far. */
export type Instruction =
  | {
      op: 'add' | 'sub' | 'mul' | 'div' | 'powValue';
      a: number;
      b: number;
      constant: number | null;
    }
  | { op: 'neg' | 'exp' | 'log' | 'tanh' | 'relu'; a: number }
  | { op: 'powNumber'; a: number; exponent: number }
  | { op: 'sum'; terms: number[] }
  | { op: 'dot'; weights: number[]; inputs: number[]; bias: number | null }
  | { op: 'neuron'; weights: number[]; inputs: number[]; bias: number; fn: 'tanh' | 'relu' };

/** Leaf values and the instructions over them; the last instruction is the root. */
export interface Program {
  leaves: number[];
  instructions: Instruction[];
}

/** tanh as a unary function: a smooth squashing node, and an `apply` node in every graph. */
export const tanhFunction: UnaryFunction = {
  name: 'tanh',
  forward: (x) => Math.tanh(x),
  derivative: (_x, y) => 1 - y * y,
};

/** micrograd's relu as a unary function (PyTorch's convention: derivative 0 at 0). */
export const reluFunction: UnaryFunction = {
  name: 'relu',
  forward: (x) => Math.max(0, x),
  derivative: (x) => (x > 0 ? 1 : 0),
};

/** Exponents for `pow(number)`, including the 0 and negative and fractional cases. */
const exponents = [-1.5, -1, 0, 0.5, 1, 2, 3];

/**
 * Programs over 2–4 leaves in [−3, 3] with 1–`maxInstructions` instructions.
 * @param smooth leave out relu, whose kink makes finite differences meaningless
 */
export function programArbitrary(
  options: { smooth?: boolean; maxInstructions?: number } = {},
): fc.Arbitrary<Program> {
  const { smooth = false, maxInstructions = 8 } = options;
  const index = fc.nat({ max: 30 });
  const constant = fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: null, freq: 4 });
  const unaryOps: ('neg' | 'exp' | 'log' | 'tanh' | 'relu')[] = smooth
    ? ['neg', 'exp', 'log', 'tanh']
    : ['neg', 'exp', 'log', 'tanh', 'relu'];
  const instruction: fc.Arbitrary<Instruction> = fc.oneof(
    fc.record({
      op: fc.constantFrom('add', 'sub', 'mul', 'div', 'powValue' as const),
      a: index,
      b: index,
      constant,
    }),
    fc.record({ op: fc.constantFrom(...unaryOps), a: index }),
    fc.record({
      op: fc.constant('powNumber' as const),
      a: index,
      exponent: fc.constantFrom(...exponents),
    }),
    fc.record({
      op: fc.constant('sum' as const),
      terms: fc.array(index, { minLength: 1, maxLength: 4 }),
    }),
    fc
      .record({
        op: fc.constant('dot' as const),
        weights: fc.array(index, { minLength: 1, maxLength: 4 }),
        inputs: fc.array(index, { minLength: 4, maxLength: 4 }),
        bias: fc.option(index, { nil: null }),
      })
      .map((d) => ({ ...d, inputs: d.inputs.slice(0, d.weights.length) })),
    fc
      .record({
        op: fc.constant('neuron' as const),
        weights: fc.array(index, { minLength: 1, maxLength: 4 }),
        inputs: fc.array(index, { minLength: 4, maxLength: 4 }),
        bias: index,
        fn: smooth ? fc.constant('tanh' as const) : fc.constantFrom('tanh', 'relu' as const),
      })
      .map((d) => ({ ...d, inputs: d.inputs.slice(0, d.weights.length) })),
  );
  return fc.record({
    leaves: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 4 }),
    instructions: fc.array(instruction, { minLength: 1, maxLength: maxInstructions }),
  });
}

/** The functions a program's `tanh` and `relu` nodes apply (tanh and relu unless a test swaps them). */
export interface ProgramFunctions {
  tanh: UnaryFunction;
  relu: UnaryFunction;
}

/**
 * Builds a program's graph over the given leaves and returns its root.
 *
 * In `safe` mode every op whose domain is restricted gets an argument squashed into it first
 * (e.g. `log(tanh(a) + 2)`, `a / (tanh(b) + 2)`), so that the function is smooth and finite
 * everywhere and finite differences are meaningful. Otherwise ops are applied to their operands
 * as they are, and may produce NaN or ±Infinity (useful for bit-for-bit comparisons).
 * `afterEach`, if given, runs after each instruction (with its index), e.g. to make other values
 * in between. `functions` stand in for tanh and relu wherever the program applies them.
 */
export function buildProgram(
  program: Program,
  leaves: readonly Value[],
  safe: boolean,
  afterEach?: (index: number) => void,
  functions: ProgramFunctions = { tanh: tanhFunction, relu: reluFunction },
): Value {
  const { tanh, relu } = functions;
  const nodes: Value[] = [...leaves];
  const at = (k: number): Value => nodes[k % nodes.length]!;
  const positive = (v: Value): Value => v.apply(tanh).add(2);
  for (const ins of program.instructions) {
    let out: Value;
    switch (ins.op) {
      case 'add':
        out = at(ins.a).add(ins.constant ?? at(ins.b));
        break;
      case 'sub':
        out = at(ins.a).sub(ins.constant ?? at(ins.b));
        break;
      case 'mul':
        out = at(ins.a).mul(ins.constant ?? at(ins.b));
        break;
      case 'div':
        if (!safe) out = at(ins.a).div(ins.constant ?? at(ins.b));
        else if (ins.constant !== null) out = at(ins.a).div(2 + Math.abs(ins.constant));
        else out = at(ins.a).div(positive(at(ins.b)));
        break;
      case 'powValue': {
        const base = safe ? positive(at(ins.a)) : at(ins.a);
        const y = ins.constant === null ? at(ins.b) : new Value(ins.constant);
        out = base.pow(safe ? y.apply(tanh) : y);
        break;
      }
      case 'powNumber':
        out = (safe ? positive(at(ins.a)) : at(ins.a)).pow(ins.exponent);
        break;
      case 'neg':
        out = at(ins.a).neg();
        break;
      case 'exp':
        out = (safe ? at(ins.a).apply(tanh) : at(ins.a)).exp();
        break;
      case 'log':
        out = (safe ? positive(at(ins.a)) : at(ins.a)).log();
        break;
      case 'tanh':
        out = at(ins.a).apply(tanh);
        break;
      case 'relu':
        out = at(ins.a).apply(relu);
        break;
      case 'sum':
        out = sum(ins.terms.map(at));
        break;
      case 'dot':
        out = dot(
          ins.weights.map(at),
          ins.inputs.map(at),
          ins.bias === null ? undefined : at(ins.bias),
        );
        break;
      case 'neuron':
        out = neuron(
          ins.weights.map(at),
          ins.inputs.map(at),
          at(ins.bias),
          ins.fn === 'tanh' ? tanh : relu,
        );
        break;
    }
    nodes.push(out);
    afterEach?.(nodes.length - leaves.length - 1);
  }
  return nodes[nodes.length - 1]!;
}

/** Fresh leaves holding the given numbers. */
export function makeLeaves(numbers: readonly number[]): Value[] {
  return numbers.map((x, i) => new Value(x, `x${i}`));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { InvalidArgumentError } from './errors';
import { dot } from './n-ary';
import { Op } from './op-codes';
import type { Tape } from './tape';
import {
  buildProgram,
  makeLeaves,
  type ProgramFunctions,
  programArbitrary,
  reluFunction,
  tanhFunction,
} from './testing/random-program';
import { topologicalOrder } from './topological-order';
import type { UnaryFunction } from './unary-function';
import { Value } from './value';

const sine: UnaryFunction = { name: 'sin', forward: Math.sin, derivative: (x) => Math.cos(x) };
const softsign: UnaryFunction = {
  name: 'softsign',
  forward: (x) => x / (1 + Math.abs(x)),
  derivative: (x) => 1 / (1 + Math.abs(x)) ** 2,
};

/** Whether two arrays hold the same numbers, bit for bit (NaN equal to NaN, 0 apart from −0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('Tape.withFunctions: the same instructions with other functions', () => {
  it('fast-check: computes what the graph built with those functions compiles to, bit for bit', () => {
    fc.assert(
      fc.property(
        programArbitrary(),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 0, max: 6 }),
        (program, sampleMask, numbers, count) => {
          // The program twice: with tanh and relu, and with sine and softsign in their places.
          const compileWith = (functions: ProgramFunctions) => {
            const leaves = makeLeaves(program.leaves);
            const root = buildProgram(program, leaves, false, undefined, functions);
            const nodes = topologicalOrder(root);
            const inGraph = new Set(nodes);
            const perSample = leaves.filter((l, i) => sampleMask[i] && inGraph.has(l));
            return { tape: compile(root, { perSample }), nodes, perSample };
          };
          const traced = compileWith({ tanh: tanhFunction, relu: reluFunction });
          const expected = compileWith({ tanh: sine, relu: softsign });
          const replaced = traced.tape.withFunctions(
            traced.tape.functions.map((f) =>
              f === tanhFunction ? sine : f === reluFunction ? softsign : f,
            ),
          );
          // What can be read off a tape: every node's number and gradient after a pass (lane 0),
          // then the roots of several samples and the shared leaves' gradients. (Lanes a pass did
          // not run hold whatever they held before: here, the numbers of the traced graph.)
          const readings = (tape: Tape, nodes: readonly Value[], perSample: readonly Value[]) => {
            tape.forward();
            tape.backward(0.5);
            const slots = nodes.map((v) => tape.slotOf(v));
            const pass = [
              ...slots.map((s) => tape.values[s]!),
              ...slots.map((s) => tape.grads[s]!),
            ];
            const inputs = Float64Array.from(numbers.slice(0, count * perSample.length));
            const roots = new Float64Array(count);
            tape.runSamples(inputs, count, roots);
            const shared = nodes.filter((v) => v.op === Op.leaf && !perSample.includes(v));
            return [
              Float64Array.from(pass),
              roots,
              Float64Array.from(shared, (v) => tape.grads[tape.slotOf(v)]!),
            ];
          };
          const got = readings(replaced, traced.nodes, traced.perSample);
          const want = readings(expected.tape, expected.nodes, expected.perSample);
          expect(got.map((numbers, k) => sameBits(numbers, want[k]!))).toEqual([true, true, true]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists each function once, in the order withFunctions replaces them', () => {
    const x = new Value(0.5);
    const root = x.apply(tanhFunction).apply(reluFunction).apply(tanhFunction);
    const tape = compile(root);
    expect(tape.functions).toEqual([tanhFunction, reluFunction]);
    const swapped = tape.withFunctions([reluFunction, tanhFunction]);
    expect(swapped.forward()).toBe(Math.max(0, Math.tanh(Math.max(0, 0.5))));
    expect(tape.forward()).toBe(Math.tanh(Math.max(0, Math.tanh(0.5))));
  });

  it('starts from a copy of the numbers and leaves the original alone', () => {
    const w = [new Value(0.5), new Value(-2)];
    const root = dot(w, [new Value(1), new Value(3)]).apply(tanhFunction);
    const tape = compile(root);
    tape.forward();
    tape.backward();
    const copy = tape.withFunctions([sine]);
    expect(sameBits(copy.values, tape.values)).toBe(true);
    expect(sameBits(copy.grads, tape.grads)).toBe(true);
    copy.values[tape.slotOf(w[0]!)] = 7;
    copy.forward();
    expect(tape.values[tape.slotOf(w[0]!)]).toBe(0.5);
    expect(tape.forward()).toBe(Math.tanh(0.5 - 6));
    expect(copy.forward()).toBe(Math.sin(7 - 6));
  });

  it('rejects a list of the wrong length and anything that is not a unary function', () => {
    const tape = compile(new Value(1).apply(tanhFunction));
    const call = (functions: unknown) => () => tape.withFunctions(functions as UnaryFunction[]);
    expect(call([])).toThrow(InvalidArgumentError);
    expect(call([])).toThrow(
      "Argument 'functions' passed to 'Tape.withFunctions' must be an array of 1 UnaryFunctions",
    );
    expect(call(tanhFunction)).toThrow("Argument 'functions' passed to 'Tape.withFunctions'");
    expect(call([{ name: 'f', forward: 1 }])).toThrow(
      "Argument 'functions[0]' passed to 'Tape.withFunctions' must be a UnaryFunction",
    );
  });
});

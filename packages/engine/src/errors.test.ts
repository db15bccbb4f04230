import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { describeReceived, InvalidArgumentError, MicrogradError } from './errors';
import { dot, sum } from './n-ary';
import { topologicalOrder } from './topological-order';
import { Value } from './value';
import { zeroGrad } from './zero-grad';

/** Calls `fn` and returns what it threw (failing the test if it did not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('every bad-input case throws a typed error naming argument, method, expectation and input', () => {
  const x = new Value(1);
  // [method, argument, expected (substring), received as described, call]
  it.each([
    ['new Value', 'data', 'a finite number', "string '3'", () => new Value('3' as never)],
    ['new Value', 'data', 'a finite number', 'number NaN', () => new Value(Number.NaN)],
    ['new Value', 'data', 'a finite number', 'number Infinity', () => new Value(Infinity)],
    ['new Value', 'data', 'a finite number', 'undefined', () => new Value(undefined as never)],
    [
      'Value.add',
      'other',
      'a Value or a finite number',
      'undefined',
      () => x.add(undefined as never),
    ],
    ['Value.sub', 'other', 'a Value or a finite number', "string '1'", () => x.sub('1' as never)],
    ['Value.mul', 'other', 'a Value or a finite number', 'null', () => x.mul(null as never)],
    [
      'Value.div',
      'other',
      'a Value or a finite number',
      'number -Infinity',
      () => x.div(-Infinity),
    ],
    ['Value.pow', 'exponent', 'a Value or a finite number', 'object {}', () => x.pow({} as never)],
    ['Value.pow', 'exponent', 'a Value or a finite number', 'number NaN', () => x.pow(Number.NaN)],
    ['Value.add', 'other', 'a Value or a finite number', 'bigint 2', () => x.add(2n as never)],
    [
      'sum',
      'values',
      'an array of Values or finite numbers',
      "string 'x'",
      () => sum('x' as never),
    ],
    [
      'sum',
      'values[1]',
      'a Value or a finite number',
      'boolean true',
      () => sum([x, true as never]),
    ],
    [
      'dot',
      'inputs',
      'the same length as weights (2)',
      'an array of length 1',
      () => dot([1, 2], [3]),
    ],
    ['dot', 'weights', 'an array', 'number 3', () => dot(3 as never, [])],
    ['Value.apply', 'fn', 'a UnaryFunction', 'object {}', () => x.apply({} as never)],
    ['Value.apply', 'fn', 'a UnaryFunction', 'a function', () => x.apply(Math.tanh as never)],
    ['compile', 'root', 'a Value', 'number 3', () => compile(3 as never)],
    ['new Value', 'label', 'a string', 'number 123', () => new Value(1, 123 as never)],
    [
      'Tape.backward',
      'seed',
      'a finite number',
      "string 'x'",
      () => compile(x.mul(2)).backward('x' as never),
    ],
    [
      'Tape.backward',
      'seed',
      'a finite number',
      'number NaN',
      () => compile(x).backward(Number.NaN),
    ],
    [
      'compile',
      'options.wrt',
      "leaves of the graph behind 'root'",
      'an instance of Value',
      () => compile(x.mul(2), { wrt: [new Value(3)] }),
    ],
    [
      'compile',
      'options.wrt',
      "leaves of the graph behind 'root'",
      'an instance of Value',
      () => compile(x.mul(2).add(1), { wrt: [x.mul(2)] }),
    ],
    ['compile', 'options', 'an object', 'null', () => compile(x, null as never)],
    [
      'Tape.runSamples',
      'seed',
      'a finite number',
      'number NaN',
      () => compile(x).runSamples(new Float64Array(0), 0, new Float64Array(0), Number.NaN),
    ],
    [
      'topologicalOrder',
      'root',
      'a Value',
      'undefined',
      () => topologicalOrder(undefined as never),
    ],
    ['zeroGrad', 'values[1]', 'a Value', 'number 1', () => zeroGrad([x, 1] as never)],
    ['zeroGrad', 'values', 'an iterable of Values', 'number 3', () => zeroGrad(3 as never)],
    ['zeroGrad', 'values', 'an iterable of Values', 'null', () => zeroGrad(null as never)],
  ])('%s(%s) %#', (method, argument, expected, received, call) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toBeInstanceOf(MicrogradError);
    expect(error).toBeInstanceOf(Error);
    const e = error as InvalidArgumentError;
    expect(e.name).toBe('InvalidArgumentError');
    expect(e.argument).toBe(argument);
    expect(e.method).toBe(method);
    expect(e.expected).toContain(expected);
    expect(e.message).toMatch(
      new RegExp(
        `^Argument '${escapeRegExp(argument)}' passed to '${method}' must be .*, but got `,
      ),
    );
    expect(e.message).toContain(expected);
    expect(e.message.endsWith(`but got ${received}`)).toBe(true);
  });

  it('keeps the received value itself on the error', () => {
    const bad = { not: 'a value' };
    const e = thrown(() => x.mul(bad as never)) as InvalidArgumentError;
    expect(e.received).toBe(bad);
    expect(e.message).toBe(
      `Argument 'other' passed to 'Value.mul' must be a Value or a finite number, but got object {"not":"a value"}`,
    );
  });
});

describe('describeReceived', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['3', "string '3'"],
    [Number.NaN, 'number NaN'],
    [-0, 'number 0'],
    [false, 'boolean false'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [[1, 2, 3], 'an array of length 3'],
    [new Map(), 'an instance of Map'],
    [new Value(1), 'an instance of Value'],
    [{ a: 1 }, 'object {"a":1}'],
    [Object.create(null), 'object {}'],
  ])('%s → %s', (received, text) => {
    expect(describeReceived(received)).toBe(text);
  });

  it('shortens long strings and objects', () => {
    expect(describeReceived('x'.repeat(50))).toBe(`string '${'x'.repeat(40)}…'`);
    const long = describeReceived({ key: 'y'.repeat(60) });
    expect(long.startsWith('object {"key":"yyy')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });

  it('survives objects that JSON cannot print', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeReceived(cyclic)).toBe('object {…}');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

import { InvalidArgumentError, Op, Value } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { type ActivationSpec, defineActivation, isActivation } from './activation';

const cubeSpec: ActivationSpec = {
  name: 'cube',
  description: 'Cube: x³',
  reference: 'https://en.wikipedia.org/wiki/Cube_(algebra)',
  forward: (x) => x * x * x,
  derivative: (x) => 3 * x * x,
};

describe('defineActivation', () => {
  it('returns a frozen activation with the spec fields', () => {
    const cube = defineActivation(cubeSpec);
    expect(cube).toMatchObject({
      name: 'cube',
      description: 'Cube: x³',
      reference: 'https://en.wikipedia.org/wiki/Cube_(algebra)',
    });
    expect(Object.isFrozen(cube)).toBe(true);
    expect(cube.forward(2)).toBe(8);
    expect(cube.derivative(2, 8)).toBe(12);
    expect(isActivation(cube)).toBe(true);
  });

  it('copies the spec, so changing it later changes nothing', () => {
    const spec = { ...cubeSpec };
    const cube = defineActivation(spec);
    spec.name = 'changed';
    spec.forward = () => 0;
    expect(cube.name).toBe('cube');
    expect(cube.forward(2)).toBe(8);
  });

  it("applies as ONE engine node with data f(x) and local derivative f'(x)", () => {
    const cube = defineActivation(cubeSpec);
    const x = new Value(2);
    const y = cube.apply(x);
    expect(y.op).toBe(Op.unary);
    expect(y.a).toBe(x);
    expect(y.b).toBeNull();
    expect(y.fn).toBe(cube);
    expect(y.label).toBe('cube');
    expect(y.data).toBe(8);
    y.backward();
    expect(x.grad).toBe(12);
  });

  it('applies even when detached from the object', () => {
    const { apply } = defineActivation(cubeSpec);
    expect(apply(new Value(3)).data).toBe(27);
  });

  it('rejects a non-Value in apply, naming the activation', () => {
    const cube = defineActivation(cubeSpec);
    expect(() => cube.apply(2 as unknown as Value)).toThrow(
      "Argument 'x' passed to 'cube.apply' must be a Value, but got number 2",
    );
  });

  it.each([
    [null, 'spec', 'null'],
    [{ ...cubeSpec, name: '' }, 'spec.name', "string ''"],
    [{ ...cubeSpec, name: 3 }, 'spec.name', 'number 3'],
    [{ ...cubeSpec, description: undefined }, 'spec.description', 'undefined'],
    [{ ...cubeSpec, reference: 'see the paper' }, 'spec.reference', "string 'see the paper'"],
    [{ ...cubeSpec, forward: 1 }, 'spec.forward', 'number 1'],
    [{ ...cubeSpec, derivative: 'x' }, 'spec.derivative', "string 'x'"],
  ])('rejects a bad spec (%#: %s)', (spec, argument, received) => {
    const attempt = () => defineActivation(spec as unknown as ActivationSpec);
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(
      new RegExp(
        `^Argument '${argument}' passed to 'defineActivation' must be .*, but got ${received}$`,
      ),
    );
  });
});

describe('isActivation', () => {
  it('accepts only complete activations', () => {
    expect(isActivation(null)).toBe(false);
    expect(isActivation(cubeSpec)).toBe(false);
    expect(isActivation({ ...cubeSpec, apply: () => new Value(0) })).toBe(true);
  });
});

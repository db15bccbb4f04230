import { InvalidArgumentError } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { defineActivation } from './activation';
import {
  type ActivationFamilySpec,
  defineActivationFamily,
  describeRange,
  isActivationFamily,
} from './activation-family';
import { ActivationArgumentError } from './errors';
import { relu } from './relu';

const spec: ActivationFamilySpec = {
  name: 'scaledTanh',
  description: 'Scaled tanh: a·tanh(b·x)',
  reference: 'https://en.wikipedia.org/wiki/Hyperbolic_functions',
  parameters: [
    { name: 'a', exclusiveMinimum: 0 },
    { name: 'b', minimum: 0.5, exclusiveMaximum: 4 },
  ],
  build: ([a, b], name) =>
    defineActivation({
      name,
      description: `${a}·tanh(${b}x)`,
      reference: 'https://en.wikipedia.org/wiki/Hyperbolic_functions',
      forward: (x) => a! * Math.tanh(b! * x),
      derivative: (x) => a! * b! * (1 - Math.tanh(b! * x) ** 2),
    }),
};

describe('defineActivationFamily', () => {
  it('makes a frozen family whose members are named canonically', () => {
    const family = defineActivationFamily(spec);
    expect(Object.isFrozen(family)).toBe(true);
    expect(family.signature).toBe('scaledTanh(a, b)');
    const member = family.create(2, 0.5);
    expect(member.name).toBe('scaledTanh(2,0.5)');
    expect(member.forward(1)).toBe(2 * Math.tanh(0.5));
    expect(isActivationFamily(family)).toBe(true);
    expect(isActivationFamily(relu)).toBe(false);
  });

  it('checks every bound', () => {
    const family = defineActivationFamily(spec);
    expect(() => family.create(0, 1)).toThrow('needs a to be a finite number > 0, but got 0');
    expect(() => family.create(1, 4)).toThrow(
      'needs b to be a finite number >= 0.5 and < 4, but got 4',
    );
    expect(() => family.create(1, Number.POSITIVE_INFINITY)).toThrow(ActivationArgumentError);
    expect(() => family.create(1)).toThrow('takes 2 arguments (scaledTanh(a, b)), but got 1');
  });

  it('refuses a bad spec, naming the field', () => {
    expect(() => defineActivationFamily({ ...spec, name: 'scaled tanh' })).toThrow(
      "Argument 'spec.name' passed to 'defineActivationFamily' must be an identifier",
    );
    expect(() => defineActivationFamily({ ...spec, parameters: [] })).toThrow(InvalidArgumentError);
    expect(() =>
      defineActivationFamily({ ...spec, parameters: [{ name: 'a', minimum: Number.NaN }] }),
    ).toThrow("Argument 'spec.parameters[0].minimum'");
    expect(() => defineActivationFamily({ ...spec, reference: 'a book' })).toThrow(
      "Argument 'spec.reference'",
    );
  });

  it('refuses a build that does not return the canonically named activation', () => {
    const family = defineActivationFamily({
      ...spec,
      build: () => relu,
    });
    expect(() => family.create(1, 1)).toThrow(
      "Argument 'spec.build' passed to 'scaledTanh.create' must be a function returning an " +
        "Activation named 'scaledTanh(1,1)', but got object",
    );
  });
});

describe('describeRange', () => {
  it('reads naturally for each kind of bound', () => {
    expect(describeRange({ name: 'x' })).toBe('a finite number');
    expect(describeRange({ name: 'x', minimum: 0, maximum: 1 })).toBe(
      'a finite number from 0 to 1',
    );
    expect(describeRange({ name: 'x', exclusiveMaximum: 1 })).toBe('a finite number < 1');
  });
});

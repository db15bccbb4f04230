import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, MicrogradError, UnknownOptionError } from './errors';
import { checkOptionKeys, optionKeys } from './option-keys';

interface PizzaOptions {
  size?: number;
  topping?: string;
}

const known = optionKeys<PizzaOptions>({ size: true, topping: true });

describe('optionKeys', () => {
  it('lists the declared keys, frozen', () => {
    expect(known).toEqual(['size', 'topping']);
    expect(Object.isFrozen(known)).toBe(true);
  });

  it('is checked complete by the compiler', () => {
    // @ts-expect-error: 'topping' is missing
    optionKeys<PizzaOptions>({ size: true });
    // @ts-expect-error: 'crust' is not an option
    optionKeys<PizzaOptions>({ size: true, topping: true, crust: true });
  });
});

describe('checkOptionKeys', () => {
  it('accepts known keys and undefined values', () => {
    expect(() =>
      checkOptionKeys({ size: 1, topping: undefined }, known, 'options', 'bake'),
    ).not.toThrow();
    expect(() => checkOptionKeys({}, known, 'options', 'bake')).not.toThrow();
  });

  it.each([null, undefined, 3, [], 'size'])(
    'refuses %o, which is not an options object',
    (options) => {
      expect(() => checkOptionKeys(options, known, 'options', 'bake')).toThrow(
        InvalidArgumentError,
      );
      expect(() => checkOptionKeys(options, known, 'options', 'bake')).toThrow(
        "Argument 'options' passed to 'bake' must be an object with keys among size, topping, but got",
      );
    },
  );

  it('names the unknown key, the closest known one, the argument and the function', () => {
    let error: unknown;
    try {
      checkOptionKeys({ size: 1, toping: 'ham' }, known, 'options', 'bake');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownOptionError);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toBeInstanceOf(MicrogradError);
    expect(error).toMatchObject({
      name: 'UnknownOptionError',
      argument: 'options',
      method: 'bake',
      key: 'toping',
      suggestion: 'topping',
      known: ['size', 'topping'],
      received: 'toping',
      message:
        "Argument 'options' passed to 'bake' has an unknown key 'toping'. Did you mean 'topping'? Known keys: size, topping",
    });
  });

  it('suggests nothing when no key is close, and still throws', () => {
    expect(() => checkOptionKeys({ anchovies: true }, known, 'options', 'bake')).toThrow(
      "Argument 'options' passed to 'bake' has an unknown key 'anchovies'. Known keys: size, topping",
    );
  });

  it('does not accept inherited Object keys by accident', () => {
    expect(() => checkOptionKeys({ toString: 1 }, known, 'options', 'bake')).toThrow(
      UnknownOptionError,
    );
  });
});

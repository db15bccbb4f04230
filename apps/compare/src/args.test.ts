import { describe, expect, it } from 'vitest';
import { defaultOut, flagNames, parseCliArgs } from './args';
import { UsageError } from './usage-error';

/** The UsageError message `parseCliArgs(argv)` throws; fails the test if it does not throw one. */
function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`parseCliArgs(${JSON.stringify(argv)}) did not throw`);
}

describe('parseCliArgs', () => {
  it('with no flags runs with library defaults and out/ as the output directory', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { out: defaultOut }, given: {} });
    expect(defaultOut).toBe('out');
  });

  it('parses every flag into its option', () => {
    const command = parseCliArgs([
      '--activations',
      'relu, tanh,leakyRelu',
      '--layers=8,4,1',
      '--epochs',
      '50',
      '--lr',
      '1e-2',
      '--seed',
      '7',
      '--seeds',
      '3',
      '--dataset',
      'xor',
      '--threads',
      '2',
      '--threshold',
      '0.05',
      '--scale',
      'linear',
      '-o',
      'charts',
    ]);
    expect(command).toEqual({
      kind: 'run',
      options: {
        activations: ['relu', 'tanh', 'leakyRelu'],
        layers: [8, 4, 1],
        epochs: 50,
        learningRate: 0.01,
        seed: 7,
        seeds: 3,
        dataset: 'xor',
        threads: 2,
        threshold: 0.05,
        scale: 'linear',
        out: 'charts',
      },
      given: {
        '--activations': 'relu, tanh,leakyRelu',
        '--layers': '8,4,1',
        '--epochs': '50',
        '--lr': '1e-2',
        '--seed': '7',
        '--seeds': '3',
        '--dataset': 'xor',
        '--threads': '2',
        '--threshold': '0.05',
        '--scale': 'linear',
        '--out': 'charts',
      },
    });
  });

  it('reads every number in decimal, exponents included, whole numbers where counts are asked', () => {
    expect(parseCliArgs(['--epochs', '1e3', '--lr', '1E-3', '--layers', '8, 4.0,1'])).toMatchObject(
      {
        options: { epochs: 1000, learningRate: 0.001, layers: [8, 4, 1] },
      },
    );
  });

  it('reads --data with --target: standardised, 0.2 held out, unless the flags say otherwise', () => {
    expect(parseCliArgs(['--data', 'points.csv', '--target', 'y'])).toMatchObject({
      kind: 'run',
      options: {
        data: 'points.csv',
        target: 'y',
        standardize: true,
        validation: 0.2,
        out: defaultOut,
      },
    });
    const command = parseCliArgs([
      '--data=points.csv',
      '--no-standardize',
      '--validation',
      '0',
      '--task',
      'classification',
      '--loss',
      'mse',
      '--optimizer',
      'adam',
      '--output-activation',
      'tanh',
    ]);
    expect(command).toMatchObject({
      kind: 'run',
      options: {
        data: 'points.csv',
        standardize: false,
        validation: 0,
        task: 'classification',
        loss: 'mse',
        optimizer: 'adam',
        outputActivation: 'tanh',
        out: defaultOut,
      },
    });
  });

  it('reads per-layer and parameterised activations, commas inside parentheses included', () => {
    const command = parseCliArgs([
      '--activations',
      'tanh,leakyRelu(0.2),tanh/relu',
      '--validation',
      '0.25',
    ]);
    expect(command).toMatchObject({
      options: { activations: ['tanh', 'leakyRelu(0.2)', 'tanh/relu'], validation: 0.25 },
    });
  });

  it('accepts seeds from 0 to 2^32 - 1, the range @mg/nn takes', () => {
    expect(parseCliArgs(['--seed', '0'])).toMatchObject({ options: { seed: 0 } });
    expect(parseCliArgs(['--seed=4294967295'])).toMatchObject({ options: { seed: 4294967295 } });
  });

  it('recognises --help and --version, long and short, before validating anything else', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h', '--epochs', '0'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseCliArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it('takes --open as a switch', () => {
    expect(parseCliArgs(['--open'])).toMatchObject({
      kind: 'run',
      options: { out: defaultOut, open: true },
    });
  });

  it('lists every flag it knows in flagNames', () => {
    expect(flagNames).toContain('--lr');
    expect(flagNames).toContain('--scale');
    expect(flagNames).toContain('--data');
    expect(flagNames).toContain('--no-standardize');
    expect(flagNames).toContain('--open');
    expect(flagNames).toHaveLength(22);
  });
});

describe('parseCliArgs rejects bad input with one line naming the flag, expectation and value', () => {
  it.each([
    [['--epoch', '5'], "unknown option '--epoch'. Did you mean '--epochs'?"],
    [['--frobnicate'], "unknown option '--frobnicate'"],
    [['-x'], "unknown option '-x'"],
    [['extra'], "unexpected argument 'extra' (every input is a --flag)"],
    [['--epochs'], 'option --epochs needs a value'],
    [['--help=yes'], 'option --help does not take a value'],
    [
      ['--layers', '10,,x'],
      "option --layers must be a comma-separated list of positive whole numbers, but got '10,,x'",
    ],
    [
      ['--layers', '10,x'],
      "option --layers must be positive whole numbers written in decimal, but got 'x'",
    ],
    [['--layers', '10,0,1'], "option --layers must be positive whole numbers, but got '0'"],
    [['--layers', '10,2.5,1'], "option --layers must be positive whole numbers, but got '2.5'"],
    [['--epochs', '0'], "option --epochs must be a positive whole number, but got '0'"],
    [['--epochs', '-3'], "option --epochs must be a positive whole number, but got '-3'"],
    [['--epochs', '1.5e0'], "option --epochs must be a positive whole number, but got '1.5e0'"],
    [
      ['--epochs', ''],
      "option --epochs must be a positive whole number written in decimal, but got ''",
    ],
    // Regression: `--lr 0x10` was read as 16 while `--epochs 0x10` was refused.
    [
      ['--epochs', '0x10'],
      "option --epochs must be a positive whole number written in decimal, but got '0x10'",
    ],
    [['--lr', '0x10'], "option --lr must be a positive number written in decimal, but got '0x10'"],
    [['--lr', '0b1'], "option --lr must be a positive number written in decimal, but got '0b1'"],
    [
      ['--threshold', '0o7'],
      "option --threshold must be a positive number written in decimal, but got '0o7'",
    ],
    [['--lr', '1e999'], "option --lr must be a positive number, but got '1e999'"],
    [['--seeds', '0'], "option --seeds must be a positive whole number, but got '0'"],
    [['--threads', '0'], "option --threads must be a positive whole number, but got '0'"],
    [['--seed', '1.5'], "option --seed must be a whole number from 0 to 4294967295, but got '1.5'"],
    [['--seed', '-4'], "option --seed must be a whole number from 0 to 4294967295, but got '-4'"],
    [['--seed=-4'], "option --seed must be a whole number from 0 to 4294967295, but got '-4'"],
    [
      ['--seed', '4294967296'],
      "option --seed must be a whole number from 0 to 4294967295, but got '4294967296'",
    ],
    [['--lr', '0'], "option --lr must be a positive number, but got '0'"],
    [['--lr', 'abc'], "option --lr must be a positive number written in decimal, but got 'abc'"],
    [['--lr', '-0.1'], "option --lr must be a positive number, but got '-0.1'"],
    [
      ['--lr', 'Infinity'],
      "option --lr must be a positive number written in decimal, but got 'Infinity'",
    ],
    [['--lr', ' '], "option --lr must be a positive number written in decimal, but got ' '"],
    [['--threshold', '0'], "option --threshold must be a positive number, but got '0'"],
    [['--scale', 'log2'], "option --scale must be one of linear, log, but got 'log2'"],
    [['--out', ''], "option --out must be a directory path, but got ''"],
    [['--activations', 'relu,relu'], "option --activations lists 'relu' twice, in 'relu,relu'"],
    [
      ['--activations', 'leakyRelu(0.2),leakyRelu(.2)'],
      "option --activations lists 'leakyRelu(0.2)' twice, in 'leakyRelu(0.2),leakyRelu(.2)'",
    ],
    [
      ['--activations', 'tanh/'],
      "option --activations must be a comma-separated list of activation names, but got 'tanh/'",
    ],
    [
      ['--activations', 'leakyRelu(2)'],
      "option --activations: Activation 'leakyRelu(2)': family 'leakyRelu' needs slope to be a finite number from 0 to 1, but got 2",
    ],
    [['--validation', '1'], "option --validation must be a number from 0 to 0.9, but got '1'"],
    [['--validation', '0x0'], "option --validation must be a number from 0 to 0.9, but got '0x0'"],
    [
      ['--task', 'classify'],
      "option --task must be one of auto, regression, classification, but got 'classify'",
    ],
    [
      ['--loss', 'mae'],
      "option --loss must be one of sse, mse, bce, but got 'mae'. Did you mean 'mse'?",
    ],
    [
      ['--optimizer', 'adma'],
      "option --optimizer must be one of sgd, momentum, adam, but got 'adma'. Did you mean 'adam'?",
    ],
    [
      ['--data', 'a.csv', '--dataset', 'xor'],
      'options --data and --dataset cannot be used together: pick one',
    ],
    [['--target', 'y'], 'option --target names a column of the --data file; give --data FILE too'],
    [
      ['--no-standardize'],
      'option --no-standardize applies to --data files (built-in datasets are used as they are)',
    ],
    [
      ['--activations', 'relu,'],
      "option --activations must be a comma-separated list of activation names, but got 'relu,'",
    ],
  ])('%j -> %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it('names the closest activation and lists the known ones for an unknown activation', () => {
    const message = usageError(['--activations', 'tanh,rleu']);
    expect(message).toMatch(
      /^option --activations: Unknown activation 'rleu'\. Did you mean 'relu'\?/,
    );
    expect(message).toContain('leakyRelu');
    expect(message).not.toContain('\n');
  });

  it('lists the datasets and suggests the closest for an unknown dataset', () => {
    expect(usageError(['--dataset', 'moon'])).toMatch(
      /^option --dataset must be one of original, .*moons.*, but got 'moon'\. Did you mean 'moons'\?$/,
    );
    expect(usageError(['--dataset', 'zzzzzz'])).not.toContain('Did you mean');
  });
});

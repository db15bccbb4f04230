import { parseArgs } from 'node:util';
import { defaultRegistry } from '@mg/activations';
import { type ComparisonConfig, datasetNames, type LossScale, taskOptions } from '@mg/compare';
import { closestName } from '@mg/engine';
import { lossNames, optimizerNames } from '@mg/nn';
import { readDecimal } from './decimal-number';
import { UsageError } from './usage-error';

/** The y-axis scales the chart offers. */
export const scales: readonly LossScale[] = ['linear', 'log'];

/**
 * What the user asked for; an absent field means "the library's default". The comparison's own
 * options are `runComparison`'s config keys, so the two cannot drift apart.
 */
export interface CliOptions extends Omit<ComparisonConfig, 'dataset' | 'registry' | 'onProgress'> {
  /** A built-in dataset's name. */
  dataset?: string;
  /** A CSV file to train on instead (`--data`), and its target column (`--target`). */
  data?: string;
  target?: string;
  scale?: LossScale;
  /** Output directory, relative to the current working directory. */
  out: string;
  /** Open report.html in the user's browser after writing it. */
  open?: boolean;
}

/**
 * The parsed command line: print help, print the version, or run a comparison. A run keeps each
 * flag's value as typed (`given['--layers']`), so later errors can quote the user's own words.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; options: CliOptions; given: Readonly<Record<string, string>> };

/** Default output directory. */
export const defaultOut = 'out';

const flags = {
  activations: { type: 'string' },
  layers: { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  seed: { type: 'string' },
  seeds: { type: 'string' },
  dataset: { type: 'string' },
  data: { type: 'string' },
  target: { type: 'string' },
  validation: { type: 'string' },
  task: { type: 'string' },
  loss: { type: 'string' },
  optimizer: { type: 'string' },
  'output-activation': { type: 'string' },
  'no-standardize': { type: 'boolean' },
  threads: { type: 'string' },
  threshold: { type: 'string' },
  scale: { type: 'string' },
  out: { type: 'string', short: 'o' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Every long flag, as typed: `--epochs`. */
export const flagNames: readonly string[] = Object.keys(flags).map((name) => `--${name}`);

/**
 * Parses and validates the arguments after `node cli.js`. Strict: an unknown flag, a positional
 * argument, a missing or malformed value is a {@link UsageError} naming the flag, what it expects
 * and what arrived; an unknown activation or dataset suggests the closest known one.
 */
export function parseCliArgs(argv: readonly string[]): Command {
  const values = parseFlags(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const options: CliOptions = { out: values.out ?? defaultOut };
  if (values.out !== undefined && values.out.trim() === '') {
    throw new UsageError("option --out must be a directory path, but got ''");
  }
  if (values.activations !== undefined) {
    options.activations = parseActivations(values.activations);
  }
  if (values.layers !== undefined) {
    options.layers = parseList('--layers', values.layers, 'positive whole numbers').map((item) =>
      parseInteger('--layers', item, 1, 'positive whole numbers'),
    );
  }
  // The upper limit (maxEpochs) is @mg/nn's: runComparison refuses more as `config.epochs` before
  // training, and inputErrorMessage reports it as `option --epochs must be at most …`.
  if (values.epochs !== undefined) options.epochs = parseInteger('--epochs', values.epochs, 1);
  if (values.lr !== undefined) options.learningRate = parsePositiveNumber('--lr', values.lr);
  if (values.seed !== undefined) {
    // @mg/nn seeds its initialisation with a 32-bit unsigned integer.
    options.seed = parseInteger('--seed', values.seed, 0, seedRange, maxSeed);
  }
  if (values.seeds !== undefined) options.seeds = parseInteger('--seeds', values.seeds, 1);
  if (values.threads !== undefined) options.threads = parseInteger('--threads', values.threads, 1);
  if (values.threshold !== undefined) {
    options.threshold = parsePositiveNumber('--threshold', values.threshold);
  }
  if (values.dataset !== undefined) options.dataset = parseDataset(values.dataset);
  if (values.data !== undefined) {
    if (values.dataset !== undefined) {
      throw new UsageError('options --data and --dataset cannot be used together: pick one');
    }
    if (values.data.trim() === '')
      throw new UsageError("option --data must be a file path, but got ''");
    options.data = values.data;
    // Your own data: inputs on any scale, so standardised unless asked not to; 0.2 held out.
    options.standardize = !values['no-standardize'];
    options.validation = 0.2;
  } else if (values.target !== undefined) {
    throw new UsageError('option --target names a column of the --data file; give --data FILE too');
  } else if (values['no-standardize']) {
    throw new UsageError(
      'option --no-standardize applies to --data files (built-in datasets are used as they are)',
    );
  }
  if (values.target !== undefined) options.target = values.target;
  if (values.validation !== undefined) {
    options.validation = parseFraction('--validation', values.validation);
  }
  if (values.task !== undefined) options.task = parseChoice('--task', values.task, taskOptions);
  if (values.loss !== undefined) options.loss = parseChoice('--loss', values.loss, lossNames);
  if (values.optimizer !== undefined) {
    options.optimizer = parseChoice('--optimizer', values.optimizer, optimizerNames);
  }
  if (values['output-activation'] !== undefined) {
    options.outputActivation = parseActivationName(
      '--output-activation',
      values['output-activation'],
    );
  }
  if (values.scale !== undefined) options.scale = parseScale(values.scale);
  if (values.open) options.open = true;
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') given[`--${name}`] = value;
  }
  return { kind: 'run', options, given };
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv),
      options: flags,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw toUsageError(error);
  }
}

/**
 * `--epochs -3` becomes `--epochs=-3`.
 * NOTE: util.parseArgs refuses a value starting with '-' as "ambiguous"; joining it lets the
 * validator say what is wrong with the number (it must be positive) instead.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(token) && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${token}=${next}`);
      i++;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

/** Turns util.parseArgs' errors (long, meant for programmers) into one short line. */
function toUsageError(error: unknown): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const suggestion = quoted.startsWith('--') ? closestName(quoted, flagNames) : undefined;
      return new UsageError(
        `unknown option '${quoted}'${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
      );
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument '${quoted}' (every input is a --flag)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /(--[a-z-]+)/.exec(message)?.[1] ?? quoted;
      return new UsageError(
        message.includes('argument missing') || message.includes('ambiguous')
          ? `option ${flag} needs a value`
          : `option ${flag} does not take a value`,
      );
    }
    default:
      return new UsageError(message);
  }
}

/** Splits `a,b,c`; an empty item (`10,,5`, a trailing comma) is an error. */
function parseList(flag: string, text: string, expected: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new UsageError(
      `option ${flag} must be a comma-separated list of ${expected}, but got '${text}'`,
    );
  }
  return items;
}

/** The largest `--seed`: @mg/nn takes seeds in [0, 2^32). */
const maxSeed = 2 ** 32 - 1;
const seedRange = `a whole number from 0 to ${maxSeed}`;

/** Says what was wrong with `text`: not decimal at all, or a number out of range. */
function numberError(flag: string, text: string, expected: string, decimal: boolean): UsageError {
  const form = decimal ? '' : ' written in decimal';
  return new UsageError(`option ${flag} must be ${expected}${form}, but got '${text}'`);
}

function parseInteger(
  flag: string,
  text: string,
  min: number,
  expected = 'a positive whole number',
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = readDecimal(text);
  if (value === undefined || !Number.isSafeInteger(value) || value < min || value > max) {
    throw numberError(flag, text, expected, value !== undefined);
  }
  return value;
}

function parsePositiveNumber(flag: string, text: string): number {
  const value = readDecimal(text);
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw numberError(flag, text, 'a positive number', value !== undefined);
  }
  return value;
}

/**
 * `--activations`: entries separated by commas outside parentheses (so a family's arguments may
 * hold commas); each entry one name, or one per hidden layer joined by '/'. Every name must be
 * known to the registry (its error suggests the closest); repeats are refused by their canonical
 * spelling (`leakyRelu(.2)` repeats `leakyRelu(0.2)`).
 */
function parseActivations(text: string): string[] {
  const entries = splitTopLevel(text);
  if (
    entries.some((entry) => entry === '' || entry.split('/').some((part) => part.trim() === ''))
  ) {
    throw new UsageError(
      `option --activations must be a comma-separated list of activation names, but got '${text}'`,
    );
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    const canonical = entry
      .split('/')
      .map((part) => parseActivationName('--activations', part.trim()))
      .join('/');
    if (seen.has(canonical)) {
      throw new UsageError(`option --activations lists '${canonical}' twice, in '${text}'`);
    }
    seen.add(canonical);
  }
  return entries;
}

/** Splits at commas that are not inside parentheses, trimming each piece. */
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      pieces.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current.trim());
  return pieces;
}

/** One activation name known to the default registry, in its canonical spelling. */
function parseActivationName(flag: string, name: string): string {
  try {
    return defaultRegistry().get(name).name;
  } catch (error) {
    // The registry's own error names the closest activation and lists the known ones.
    const detail = error instanceof Error ? error.message : `unknown activation '${name}'`;
    throw new UsageError(`option ${flag}: ${detail}`);
  }
}

/** A number from 0 to 0.9 (the share of rows held out). */
function parseFraction(flag: string, text: string): number {
  const value = readDecimal(text);
  if (value === undefined || value < 0 || value > 0.9) {
    throw new UsageError(`option ${flag} must be a number from 0 to 0.9, but got '${text}'`);
  }
  return value;
}

/** One of `choices`, or a UsageError listing them. */
function parseChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const choice = choices.find((name) => name === text);
  if (choice === undefined) {
    const suggestion = closestName(text, choices);
    throw new UsageError(
      `option ${flag} must be one of ${choices.join(', ')}, but got '${text}'` +
        (suggestion ? `. Did you mean '${suggestion}'?` : ''),
    );
  }
  return choice;
}

function parseDataset(text: string): string {
  if (datasetNames.includes(text)) return text;
  const suggestion = closestName(text, datasetNames);
  throw new UsageError(
    `option --dataset must be one of ${datasetNames.join(', ')}, but got '${text}'` +
      (suggestion ? `. Did you mean '${suggestion}'?` : ''),
  );
}

function parseScale(text: string): CliOptions['scale'] {
  const scale = scales.find((name) => name === text);
  if (scale === undefined) {
    throw new UsageError(`option --scale must be one of ${scales.join(', ')}, but got '${text}'`);
  }
  return scale;
}

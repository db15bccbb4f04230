import { parseArgs } from 'node:util';
import { defaultRegistry } from '@mg/activations';
import { type ComparisonConfig, datasetNames, type LossScale } from '@mg/compare';
import { closestName } from '@mg/engine';
import { readDecimal } from './decimal-number';
import { UsageError } from './usage-error';

/** The y-axis scales the chart offers. */
export const scales: readonly LossScale[] = ['linear', 'log'];

/**
 * What the user asked for; an absent field means "the library's default". The comparison's own
 * options are `runComparison`'s config keys, so the two cannot drift apart.
 */
export interface CliOptions extends Omit<ComparisonConfig, 'dataset' | 'registry' | 'onProgress'> {
  /** A dataset name (the command cannot take samples of its own). */
  dataset?: string;
  scale?: LossScale;
  /** Output directory, relative to the current working directory. */
  out: string;
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
  threads: { type: 'string' },
  threshold: { type: 'string' },
  scale: { type: 'string' },
  out: { type: 'string', short: 'o' },
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
  if (values.scale !== undefined) options.scale = parseScale(values.scale);
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
    if (/^--[a-z]+$/.test(token) && next !== undefined && /^-\.?\d/.test(next)) {
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
      const flag = /(--[a-z]+)/.exec(message)?.[1] ?? quoted;
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

function parseActivations(text: string): string[] {
  const names = parseList('--activations', text, 'activation names');
  const registry = defaultRegistry();
  const seen = new Set<string>();
  for (const name of names) {
    if (!registry.has(name)) {
      // The registry's own error names the closest activation and lists the known ones.
      let detail = `unknown activation '${name}'`;
      try {
        registry.get(name);
      } catch (error) {
        if (error instanceof Error) detail = error.message;
      }
      throw new UsageError(`option --activations: ${detail}`);
    }
    if (seen.has(name)) {
      throw new UsageError(`option --activations lists '${name}' twice, in '${text}'`);
    }
    seen.add(name);
  }
  return names;
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

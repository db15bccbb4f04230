import { MicrogradError } from './dependencies';

/** Base class of the errors `@mg/compare` throws itself (bad arguments use `InvalidArgumentError`). */
export class ComparisonError extends MicrogradError {
  override name = 'ComparisonError';
}

/**
 * A dataset name that is not one of `datasetNames`, e.g.
 * `Unknown dataset 'moon'. Known: original, xor, moons, circles, sine, spiral, gaussians`.
 */
export class UnknownDatasetError extends ComparisonError {
  override name = 'UnknownDatasetError';
  readonly dataset: string;
  readonly known: readonly string[];

  constructor(dataset: string, known: readonly string[]) {
    super(`Unknown dataset '${dataset}'. Known: ${known.join(', ')}`);
    this.dataset = dataset;
    this.known = known;
  }
}

/** What was wrong with a data file (see {@link DataFileError}). */
export type DataFileProblem =
  | 'empty'
  | 'no-header'
  | 'unnamed-column'
  | 'duplicate-column'
  | 'unclosed-quote'
  | 'ragged-row'
  | 'not-a-number'
  | 'missing-target'
  | 'no-inputs'
  | 'constant-column'
  | 'too-few-rows'
  | 'too-large'
  | 'unreadable';

/** Where in a data file the problem is, and what it is. */
export interface DataFileErrorDetails {
  /** The file's name as the user gave it (or `'<string>'` for text passed directly). */
  file: string;
  /** 1-based line number in the file. */
  line: number;
  /** 1-based column (field) number, when the problem is in one column. */
  column?: number;
  /** That column's header name, when known. */
  columnName?: string;
  problem: DataFileProblem;
  /** What is wrong, in words: `'abc' is not a number`. */
  detail: string;
}

/**
 * A data file that cannot be trained on, as one line naming the file, line and column, e.g.
 * `data.csv: line 7, column 2 ('x2'): 'abc' is not a number`.
 */
export class DataFileError extends ComparisonError {
  override name = 'DataFileError';
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  readonly columnName: string | undefined;
  readonly problem: DataFileProblem;

  constructor(details: DataFileErrorDetails) {
    const { file, line, column, columnName } = details;
    const where =
      column === undefined
        ? `line ${line}`
        : `line ${line}, column ${column}${columnName === undefined ? '' : ` ('${columnName}')`}`;
    super(`${file}: ${where}: ${details.detail}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.problem = details.problem;
  }
}

import Papa from 'papaparse';
import type { ComparisonDataset } from './datasets/dataset-definition';
import { checkOptionKeys, closestName, InvalidArgumentError, optionKeys } from './dependencies';
import { DataFileError, type DataFileProblem } from './errors';

/** Fewest data rows a CSV must have: enough to train on and still hold some out. */
export const minCsvRows = 4;
/**
 * Most data rows a CSV may have. Each epoch replays every row once per network: at 5,000 rows,
 * the default comparison (eleven 10-5-1 networks, 1000 epochs) already takes minutes on a laptop
 * core, so a larger file is refused rather than left to run for hours.
 */
export const maxCsvRows = 5000;
/** Most columns a CSV may have (inputs and target). */
export const maxCsvColumns = 100;

/** Options of {@link datasetFromCsv}. */
export interface CsvDatasetOptions {
  /** The target column's header name. Default: the last column. */
  target?: string;
  /** The file name, for error messages and the dataset's name. Default `'<string>'`. */
  file?: string;
}

const csvOptionKeys = optionKeys<CsvDatasetOptions>({ target: true, file: true });

/**
 * A dataset read from CSV: `{ xs, ys }` for `runComparison`, what each column became, and
 * `outputActivation: 'identity'` (a target on the data's own scale needs a linear output layer).
 */
export interface CsvDataset extends ComparisonDataset {
  name: string;
  xs: number[][];
  ys: number[];
  /** The input columns, in file order: `xs[i][k]` is column `inputColumns[k]` of row i. */
  inputColumns: string[];
  /** The target column. */
  targetColumn: string;
  /** Columns left out because every cell in them is text (an id or a name, say). */
  ignoredColumns: string[];
  /**
   * When the target holds two text labels instead of numbers: the labels, sorted; `ys` is 0 for
   * the first and 1 for the second.
   */
  classLabels?: [string, string];
}

/** One parsed record and the line it starts on. */
interface Row {
  fields: string[];
  line: number;
}

// A decimal number as people write them in CSV: no hex, no Infinity, no NaN, no empty string.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number in a cell, or undefined if the cell is not a decimal number. */
function parseCell(cell: string): number | undefined {
  const text = cell.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Reads a dataset from CSV text (pure, browser-safe): a header row naming the columns, then one
 * row per sample. The target is `options.target` (default: the last column); every other
 * numeric column is an input, and a column whose cells are all text is left out (listed in
 * `ignoredColumns`). A text target with exactly two labels becomes 0/1 (`classLabels`).
 *
 * Anything that cannot be trained on throws a {@link DataFileError} naming the file, the line
 * and the column: an empty text, no header row, an unnamed or repeated column name, an unclosed
 * quote, a row with more or fewer fields than the header, a cell that is not a number, a missing
 * target column (listing the columns, suggesting the closest), no input column, a constant
 * column, fewer than {@link minCsvRows} or more than {@link maxCsvRows} rows, more than
 * {@link maxCsvColumns} columns. Parsing is papaparse's (quotes, CRLF, a byte-order mark).
 */
export function datasetFromCsv(text: string, options: CsvDatasetOptions = {}): CsvDataset {
  const method = 'datasetFromCsv';
  if (typeof text !== 'string') {
    throw new InvalidArgumentError({
      argument: 'text',
      method,
      expected: 'a string',
      received: text,
    });
  }
  checkOptionKeys(options, csvOptionKeys, 'options', method);
  const file = options.file ?? '<string>';
  const fail = (
    problem: DataFileProblem,
    line: number,
    detail: string,
    column?: number,
    columnName?: string,
  ): never => {
    throw new DataFileError({ file, line, problem, detail, column, columnName });
  };
  const { header, rows } = readRows(text.replace(/^\uFEFF/, ''), fail);

  const names = header.fields.map((name) => name.trim());
  if (names.length > maxCsvColumns) {
    fail(
      'too-large',
      header.line,
      `${names.length} columns; at most ${maxCsvColumns} can be trained on`,
    );
  }
  if (names.every((name) => parseCell(name) !== undefined)) {
    fail(
      'no-header',
      header.line,
      `no header row: the first line holds numbers (${header.fields.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}); it must name the columns`,
    );
  }
  names.forEach((name, i) => {
    if (name === '')
      fail('unnamed-column', header.line, 'the header gives this column no name', i + 1);
    const first = names.indexOf(name);
    if (first !== i) {
      fail(
        'duplicate-column',
        header.line,
        `the name is also column ${first + 1}'s; names must be unique`,
        i + 1,
        name,
      );
    }
  });
  for (const row of rows) {
    if (row.fields.length === names.length) continue;
    if (row.fields.length < names.length) {
      const missing = row.fields.length;
      fail(
        'ragged-row',
        row.line,
        `the row has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'} but the header has ${names.length}: this one is missing`,
        missing + 1,
        names[missing],
      );
    }
    fail(
      'ragged-row',
      row.line,
      `the row has ${row.fields.length} fields but the header has ${names.length}: this one has no column name`,
      names.length + 1,
    );
  }

  const targetName = options.target ?? names[names.length - 1]!;
  const targetIndex = names.indexOf(targetName);
  if (targetIndex === -1) {
    const suggestion = closestName(targetName, names);
    fail(
      'missing-target',
      header.line,
      `no target column '${targetName}'.${suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`} Columns: ${names.join(', ')}`,
    );
  }

  if (rows.length < minCsvRows) {
    const last = rows.at(-1)?.line ?? header.line;
    fail(
      'too-few-rows',
      last,
      `only ${rows.length} data row${rows.length === 1 ? '' : 's'}; at least ${minCsvRows} are needed to train and hold some out`,
    );
  }

  const inputColumns: string[] = [];
  const ignoredColumns: string[] = [];
  const columns: number[][] = [];
  names.forEach((name, c) => {
    if (c === targetIndex) return;
    const cells = rows.map((row) => parseCell(row.fields[c]!));
    const firstText = cells.indexOf(undefined);
    if (firstText === -1) {
      inputColumns.push(name);
      columns.push(cells as number[]);
      return;
    }
    // A column of text only (an id, a name) is not an input; one text cell among numbers is a mistake.
    if (cells.every((cell, r) => cell === undefined && rows[r]!.fields[c]!.trim() !== '')) {
      ignoredColumns.push(name);
      return;
    }
    const row = rows[firstText]!;
    fail('not-a-number', row.line, describeBadCell(row.fields[c]!), c + 1, name);
  });
  if (inputColumns.length === 0) {
    const separator =
      names.length === 1 && /[;\t]/.test(names[0]!)
        ? " (the file seems to use ';' or tabs between values; only commas separate columns)"
        : '';
    fail(
      'no-inputs',
      header.line,
      `no numeric input column besides the target '${targetName}'${separator}`,
    );
  }
  columns.forEach((values, k) => {
    if (values.every((value) => value === values[0])) {
      const c = names.indexOf(inputColumns[k]!);
      fail(
        'constant-column',
        header.line,
        `every row holds ${values[0]}: a constant column carries nothing to learn from (and cannot be standardised); remove it`,
        c + 1,
        inputColumns[k],
      );
    }
  });

  const { ys, classLabels } = readTarget(rows, targetIndex, targetName, header.line, fail);
  const xs = rows.map((_, r) => columns.map((column) => column[r]!));
  const dataset: CsvDataset = {
    name: baseName(file),
    // A target on the data's own scale (a price, a 0/1 class as a logit) needs a linear output.
    outputActivation: 'identity',
    xs,
    ys,
    inputColumns,
    targetColumn: targetName,
    ignoredColumns,
  };
  if (classLabels !== undefined) dataset.classLabels = classLabels;
  return dataset;
}

type Fail = (
  problem: DataFileProblem,
  line: number,
  detail: string,
  column?: number,
  columnName?: string,
) => never;

/** The header and the data rows (blank lines skipped), each with its line number. */
function readRows(text: string, fail: Fail): { header: Row; rows: Row[] } {
  if (text.trim() === '')
    fail('empty', 1, 'the file is empty; it needs a header row and data rows');
  const rows: Row[] = [];
  let start = 0; // where the current record starts in `text`
  let line = 1; // the line `start` is on
  let counted = 0; // newlines before `counted` are in `line`
  let tooMany: number | undefined;
  let quoteError: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result, parser) {
      for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
      const fields = result.data;
      if (result.errors.some((error) => error.type === 'Quotes')) {
        quoteError = line;
        parser.abort();
        return;
      }
      if (!(fields.length === 1 && fields[0]!.trim() === '')) {
        // The header plus maxCsvRows data rows are allowed.
        if (rows.length > maxCsvRows) {
          tooMany = line;
          parser.abort();
          return;
        }
        rows.push({ fields, line });
      }
      const cursor = result.meta.cursor;
      start = cursor + (text.startsWith('\r\n', cursor) ? 2 : 1);
    },
  });
  if (quoteError !== undefined) {
    fail(
      'unclosed-quote',
      quoteError,
      'a quoted field is not closed (or a quote inside it is not doubled)',
    );
  }
  if (tooMany !== undefined) {
    fail(
      'too-large',
      tooMany,
      `more than ${maxCsvRows.toLocaleString('en-US')} data rows: too many to train on in reasonable time (the limit is ${maxCsvRows.toLocaleString('en-US')})`,
    );
  }
  const [header, ...data] = rows;
  if (header === undefined) fail('empty', 1, 'the file has no rows');
  return { header: header!, rows: data };
}

/** Why a cell is not a number, in words, with a hint for the commonest causes. */
function describeBadCell(cell: string): string {
  const text = cell.trim();
  if (text === '') return 'the cell is empty (a missing value); every cell must hold a number';
  const hint = /[;\t]/.test(text)
    ? " (the file seems to use ';' or tabs between values; only commas separate columns)"
    : /^\d+,\d+$/.test(text)
      ? ' (use a point for decimals)'
      : '';
  return `'${text.length > 30 ? `${text.slice(0, 30)}…` : text}' is not a number${hint}`;
}

/** The target as numbers; two text labels become 0 and 1. */
function readTarget(
  rows: readonly Row[],
  index: number,
  name: string,
  headerLine: number,
  fail: Fail,
): { ys: number[]; classLabels?: [string, string] } {
  const cells = rows.map((row) => row.fields[index]!.trim());
  const numbers = cells.map(parseCell);
  const firstText = numbers.indexOf(undefined);
  if (firstText === -1) {
    const ys = numbers as number[];
    if (ys.every((y) => y === ys[0])) {
      fail(
        'constant-column',
        headerLine,
        `the target holds ${ys[0]} in every row: there is nothing to learn`,
        index + 1,
        name,
      );
    }
    return { ys };
  }
  const labels = [...new Set(cells)].sort();
  if (labels.length === 2 && !labels.includes('') && numbers.every((n) => n === undefined)) {
    const pair: [string, string] = [labels[0]!, labels[1]!];
    return { ys: cells.map((cell) => (cell === pair[0] ? 0 : 1)), classLabels: pair };
  }
  const row = rows[firstText]!;
  const detail =
    numbers.every((n) => n === undefined) && cells[firstText] !== ''
      ? `${describeBadCell(row.fields[index]!)} (a text target needs exactly two labels, for binary classification; this one has ${labels.length})`
      : describeBadCell(row.fields[index]!);
  return fail('not-a-number', row.line, detail, index + 1, name);
}

/** `data/iris.csv` → `iris`. */
function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.csv$/i, '') || file;
}

import { describe, expect, it } from 'vitest';
import { datasetFromCsv, maxCsvColumns, maxCsvRows } from './csv-dataset';
import { DataFileError } from './errors';

const good = ['x1,x2,y', '0.5,1,0', '1.5,-2,1', '2.5,3e-1,0', '-.5,4,1', ''].join('\n');

/** The DataFileError `text` throws (the test fails if nothing is thrown). */
function errorOf(text: string, options: { target?: string } = {}): DataFileError {
  try {
    datasetFromCsv(text, { ...options, file: 'data.csv' });
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  return expect.fail('no error thrown');
}

describe('datasetFromCsv', () => {
  it('reads a header and numeric rows: the last column is the target, the others inputs', () => {
    const dataset = datasetFromCsv(good, { file: 'data/points.csv' });
    expect(dataset).toEqual({
      name: 'points',
      outputActivation: 'identity',
      xs: [
        [0.5, 1],
        [1.5, -2],
        [2.5, 0.3],
        [-0.5, 4],
      ],
      ys: [0, 1, 0, 1],
      inputColumns: ['x1', 'x2'],
      targetColumn: 'y',
      ignoredColumns: [],
    });
  });

  it('takes the target by name, skips blank lines, reads CRLF, quotes and a byte-order mark', () => {
    const text = '\uFEFF"y",x1,"x 2"\r\n1,2,3\r\n\r\n"4",5,6\r\n7,8,9\r\n10,11,12\r\n';
    const dataset = datasetFromCsv(text, { target: 'y' });
    expect(dataset.inputColumns).toEqual(['x1', 'x 2']);
    expect(dataset.ys).toEqual([1, 4, 7, 10]);
    expect(dataset.xs[3]).toEqual([11, 12]);
  });

  it('leaves out a column of text only, and turns two text labels into 0 and 1', () => {
    const text = 'name,x,label\na,1,yes\nb,2,no\nc,3,no\nd,4,yes\n';
    const dataset = datasetFromCsv(text);
    expect(dataset.ignoredColumns).toEqual(['name']);
    expect(dataset.inputColumns).toEqual(['x']);
    expect(dataset.classLabels).toEqual(['no', 'yes']);
    expect(dataset.ys).toEqual([1, 0, 0, 1]);
  });

  it('refuses an empty file', () => {
    for (const text of ['', '  \n\n']) {
      const error = errorOf(text);
      expect(error.problem).toBe('empty');
      expect(error.message).toBe(
        'data.csv: line 1: the file is empty; it needs a header row and data rows',
      );
    }
  });

  it('refuses a file without a header row', () => {
    const error = errorOf('1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n');
    expect(error).toMatchObject({ problem: 'no-header', line: 1 });
    expect(error.message).toBe(
      'data.csv: line 1: no header row: the first line holds numbers (1, 2, 3); it must name the columns',
    );
  });

  it('refuses a ragged row, naming its line and the missing or extra column', () => {
    const short = errorOf('x1,x2,y\n1,2,3\n4,5\n7,8,9\n1,1,1\n');
    expect(short).toMatchObject({ problem: 'ragged-row', line: 3, column: 3, columnName: 'y' });
    expect(short.message).toBe(
      "data.csv: line 3, column 3 ('y'): the row has 2 fields but the header has 3: this one is missing",
    );
    // Line numbers count blank lines and quoted line breaks.
    const long = errorOf('x1,x2,y\n"a\nb",2,3\n\n4,5,6,7\n');
    expect(long).toMatchObject({ problem: 'ragged-row', line: 5, column: 4 });
    expect(long.message).toBe(
      'data.csv: line 5, column 4: the row has 4 fields but the header has 3: this one has no column name',
    );
  });

  it('refuses a non-numeric cell, saying which', () => {
    const error = errorOf('x1,x2,y\n1,2,3\n4,abc,6\n7,8,9\n1,1,1\n');
    expect(error).toMatchObject({ problem: 'not-a-number', line: 3, column: 2, columnName: 'x2' });
    expect(error.message).toBe("data.csv: line 3, column 2 ('x2'): 'abc' is not a number");
    expect(errorOf('x1,x2,y\n1,2,3\n4,,6\n7,8,9\n1,1,1\n').message).toBe(
      "data.csv: line 3, column 2 ('x2'): the cell is empty (a missing value); every cell must hold a number",
    );
    expect(errorOf('x1,x2,y\n1,2,3\n4,NaN,6\n7,8,9\n1,1,1\n').message).toContain(
      "'NaN' is not a number",
    );
    expect(errorOf('x;y\n1;2\n3;4\n5;6\n7;8\n').message).toContain("seems to use ';'");
    // A text target with more than two labels is not a classification we can do.
    expect(errorOf('x,y\n1,a\n2,b\n3,c\n4,a\n').message).toBe(
      "data.csv: line 2, column 2 ('y'): 'a' is not a number (a text target needs exactly two labels, for binary classification; this one has 3)",
    );
  });

  it('refuses a missing target column, listing the columns and suggesting the closest', () => {
    const error = errorOf(good, { target: 'yy' });
    expect(error).toMatchObject({ problem: 'missing-target', line: 1 });
    expect(error.message).toBe(
      "data.csv: line 1: no target column 'yy'. Did you mean 'y'? Columns: x1, x2, y",
    );
    expect(errorOf(good, { target: 'price' }).message).toBe(
      "data.csv: line 1: no target column 'price'. Columns: x1, x2, y",
    );
  });

  it('refuses a constant input or target column', () => {
    const input = errorOf('x1,x2,y\n1,2,0\n1,3,1\n1,4,0\n1,5,1\n');
    expect(input).toMatchObject({ problem: 'constant-column', line: 1, column: 1 });
    expect(input.message).toBe(
      "data.csv: line 1, column 1 ('x1'): every row holds 1: a constant column carries nothing to learn from (and cannot be standardised); remove it",
    );
    expect(errorOf('x,y\n1,2\n3,2\n4,2\n5,2\n').message).toBe(
      "data.csv: line 1, column 2 ('y'): the target holds 2 in every row: there is nothing to learn",
    );
  });

  it('refuses fewer than 4 data rows', () => {
    const error = errorOf('x,y\n1,2\n\n3,4\n5,6\n');
    expect(error).toMatchObject({ problem: 'too-few-rows', line: 5 });
    expect(error.message).toBe(
      'data.csv: line 5: only 3 data rows; at least 4 are needed to train and hold some out',
    );
    expect(errorOf('x,y\n').message).toBe(
      'data.csv: line 1: only 0 data rows; at least 4 are needed to train and hold some out',
    );
  });

  it('refuses a file too large to train on in reasonable time, with the limit', () => {
    const rows = Array.from({ length: maxCsvRows + 1 }, (_, i) => `${i},${i % 2}`);
    const error = errorOf(['x,y', ...rows].join('\n'));
    expect(error).toMatchObject({ problem: 'too-large', line: maxCsvRows + 2 });
    expect(error.message).toBe(
      `data.csv: line ${maxCsvRows + 2}: more than 5,000 data rows: too many to train on in reasonable time (the limit is 5,000)`,
    );
    const wide = Array.from({ length: maxCsvColumns + 1 }, (_, i) => `c${i}`).join(',');
    expect(errorOf(`${wide}\n`).problem).toBe('too-large');
    // The limit itself is fine.
    const atLimit = ['x,y', ...rows.slice(0, maxCsvRows)].join('\n');
    expect(datasetFromCsv(atLimit).xs).toHaveLength(maxCsvRows);
  });

  it('refuses unnamed and repeated column names, an unclosed quote, no input column', () => {
    expect(errorOf(',x,y\n0,1,2\n1,2,3\n2,3,4\n3,4,5\n')).toMatchObject({
      problem: 'unnamed-column',
      column: 1,
    });
    expect(errorOf('x,x,y\n0,1,2\n1,2,3\n2,3,4\n3,4,5\n').message).toBe(
      "data.csv: line 1, column 2 ('x'): the name is also column 1's; names must be unique",
    );
    expect(errorOf('x,y\n1,2\n"3,4\n5,6\n7,8\n')).toMatchObject({
      problem: 'unclosed-quote',
      line: 3,
    });
    expect(errorOf('name,y\na,1\nb,2\nc,3\nd,4\n').message).toBe(
      "data.csv: line 1: no numeric input column besides the target 'y'",
    );
  });

  it('rejects arguments of the wrong type', () => {
    expect(() => datasetFromCsv(3 as never)).toThrow(
      "Argument 'text' passed to 'datasetFromCsv' must be a string, but got number 3",
    );
    expect(() => datasetFromCsv('a,b\n1,2', { taget: 'b' } as never)).toThrow(
      "Argument 'options' passed to 'datasetFromCsv' has an unknown key 'taget'. Did you mean 'target'? Known keys: target, file",
    );
  });
});

// Node-only: reads a file. The browser-safe part is `datasetFromCsv` (csv-dataset.ts).
import { type CsvDataset, type CsvDatasetOptions, datasetFromCsv, maxCsvRows } from './csv-dataset';
import { DataFileError } from './errors';

/**
 * Largest file read, in bytes: well above what {@link maxCsvRows} rows of numbers take (so the
 * row limit gives the usual message), and small enough to refuse a huge file before reading it.
 */
export const maxCsvBytes = 20 * 1024 * 1024;

/**
 * Reads a CSV file into `{ xs, ys, … }` (see `datasetFromCsv`; `file` in errors is `path` as
 * given). A file that cannot be read, or is larger than {@link maxCsvBytes}, throws a
 * `DataFileError` (line 1) before anything is parsed.
 */
export async function readCsvDataset(
  path: string,
  options: Omit<CsvDatasetOptions, 'file'> = {},
): Promise<CsvDataset> {
  // Loaded on first use, so `import '@mg/compare'` does not build its ES module facade.
  const { readFile, stat } = await import('node:fs/promises');
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  if (size > maxCsvBytes) {
    throw new DataFileError({
      file: path,
      line: 1,
      problem: 'too-large',
      detail: `${(size / 1024 / 1024).toFixed(1)} MB: too large to train on in reasonable time (the limit is ${maxCsvBytes / 1024 / 1024} MB and ${maxCsvRows.toLocaleString('en-US')} rows)`,
    });
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return datasetFromCsv(text, { ...options, file: path });
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory, not a file',
};

function unreadable(path: string, error: unknown): DataFileError {
  const code = String((error as { code?: unknown }).code ?? '');
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new DataFileError({
    file: path,
    line: 1,
    problem: 'unreadable',
    detail: `cannot read the file: ${reason}${code ? ` (${code})` : ''}`,
  });
}

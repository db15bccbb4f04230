import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from './errors';
import { maxCsvBytes, readCsvDataset } from './read-csv-dataset';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mg-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readCsvDataset', () => {
  it('reads a file, naming the dataset after it and taking the target by name', async () => {
    const path = join(dir, 'points.csv');
    await writeFile(path, 'y,x\n0,1\n1,2\n0,3\n1,4\n');
    const dataset = await readCsvDataset(path, { target: 'y' });
    expect(dataset).toMatchObject({ name: 'points', ys: [0, 1, 0, 1], inputColumns: ['x'] });
  });

  it('names the file as given in parse errors', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, 'x,y\n1,2\n3,oops\n4,5\n6,7\n');
    await expect(readCsvDataset(path)).rejects.toThrow(
      `${path}: line 3, column 2 ('y'): 'oops' is not a number`,
    );
  });

  it('refuses a missing file or a directory as one line', async () => {
    const missing = join(dir, 'missing.csv');
    await expect(readCsvDataset(missing)).rejects.toThrow(
      `${missing}: line 1: cannot read the file: no such file (ENOENT)`,
    );
    await expect(readCsvDataset(dir)).rejects.toMatchObject({ problem: 'unreadable' });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.csv');
    await writeFile(path, '');
    await truncate(path, maxCsvBytes + 1); // sparse: no 20 MB written
    const attempt = readCsvDataset(path);
    await expect(attempt).rejects.toBeInstanceOf(DataFileError);
    await expect(readCsvDataset(path)).rejects.toThrow(
      `${path}: line 1: 20.0 MB: too large to train on in reasonable time (the limit is 20 MB and 5,000 rows)`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createPlainProgress, createProgress } from './progress';

function recorder(isTTY?: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('plain progress', () => {
  it('prints a line at each new tenth and always 100% last, for 11 runs', () => {
    const { chunks, stream } = recorder();
    const progress = createPlainProgress(stream);
    for (let completed = 1; completed <= 11; completed++) {
      progress.update({ completed, total: 11, activation: `a${completed}`, seed: 0 });
    }
    progress.stop();
    // floor(10·c/11) rises at c = 2, 4, 5, …, 11; c = 1 is 9%, below the first tenth.
    expect(chunks).toEqual([
      'mg-compare: 18% (2/11) a2, seed 0\n',
      'mg-compare: 27% (3/11) a3, seed 0\n',
      'mg-compare: 36% (4/11) a4, seed 0\n',
      'mg-compare: 45% (5/11) a5, seed 0\n',
      'mg-compare: 54% (6/11) a6, seed 0\n',
      'mg-compare: 63% (7/11) a7, seed 0\n',
      'mg-compare: 72% (8/11) a8, seed 0\n',
      'mg-compare: 81% (9/11) a9, seed 0\n',
      'mg-compare: 90% (10/11) a10, seed 0\n',
      'mg-compare: 100% (11/11) a11, seed 0\n',
    ]);
  });

  it('prints at most eleven lines however many updates arrive', () => {
    const { chunks, stream } = recorder(false);
    const progress = createProgress(stream);
    for (let completed = 1; completed <= 1000; completed++) {
      progress.update({ completed, total: 1000, activation: 'relu', seed: 3 });
    }
    expect(chunks).toHaveLength(10);
    expect(chunks[0]).toBe('mg-compare: 10% (100/1000) relu, seed 3\n');
    expect(chunks.at(-1)).toBe('mg-compare: 100% (1000/1000) relu, seed 3\n');
  });

  it('prints nothing before any progress and nothing on stop', () => {
    const { chunks, stream } = recorder(false);
    createProgress(stream).stop();
    expect(chunks).toEqual([]);
  });
});

describe('bar progress on a terminal', () => {
  it('draws a bar with the count and the activation, then clears it on stop', () => {
    const { chunks, stream } = recorder(true);
    const terminal = Object.assign(stream, {
      columns: 120,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    const progress = createProgress(terminal);
    progress.update({ completed: 1, total: 4, activation: 'tanh', seed: 0 });
    progress.stop();
    const output = chunks.join('');
    expect(output).toContain('1/4');
    expect(output).toContain('tanh, seed 0');
    expect(output).not.toContain('mg-compare:');
  });
});

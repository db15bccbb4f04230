import { describe, expect, it } from 'vitest';
import { handMadeResult } from './hand-made-result';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('writes one row per run per epoch under the header, activation then seed then epoch', () => {
    const result = handMadeResult(
      {
        tanh: [
          [4, 2, 1],
          [3, 2, 0.5],
        ],
        relu: [[4, 4, 4]],
      },
      3,
    );
    expect(toCsv(result)).toBe(
      [
        'epoch,activation,seed,loss',
        '0,tanh,0,4',
        '1,tanh,0,2',
        '2,tanh,0,1',
        '0,tanh,1,3',
        '1,tanh,1,2',
        '2,tanh,1,0.5',
        '0,relu,0,4',
        '1,relu,0,4',
        '2,relu,0,4',
        '',
      ].join('\n'),
    );
  });

  it("writes a diverged run's finite losses only", () => {
    const result = handMadeResult({ softplus: [{ losses: [4, 90], divergedAt: 2 }] });
    const rows = toCsv(result).trim().split('\n');
    expect(rows).toHaveLength(1 + 2);
    expect(rows.at(-1)).toBe('1,softplus,0,90');
  });

  it('writes numbers that parse back to the same doubles', () => {
    const losses = [0.1 + 0.2, 1 / 3, 5.739e-8];
    const rows = toCsv(handMadeResult({ tanh: [losses] }))
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.map((row) => Number(row.split(',')[3]))).toEqual(losses);
  });

  it('quotes a custom name holding a comma or quote', () => {
    const rows = toCsv(handMadeResult({ 'a,"b"': [[1]] })).split('\n');
    expect(rows[1]).toBe('0,"a,""b""",0,1');
  });
});

describe('toCsv with held-out rows and accuracy', () => {
  it('adds validation_loss, train_accuracy and validation_accuracy columns', () => {
    const result = handMadeResult({ 'leakyRelu(0.2)': [[4, 2]] }, 2);
    const run = result.results[0]!.runs[0]!;
    run.validationLosses = [5, 3];
    run.trainAccuracy = [0.5, 0.75];
    run.validationAccuracy = [0.25, 1];
    expect(toCsv(result)).toBe(
      [
        'epoch,activation,seed,loss,validation_loss,train_accuracy,validation_accuracy',
        '0,leakyRelu(0.2),0,4,5,0.5,0.25',
        '1,leakyRelu(0.2),0,2,3,0.75,1',
        '',
      ].join('\n'),
    );
  });
});

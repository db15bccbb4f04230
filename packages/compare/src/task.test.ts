import { describe, expect, it } from 'vitest';
import { distinctTargets, resolveTask } from './task';

describe('resolveTask', () => {
  it("under 'auto', two distinct targets are classification, more are regression", () => {
    expect(resolveTask('auto', [1, -1, -1, 1], undefined)).toBe('classification');
    expect(resolveTask('auto', [0.5, 1, 2], undefined)).toBe('regression');
    expect(resolveTask('auto', [1, 1, 2, 2], undefined)).toBe('classification');
  });

  it("keeps a dataset's own task, and the user's choice", () => {
    expect(resolveTask('auto', [1, -1], 'regression')).toBe('regression');
    expect(resolveTask('regression', [0, 1], undefined)).toBe('regression');
    expect(resolveTask('classification', [0, 1], 'regression')).toBe('classification');
  });

  it('lists distinct targets ascending', () => {
    expect(distinctTargets([3, -1, 3, 0])).toEqual([-1, 0, 3]);
  });
});

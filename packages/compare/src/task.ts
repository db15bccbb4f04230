/** What the network learns: a number (regression) or one of two classes (binary classification). */
export type TaskName = 'regression' | 'classification';

/** `'auto'` or a task. */
export type TaskOption = 'auto' | TaskName;

/** The task choices, `'auto'` (the default) first. */
export const taskOptions: readonly TaskOption[] = ['auto', 'regression', 'classification'];

/** The distinct target values, ascending. */
export function distinctTargets(ys: readonly number[]): number[] {
  return [...new Set(ys)].sort((a, b) => a - b);
}

/**
 * The task for these targets: `'auto'` takes the dataset's own (`declared`, e.g. the original's
 * regression on ±1) or else classification exactly when there are two distinct target values.
 */
export function resolveTask(
  option: TaskOption,
  ys: readonly number[],
  declared: TaskName | undefined,
): TaskName {
  if (option !== 'auto') return option;
  return declared ?? (distinctTargets(ys).length === 2 ? 'classification' : 'regression');
}

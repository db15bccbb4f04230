/**
 * Runs `run` `warmups` times untimed (so V8 has compiled the hot code), then `repeats` times
 * timed, collecting garbage before each timed run when `--expose-gc` is on so that one run's
 * garbage is not collected on the next one's clock. Returns the timed runs' milliseconds.
 */
export function measure(run: () => void, warmups: number, repeats: number): number[] {
  for (let k = 0; k < warmups; k++) run();
  const samples: number[] = [];
  for (let k = 0; k < repeats; k++) {
    globalThis.gc?.();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

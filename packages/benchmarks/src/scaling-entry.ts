import { runScalingCell, scalingModes } from './scaling';

/**
 * Child-process entry of one scaling cell:
 * `node --expose-gc --import tsx src/scaling-entry.ts <width> <samples> <eager|compiled>`.
 * Prints the result as one JSON line.
 */
const [width, samples, mode] = process.argv.slice(2);
if (!scalingModes.includes(mode as (typeof scalingModes)[number])) {
  throw new Error(`mode must be one of ${scalingModes.join(', ')}, but got '${mode}'`);
}
const result = await runScalingCell({
  width: Number(width),
  samples: Number(samples),
  mode: mode as (typeof scalingModes)[number],
});
process.stdout.write(`${JSON.stringify(result)}\n`);

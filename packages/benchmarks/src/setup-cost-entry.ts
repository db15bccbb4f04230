import { runSetupCost } from './setup-cost';

/**
 * Child-process entry of the setup-cost measurement:
 * `node --expose-gc --import tsx src/setup-cost-entry.ts <width>`. Prints the result as one JSON line.
 */
const result = await runSetupCost(Number(process.argv[2]));
process.stdout.write(`${JSON.stringify(result)}\n`);

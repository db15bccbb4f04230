import { getActivation } from '@mg/activations';
import { trainHandWritten } from './hand-written';
import { nnTrainer } from './nn-trainer';
import { defaultComparison as w } from './workloads';
const which = process.argv.slice(2);
const all: Record<string, (n: string, p: Float64Array) => unknown> = {
  hand: (n, p) => trainHandWritten(w, getActivation(n), p),
  compiled: nnTrainer(w, 'compiled'),
  eager: nnTrainer(w, 'eager'),
};
const out: string[] = [];
for (let r = 0; r < 8; r++) {
  for (const name of which) {
    const t = performance.now();
    w.activations.forEach((a, i) => all[name]!(a, w.initialParameters(i)));
    out.push(`${name[0]}${(performance.now() - t).toFixed(0)}`);
  }
}
console.log(which.join('+'), out.join(' '));

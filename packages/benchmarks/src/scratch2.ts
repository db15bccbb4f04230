import { getActivation } from '@mg/activations';
import { trainHandWritten } from './hand-written';
import { nnTrainer } from './nn-trainer';
import { defaultComparison as w } from './workloads';
const impls = {
  hand: (n: string, p: Float64Array) => trainHandWritten(w, getActivation(n), p),
  compiled: nnTrainer(w, 'compiled'),
  eager: nnTrainer(w, 'eager'),
};
const best: Record<string, number> = {};
for (let r = 0; r < 8; r++) {
  for (const [name, f] of Object.entries(impls)) {
    const t = performance.now();
    w.activations.forEach((a, i) => f(a, w.initialParameters(i)));
    const ms = performance.now() - t;
    best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
console.log(Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(0)}ms (${(v / best.hand!).toFixed(2)}x)`).join(', '));

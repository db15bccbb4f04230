import { getActivation } from '@mg/activations';
import { trainHandWritten } from './src/hand-written';
import { initialParameters } from './src/network';
import { nnTrainer } from './src/nn-trainer';
import { allActivations, biggerMlp as B, defaultComparison as A } from './src/workloads';
const W = process.argv[3] === 'B' ? B : A;
const init = initialParameters(W.shape, 1, W === A ? 'unit' : 'fan-in');
const compiled = nnTrainer(W, 'compiled');
const eager = nnTrainer(W, 'eager');
const acts = W === A ? allActivations : ['tanh'];
const impls: Record<string, () => void> = {
  hand: () => { for (const n of acts) trainHandWritten(W, getActivation(n), Float64Array.from(init)); },
  compiled: () => { for (const n of acts) compiled(n, init); },
  ...(process.argv[4] === 'eager' ? { eager: () => { for (const n of acts) eager(n, init); } } : {}),
};
const best: Record<string, number> = {};
for (let r = 0; r < Number(process.argv[2] ?? 12); r++) for (const [k, f] of Object.entries(impls)) { const t = performance.now(); f(); const ms = performance.now() - t; best[k] = Math.min(best[k] ?? Infinity, ms); }
console.log(Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(1)}ms ${(v / best.hand!).toFixed(2)}x`).join(' | '));

import { runCase } from './worker';
const [w, i] = process.argv.slice(2) as ['A', 'compiled'];
const r = await runCase(w, i, { warmups: 1, repeats: Number(process.env.R ?? 3) });
console.log(r.timings.map((t) => `${t.label}: ${t.samplesMs.map((x) => x.toFixed(0)).join(' ')}`).join('; '));

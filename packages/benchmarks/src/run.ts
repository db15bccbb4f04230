import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runInChild } from './child';
import { bundleFreshEntry, type FreshSamples, runFreshProcesses } from './fresh-process';
import { runInterleaved } from './lockstep';
import { mergeOutcomes } from './merge-outcomes';
import { buildReport, renderMarkdown, toJson } from './report';
import {
  chainImplementations,
  mlpImplementations,
  tfjsImplementations,
  type WorkloadId,
} from './results';
import { runScalingCellInChild, type ScalingResult, scalingCells } from './scaling';
import type { ScalingFailure } from './scaling-rows';
import { isSelected, readSettings } from './settings';
import { runSetupCostInChild, type SetupCost } from './setup-cost';
import type { CaseOutcome } from './summary';
import { biggerMlp, defaultComparison } from './workloads';

/**
 * `pnpm bench`: runs every selected (workload, implementation) in fresh child processes
 * (the MLP workloads' interleaved run by run, the rest one after another), then prints the markdown
 * report and writes it to out/report.md and out/report.json. Progress goes to stderr. Exits with 1 if a case failed to run; a missed
 * target is reported, not an exit code (timings on a shared machine are too noisy to gate on).
 */
const settings = readSettings(process.env);
const plan: [WorkloadId, (typeof mlpImplementations)[number]][] = [
  ...mlpImplementations.map((i) => ['A', i] as [WorkloadId, typeof i]),
  ...mlpImplementations.map((i) => ['B', i] as [WorkloadId, typeof i]),
  ...chainImplementations.map((i) => ['C', i] as [WorkloadId, typeof i]),
].filter(
  ([workload, implementation]) =>
    isSelected(settings, workload, implementation) &&
    // TF.js wasm on A's tiny tensors: tens of seconds per run, all per-op overhead, and no target.
    // It runs when asked for by name (BENCH_ONLY=A:tfjs-wasm).
    !(
      workload === 'A' &&
      implementation === 'tfjs-wasm' &&
      !(settings.only ?? []).includes('A:tfjs-wasm')
    ),
);

/**
 * The MLP workloads' cases run in lockstep: one fresh process per implementation, their timed runs
 * interleaved one by one (see `lockstep.ts`), so that every case meets the same spells of machine
 * load as its reference. A single process's timings also carry its JIT's luck (on this kind of
 * machine a short workload's median can differ by 1.5× between two fresh processes of the same
 * code), so A's cases do this in `settings.processes` rounds, pooled. A's TF.js case, a hundred
 * times slower and far from its target, and the chain run once, one after another.
 */
const groups = [
  {
    spec: defaultComparison,
    cases: plan.filter(([w, i]) => w === 'A' && !tfjsImplementations.includes(i)),
    rounds: settings.processes,
  },
  { spec: biggerMlp, cases: plan.filter(([w]) => w === 'B'), rounds: 1 },
].filter((group) => group.cases.length > 0);
const sequential = plan.filter((entry) => !groups.some((group) => group.cases.includes(entry)));

const runStart = performance.now();
const loadBefore = loadavg()[0]!;
const byCase = new Map<string, CaseOutcome[]>();
const record = (outcome: CaseOutcome) => {
  const key = `${outcome.workload}:${outcome.implementation}`;
  byCase.set(key, [...(byCase.get(key) ?? []), outcome]);
};
for (const group of groups) {
  for (let round = 0; round < group.rounds; round++) {
    const names = group.cases.map(([, i]) => i).join(', ');
    process.stderr.write(`bench: ${group.spec.id} ${names}, interleaved (round ${round + 1}) … `);
    const start = performance.now();
    const outcomes = await runInterleaved(
      group.cases.map(([workload, implementation]) => ({
        workload,
        implementation,
        repeats: settings.repeats ?? group.spec.defaultRepeats[implementation],
      })),
    );
    const failed = outcomes.some((outcome) => 'error' in outcome);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    process.stderr.write(failed ? `FAILED (${seconds} s)\n` : `${seconds} s\n`);
    outcomes.forEach(record);
  }
}
for (const [workload, implementation] of sequential) {
  process.stderr.write(`bench: ${workload} ${implementation} … `);
  const start = performance.now();
  const outcome = await runInChild(workload, implementation);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  process.stderr.write('error' in outcome ? `FAILED (${seconds} s)\n` : `${seconds} s\n`);
  record(outcome);
}

// Fresh processes (start, import, train A, exit) and the imports alone, interleaved round by round.
let fresh: FreshSamples | null = null;
if (settings.only === undefined || settings.only.includes('fresh')) {
  process.stderr.write(`bench: fresh processes, ${settings.freshRounds} rounds … `);
  const start = performance.now();
  fresh = runFreshProcesses(await bundleFreshEntry(), settings.freshRounds);
  process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

// The scaling table: one fresh process per cell, eager and compiled side by side.
const scaling: (ScalingResult | ScalingFailure)[] = [];
if (settings.only === undefined || settings.only.includes('scaling')) {
  for (const cell of scalingCells()) {
    process.stderr.write(`bench: scaling ${cell.width} × ${cell.samples} ${cell.mode} … `);
    const start = performance.now();
    const outcome = await runScalingCellInChild(cell);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    process.stderr.write('error' in outcome ? `FAILED (${seconds} s)\n` : `${seconds} s\n`);
    scaling.push(outcome);
  }
}

// What compiling a large network costs before its first epoch, in a fresh process.
let setup: SetupCost | { width: number; error: string } | null = null;
if (
  settings.only === undefined ||
  settings.only.some((item) => ['scaling', 'setup'].includes(item))
) {
  process.stderr.write(`bench: setup cost, width ${settings.setupWidth} … `);
  const start = performance.now();
  setup = await runSetupCostInChild(settings.setupWidth);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  process.stderr.write('error' in setup ? `FAILED (${seconds} s)\n` : `${seconds} s\n`);
}

const outcomes = plan.map(([workload, implementation]) =>
  mergeOutcomes(byCase.get(`${workload}:${implementation}`)!),
);

const report = buildReport(
  {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    loadBefore,
    loadAfter: loadavg()[0]!,
    warmups: settings.warmups ?? 'default',
    processes: settings.processes,
    repeats: settings.repeats ?? 'default',
    freshRounds: settings.freshRounds,
    totalSeconds: (performance.now() - runStart) / 1000,
  },
  outcomes,
  { fresh, scaling, setup },
);
const markdown = renderMarkdown(report);
const outDir = fileURLToPath(new URL('../out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}report.md`, markdown);
writeFileSync(`${outDir}report.json`, toJson(report));
process.stdout.write(markdown);
process.stderr.write(`bench: wrote ${outDir}report.md and report.json\n`);
if (
  outcomes.some((o) => 'error' in o) ||
  scaling.some((o) => 'error' in o) ||
  (setup !== null && 'error' in setup)
) {
  process.exitCode = 1;
}

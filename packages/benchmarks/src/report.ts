import { formatMs as ms } from './format-ms';
import { importedPackages } from './fresh-kinds';
import type { FreshSamples } from './fresh-process';
import { type FreshRow, freshRows } from './fresh-rows';
import type { ScalingResult } from './scaling';
import { type ScalingFailure, type ScalingRow, scalingRows } from './scaling-rows';
import type { SetupCost } from './setup-cost';
import { type CaseOutcome, type ChainRow, chainRows, type MlpRow, mlpRows } from './summary';
import { checkTargets, type TargetCheck } from './targets';
import { biggerMlp, chainNodes, defaultComparison } from './workloads';

/** Where and how a run happened: needed to read its numbers on a shared, noisy machine. */
export interface RunEnvironment {
  date: string;
  node: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average before the first and after the last case. */
  loadBefore: number;
  loadAfter: number;
  warmups: number | 'default';
  processes: number;
  /** BENCH_REPEATS, or `default` for the per-workload defaults. */
  repeats: number | 'default';
  /** Rounds of fresh processes (one of each kind per round). */
  freshRounds: number;
  /** Wall time of the whole `pnpm bench` run, in seconds. */
  totalSeconds: number;
}

/** Everything one `pnpm bench` run measured, and what follows from it. */
export interface BenchReport {
  environment: RunEnvironment;
  outcomes: CaseOutcome[];
  mlp: MlpRow[];
  chain: ChainRow[];
  fresh: FreshRow[];
  scaling: ScalingRow[];
  /** The setup cost of a large network (null when it did not run). */
  setup: SetupCost | { width: number; error: string } | null;
  targets: TargetCheck[];
}

/** What a run measured besides the MLP and chain cases (either may not have run). */
export interface ExtraOutcomes {
  fresh: FreshSamples | null;
  scaling: readonly (ScalingResult | ScalingFailure)[];
  setup?: SetupCost | { width: number; error: string } | null;
}

/** Derives the tables and the target checks from the raw outcomes. */
export function buildReport(
  environment: RunEnvironment,
  outcomes: CaseOutcome[],
  extra: ExtraOutcomes = { fresh: null, scaling: [] },
): BenchReport {
  const mlp = mlpRows(outcomes);
  const fresh = extra.fresh === null ? [] : freshRows(extra.fresh);
  const scaling = scalingRows(extra.scaling);
  return {
    environment,
    outcomes,
    mlp,
    chain: chainRows(outcomes),
    fresh,
    scaling,
    setup: extra.setup ?? null,
    targets: checkTargets({ mlp, fresh, scaling, setup: okSetup(extra.setup) }),
  };
}

/**
 * The report as JSON: everything except the full loss curves, which are summarised by each
 * run's final loss (the curves are what the loss-difference column was computed from).
 */
export function toJson(report: BenchReport): string {
  const outcomes = report.outcomes.map((outcome) => {
    if (!('losses' in outcome) || outcome.losses === undefined) return outcome;
    const { losses, ...rest } = outcome;
    return { ...rest, finalLosses: losses.map((curve) => curve[curve.length - 1] ?? null) };
  });
  return `${JSON.stringify({ ...report, outcomes }, null, 2)}\n`;
}

/** The report as markdown: the MLP table, the chain table, the targets, any failures. */
export function renderMarkdown(report: BenchReport): string {
  const { environment: env } = report;
  const lines = [
    '# @mg/benchmarks report',
    '',
    `${env.date} · Node ${env.node} · ${env.cpus} × ${env.cpuModel} · ` +
      `load average ${env.loadBefore.toFixed(2)} → ${env.loadAfter.toFixed(2)} · ` +
      `${env.warmups === 'default' ? 'the default number of (A: 5, B and C: 1)' : env.warmups} warm-up run(s), then ${env.repeats === 'default' ? 'the default number of' : env.repeats} timed runs per process (column "runs": all of a case's runs). The implementations of A (but TF.js) and of B run in fresh processes side by side, their timed runs interleaved one by one; A's in ${env.processes} rounds, pooled. Whole run: ${env.totalSeconds.toFixed(0)} s`,
    '',
    `- **A ${defaultComparison.title}**: ${defaultComparison.summary}.`,
    `- **B ${biggerMlp.title}**: ${biggerMlp.summary}.`,
    `- **C chain**: ${chainNodes.toLocaleString('en-US')} nodes (v = v + x), eager build + backward, and compiled replay.`,
    '',
    'Each case ran in fresh child processes; times are wall-clock per whole workload.',
    '',
    '| workload | implementation | median ms | min ms | × hand-written | × blocked | peak RSS MB | max loss rel. diff | runs |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
    ...report.mlp.map(
      (r) =>
        `| ${r.workload} | ${r.implementation} | ${ms(r.medianMs)} | ${ms(r.minMs)} | ` +
        `${r.implementation === 'hand-written' ? '1' : fixed(r.ratio, 2)} | ${fixed(r.blockedRatio, 2)} | ${fixed(r.peakRssMb, 0)} | ` +
        `${r.implementation === 'hand-written' ? '(reference)' : r.error ? '—' : difference(r.lossDifference)} | ` +
        `${r.runs} |`,
    ),
    ...chainTable(report.chain),
    ...freshTable(report.fresh, env.freshRounds),
    ...scalingTable(report.scaling),
    ...setupTable(report.setup),
    '',
    '## Targets (issue 11)',
    '',
    '| workload | target | measured | result |',
    '|---|---|--:|---|',
    ...report.targets.map(
      (t) =>
        `| ${t.workload} | ${t.target} | ${t.measured} | ${t.pass === null ? '— not run' : t.pass ? '✅ pass' : '❌ fail'} |`,
    ),
  ];
  const failures = report.outcomes.filter((o) => 'error' in o);
  if (failures.length > 0) {
    lines.push('', '## Failures', '');
    for (const f of failures) {
      lines.push(`### ${f.workload} ${f.implementation}`, '', '```', f.error.trim(), '```', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function chainTable(rows: readonly ChainRow[]): string[] {
  if (rows.length === 0) return [];
  return [
    '',
    '| workload | implementation | phase | median ms | min ms | ns/node | peak RSS MB | runs |',
    '|---|---|---|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| C | ${r.implementation} | ${r.phase} | ${ms(r.medianMs)} | ${ms(r.minMs)} | ` +
        `${fixed(r.nsPerNode, 1)} | ${fixed(r.peakRssMb, 0)} | ${r.runs} |`,
    ),
  ];
}

function freshTable(rows: readonly FreshRow[], rounds: number): string[] {
  if (rows.length === 0) return [];
  return [
    '',
    `### Fresh processes (${rounds} rounds, one process of each kind per round, interleaved)`,
    '',
    "Whole processes, spawn to exit: `node -e ''`; the bundled script importing nothing; the loader floor (`floor`: four stub packages with our package.json files, files and imports, each exporting one constant); importing the four packages; training workload A once (hand-written, blocked, @mg/nn compiled and eager); `runComparison()` with its defaults (@mg/compare's 3-10-5-1 network). Inside: the process's own import and work times.",
    '',
    "| process | median ms | min ms | over `node -e ''` ms | import ms (inside) | work ms (inside) | × hand-written |",
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.kind} | ${ms(r.medianWallMs)} | ${ms(r.minWallMs)} | ${r.kind === 'node' ? '—' : fixed(r.overNodeMs, 1)} | ` +
        `${fixed(r.importMs, 1)} | ${fixed(r.workMs, 1)} | ${fixed(r.ratio, 2)} |`,
    ),
    ...importsLine(
      rows.find((r) => r.kind === 'imports'),
      rows.find((r) => r.kind === 'floor'),
    ),
  ];
}

/**
 * The `imports` processes' own clock, package by package, each beside its stub's in the `floor`
 * processes (when they ran), and the Node modules they loaded.
 */
function importsLine(row: FreshRow | undefined, floor: FreshRow | undefined): string[] {
  if (row?.packages == null) return [];
  const parts = importedPackages.map((name) => {
    const stub = floor?.packages?.[name];
    return `@mg/${name} ${fixed(row.packages![name], 1)} ms${stub === undefined ? '' : ` (its stub ${fixed(stub, 1)} ms)`}`;
  });
  return [
    '',
    `Imports by package (medians, inside the \`imports\` processes, each with the packages before it loaded; in brackets the same for the \`floor\` processes' stub packages): ${parts.join(', ')}; Node internal modules they loaded: ${fixed(row.builtins ?? Number.NaN, 0)}.`,
  ];
}

function scalingTable(rows: readonly ScalingRow[]): string[] {
  if (rows.length === 0) return [];
  return [
    '',
    '### Scaling (@mg/nn, width-width-width-1 tanh networks, SSE, SGD; one fresh process per cell)',
    '',
    '| width | samples | parameters | mode | ns / parameter·sample·epoch | GC % | setup (compile) ms | setup µs / parameter | peak RSS MB | epochs per run |',
    '|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.width} | ${r.samples} | ${fixed(r.parameters, 0)} | ${r.mode} | ${r.error ? `failed: ${r.error.split('\n')[0]}` : fixed(r.nsPerUnit, 1)} | ` +
        `${fixed(100 * r.gcShare, 0)} | ${fixed(r.setupMs, 1)} | ${fixed((r.setupMs * 1000) / r.parameters, 2)} | ${fixed(r.peakRssMb, 0)} | ${fixed(r.epochs, 0)} |`,
    ),
  ];
}

/** The setup cost's measurement when it ran and succeeded, else null. */
function okSetup(setup: ExtraOutcomes['setup']): SetupCost | null {
  return setup == null || 'error' in setup ? null : setup;
}

function setupTable(setup: BenchReport['setup']): string[] {
  if (setup === null) return [];
  const head = [
    '',
    `### Setup cost (@mg/nn compiled, ${setup.width}-${setup.width}-1 tanh network; a fresh process)`,
    '',
  ];
  if ('error' in setup) return [...head, `failed: ${setup.error.split('\n')[0]}`];
  const perParameter = (ms: number) => fixed((ms * 1000) / setup.parameters, 2);
  return [
    ...head,
    'Setup = `createTrainer`, the first time in the process (trace + compile + runner); trace and compile timed again on their own afterwards (warmer). Peak RSS includes the network itself and Node.',
    '',
    '| parameters | setup ms | setup µs / parameter | trace µs / parameter | compile µs / parameter | one epoch ms | peak RSS after setup MB | after one epoch MB | heap limit MB |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    `| ${setup.parameters} | ${ms(setup.setupMs)} | ${perParameter(setup.setupMs)} | ${perParameter(setup.traceMs)} | ` +
      `${perParameter(setup.compileMs)} | ${ms(setup.epochMs)} | ${fixed(setup.peakRssSetupMb, 0)} | ` +
      `${fixed(setup.peakRssEpochMb, 0)} | ${fixed(setup.heapLimitMb, 0)} |`,
  ];
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function difference(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value === 0 ? '0 (bit-exact)' : value.toExponential(1);
}

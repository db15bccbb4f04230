import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runInChild } from './child';
import { buildReport, renderMarkdown, toJson } from './report';
import { chainImplementations, mlpImplementations, type WorkloadId } from './results';
import { isSelected, readSettings } from './settings';
import type { CaseOutcome } from './summary';

/**
 * `pnpm bench`: runs every selected (workload, implementation) one after another, each in a fresh
 * child process, then prints the markdown report and writes it to out/report.md and
 * out/report.json. Progress goes to stderr. Exits with 1 if a case failed to run; a missed
 * target is reported, not an exit code (timings on a shared machine are too noisy to gate on).
 */
const settings = readSettings(process.env);
const plan: [WorkloadId, (typeof mlpImplementations)[number]][] = [
  ...mlpImplementations.map((i) => ['A', i] as [WorkloadId, typeof i]),
  ...mlpImplementations.map((i) => ['B', i] as [WorkloadId, typeof i]),
  ...chainImplementations.map((i) => ['C', i] as [WorkloadId, typeof i]),
].filter(([workload, implementation]) => isSelected(settings, workload, implementation));

const loadBefore = loadavg()[0]!;
const outcomes: CaseOutcome[] = [];
for (const [workload, implementation] of plan) {
  process.stderr.write(`bench: ${workload} ${implementation} … `);
  const start = performance.now();
  const outcome = await runInChild(workload, implementation);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  process.stderr.write('error' in outcome ? `FAILED (${seconds} s)\n` : `${seconds} s\n`);
  outcomes.push(outcome);
}

const report = buildReport(
  {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    loadBefore,
    loadAfter: loadavg()[0]!,
    warmups: settings.warmups ?? 'default',
    repeats: settings.repeats ?? 'default',
  },
  outcomes,
);
const markdown = renderMarkdown(report);
const outDir = fileURLToPath(new URL('../out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}report.md`, markdown);
writeFileSync(`${outDir}report.json`, toJson(report));
process.stdout.write(markdown);
process.stderr.write(`bench: wrote ${outDir}report.md and report.json\n`);
if (outcomes.some((o) => 'error' in o)) process.exitCode = 1;

import { describe, expect, it } from 'vitest';
import { runInterleaved } from './lockstep';
import type { ImplementationId } from './results';

describe('runInterleaved', () => {
  // Three fresh processes, each loading the benchmark and training workload A a few times: seconds
  // alone, minutes on a busy machine.
  it('times each case in its own process, run by run, and reports a failing case without losing the others', async () => {
    process.env.BENCH_WARMUPS = '0';
    const outcomes = await runInterleaved([
      { workload: 'A', implementation: 'hand-written', repeats: 2 },
      { workload: 'A', implementation: 'nonsense' as ImplementationId, repeats: 2 },
      { workload: 'A', implementation: 'compiled', repeats: 1 },
    ]);
    delete process.env.BENCH_WARMUPS;
    const [handWritten, nonsense, compiled] = outcomes;
    expect(handWritten).toMatchObject({ implementation: 'hand-written', warmups: 0 });
    expect(
      handWritten && 'timings' in handWritten && handWritten.timings[0]!.samplesMs,
    ).toHaveLength(2);
    expect(nonsense).toMatchObject({ implementation: 'nonsense' });
    expect(nonsense && 'error' in nonsense && nonsense.error).toMatch(/implementation/);
    expect(compiled && 'timings' in compiled && compiled.timings[0]!.samplesMs).toHaveLength(1);
    // Both implementations reproduce the same loss curves.
    expect(compiled && 'losses' in compiled && compiled.losses).toEqual(
      handWritten && 'losses' in handWritten && handWritten.losses,
    );
  }, 300_000);
});

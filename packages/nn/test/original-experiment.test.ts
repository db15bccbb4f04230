import { defaultRegistry } from '@mg/activations';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../src/dataset';
import { datasetLoss } from '../src/eager-runner';
import { MLP } from '../src/mlp';
import { train } from '../src/train';
import { loadOriginalExperiment } from './original-experiment';

const fixture = loadOriginalExperiment();
const dataset = { xs: fixture.xs, ys: fixture.ys };
const names = Object.keys(fixture.networks);
const withCurves = names.filter((name) => fixture.networks[name]!.losses !== null);
const withoutCurves = names.filter((name) => fixture.networks[name]!.losses === null);

/** A network of the fixture's shape, loaded with that activation's initial parameters. */
function fixtureNetwork(activation: string): MLP {
  const net = new MLP(fixture.inputs, fixture.layers, { activation });
  net.setParameters(fixture.networks[activation]!.initialParameters);
  return net;
}

function runFixture(activation: string, mode: 'eager' | 'compiled') {
  const net = fixtureNetwork(activation);
  const result = train(net, dataset, {
    epochs: fixture.epochs,
    learningRate: fixture.learningRate,
    mode,
  });
  return { net, result };
}

function maxRelativeDifference(actual: readonly number[], expected: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const diff = Math.abs(actual[i]! - e) / Math.max(Math.abs(e), Number.MIN_VALUE);
    worst = Math.max(worst, Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff);
  }
  return worst;
}

describe('the original experiment (test/fixtures/original-experiment.json)', () => {
  it('has the shape the tests assume', () => {
    expect(fixture.layers).toEqual([10, 5, 4, 1]);
    // The fixture has the eleven original built-ins; a built-in added later (one line in
    // @mg/activations, see its CONTRIBUTING.md) comes after them and must not break this test.
    expect(names).toHaveLength(11);
    expect(names).toEqual(defaultRegistry().names().slice(0, 11));
    expect(withCurves).toEqual([
      'identity',
      'heaviside',
      'sigmoid',
      'tanh',
      'relu',
      'softplus',
      'leakyRelu',
      'gaussian',
    ]);
  });

  describe.each(['compiled', 'eager'] as const)('%s mode reproduces the loss curves', (mode) => {
    it.each(withCurves)('%s within 1e-9 relative at every epoch', (activation) => {
      const expected = fixture.networks[activation]!.losses!;
      const { result } = runFixture(activation, mode);
      expect(result.diverged).toBeNull();
      expect(result.losses).toHaveLength(expected.length);
      const worst = maxRelativeDifference(result.losses, expected);
      expect(worst).toBeLessThanOrEqual(1e-9);
    });
  });

  it.each(names)(
    '%s: compiled equals eager bit for bit (losses, parameters, gradients)',
    (activation) => {
      const eager = runFixture(activation, 'eager');
      const compiled = runFixture(activation, 'compiled');
      expect(compiled.result.losses.length).toBe(eager.result.losses.length);
      compiled.result.losses.forEach((loss, i) => {
        if (!Object.is(loss, eager.result.losses[i])) {
          expect.fail(`${activation}: epoch ${i} loss ${loss} !== ${eager.result.losses[i]}`);
        }
      });
      const e = eager.net.parameters();
      compiled.net.parameters().forEach((p, j) => {
        expect(Object.is(p.data, e[j]!.data), `parameter ${j}`).toBe(true);
        expect(Object.is(p.grad, e[j]!.grad), `gradient ${j}`).toBe(true);
      });
    },
  );

  describe.each(withoutCurves)('%s (no reference curve: the original was wrong)', (activation) => {
    it("the whole network's gradient matches central differences", () => {
      const net = fixtureNetwork(activation);
      const samples = checkDataset(dataset, fixture.inputs, 1, 'test');
      const loss = datasetLoss(net, samples, 'sse');
      net.zeroGrad();
      loss.backward();
      const params = net.parameters();
      const h = 1e-6;
      for (const p of params) {
        const original = p.data;
        p.data = original + h;
        const up = datasetLoss(net, samples, 'sse').data;
        p.data = original - h;
        const down = datasetLoss(net, samples, 'sse').data;
        p.data = original;
        const numeric = (up - down) / (2 * h);
        expect(p.grad).toBeCloseTo(numeric, 6);
      }
    });

    it('trains to a finite, lower loss', () => {
      const { result } = runFixture(activation, 'compiled');
      expect(result.diverged).toBeNull();
      expect(result.losses.every(Number.isFinite)).toBe(true);
      expect(result.losses.at(-1)!).toBeLessThan(result.losses[0]!);
    });
  });
});

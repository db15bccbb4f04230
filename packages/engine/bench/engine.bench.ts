import { bench, describe } from 'vitest';
import type * as Engine from '../src/index';
import { uniformRandom } from '../src/testing/uniform-random';

/**
 * Engine benchmarks: an MLP-sized graph eager and replayed from a compiled tape, and a
 * million-node chain. Each name carries its node count: ns per node = mean time / nodes.
 *
 * NOTE: this measures the built bundle (`pnpm bench` builds first), not the source. Vitest runs
 * source files through its module runner, which turns every reference across files (`Op.add`,
 * `propagate`, `new Value`) into a property read on a module object; on these hot paths that made
 * the eager engine about 2.5 times and the tape about 4 times slower than the same code bundled.
 */
const bundle = '../dist/index.js';
const { compile, dot, sum, topologicalOrder, Value, zeroGrad } = (await import(
  bundle
)) as typeof Engine;
type Value = Engine.Value;

const tanh: Engine.UnaryFunction = {
  name: 'tanh',
  forward: (x) => Math.tanh(x),
  derivative: (_x, y) => 1 - y * y,
};

/** The comparison's network: 3 inputs, layers 10-5-4-1, tanh everywhere, four samples. */
const sizes = [3, 10, 5, 4, 1];
const xs = [
  [2, 3, -1],
  [3, -1, 0.5],
  [0.5, 1, 1],
  [1, 1, -1],
];
const ys = [1, -1, -1, 1];

const random = uniformRandom(42);
const layers = sizes.slice(1).map((size, l) =>
  Array.from({ length: size }, () => ({
    w: Array.from({ length: sizes[l]! }, () => new Value(random())),
    b: new Value(random()),
  })),
);
const parameters = layers.flatMap((layer) => layer.flatMap((n) => [...n.w, n.b]));

/** Builds the sum-of-squared-errors loss over the four samples: one dot and one tanh per neuron. */
function loss(): Value {
  const errors = xs.map((x, s) => {
    let activations: Value[] = x.map((t) => new Value(t));
    for (const layer of layers) {
      activations = layer.map((n) => dot(n.w, activations, n.b).apply(tanh));
    }
    return activations[0]!.sub(ys[s]!).pow(2);
  });
  return sum(errors);
}

const mlpNodes = topologicalOrder(loss()).length;
const tape = compile(loss());

/** Long enough for the JIT to settle and for noise from a shared machine to average out. */
const mlpOptions = { time: 3000, warmupTime: 1000 };

const chainLength = 1_000_000;
/** x + step + … + step: a million add nodes plus two leaves. */
function chain(): Value {
  const step = new Value(0.5);
  let v = new Value(1);
  for (let i = 0; i < chainLength; i++) v = v.add(step);
  return v;
}

describe(`MLP 3-10-5-4-1 tanh, 4 samples (${mlpNodes} nodes)`, () => {
  bench(
    `eager: build + backward (${mlpNodes} nodes)`,
    () => {
      zeroGrad(parameters);
      loss().backward();
    },
    mlpOptions,
  );

  bench(
    `compiled tape: load + forward + backward (${mlpNodes} nodes)`,
    () => {
      zeroGrad(parameters);
      tape.load();
      tape.forward();
      tape.backward();
      tape.store();
    },
    mlpOptions,
  );
});

describe(`chain (${chainLength + 2} nodes)`, () => {
  bench(
    `eager: build + backward (${chainLength + 2} nodes)`,
    () => {
      chain().backward();
    },
    { iterations: 10, time: 0, warmupIterations: 2 },
  );
});

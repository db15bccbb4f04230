import { toGraph, Value } from '@mg/engine';
import type { MLP } from '@mg/nn';
import type { GraphNodeData, GraphSnapshot } from './protocol';

/** Above this many nodes the full graph is unreadable: each neuron becomes one node. */
export const maxReadableNodes = 320;

/** One point's loss graph, and each neuron's output and gradient in it. */
export interface PointGraph {
  graph: Omit<GraphSnapshot, 'layout'>;
  /** Each neuron's output, layer by layer. */
  neuronData: number[];
  /** Each neuron output's gradient of the point's loss. */
  neuronGrad: number[];
}

/**
 * The loss of one point, (ŷ − y)², built by `@mg/engine` on the model's own parameter `Value`s and
 * backpropagated, so every node holds the engine's `data` and `grad` (karpathy's one-point graph).
 * Each node is named after its place: `w L1N3.2` is the weight from input 2 into neuron 3 of
 * layer 1, `Σ L1N3` that neuron's weighted sum, `tanh L1N3` its output.
 * NOTE: overwrites the parameters' `grad`s (the trainer keeps its own copy and rewrites them).
 */
export function pointGraph(
  model: MLP,
  point: { x: number; y: number; target: number },
): PointGraph {
  const x = [new Value(point.x, 'x1'), new Value(point.y, 'x2')];
  const named = new Map<Value, Pick<GraphNodeData, 'label' | 'kind'>>();
  for (const v of x) named.set(v, { label: v.label, kind: 'input' });
  const outputs: Value[] = [];
  const tags: string[] = [];
  let h = x;
  model.layers.forEach((layer, l) => {
    h = layer.neurons.map((neuron, n) => {
      const tag = `L${l + 1}N${n + 1}`;
      for (const [i, w] of neuron.w.entries()) {
        named.set(w, { label: `w ${tag}.${i + 1}`, kind: 'weight' });
      }
      named.set(neuron.b, { label: `b ${tag}`, kind: 'bias' });
      const out = neuron.forward(h);
      named.set(out, { label: `${neuron.activation.name} ${tag}`, kind: 'activation' });
      if (out.a) named.set(out.a, { label: `Σ ${tag}`, kind: 'dot' });
      outputs.push(out);
      tags.push(tag);
      return out;
    });
  });
  const target = new Value(point.target, 'y');
  named.set(target, { label: 'y (target)', kind: 'target' });
  const error = h[0]!.sub(target);
  named.set(error, { label: 'ŷ − y', kind: 'loss' });
  const loss = error.pow(2);
  named.set(loss, { label: 'loss (ŷ − y)²', kind: 'loss' });
  model.zeroGrad();
  loss.backward();

  const full = toGraph(loss);
  const neuronData = outputs.map((v) => v.data);
  const neuronGrad = outputs.map((v) => v.grad);
  const shape = `${model.layerSizes.join('-')}|${model.layerActivations.map((a) => a.name).join(',')}`;
  if (full.nodes.length <= maxReadableNodes) {
    const nodes = full.nodes.map(({ value, label, data, grad }) => ({
      ...(named.get(value) ?? { label, kind: 'loss' as const }),
      data,
      grad,
    }));
    return {
      graph: {
        key: `full|${shape}`,
        nodes,
        edges: full.edges,
        collapsed: false,
        fullSize: nodes.length,
      },
      neuronData,
      neuronGrad,
    };
  }
  return {
    graph: collapsed(
      model,
      x,
      outputs,
      tags,
      [target, error, loss],
      named,
      shape,
      full.nodes.length,
    ),
    neuronData,
    neuronGrad,
  };
}

/** One node per input, per neuron (its output) and per loss step; edges follow the layers. */
function collapsed(
  model: MLP,
  x: Value[],
  outputs: Value[],
  tags: string[],
  tail: [Value, Value, Value],
  named: Map<Value, Pick<GraphNodeData, 'label' | 'kind'>>,
  shape: string,
  fullSize: number,
): Omit<GraphSnapshot, 'layout'> {
  const nodes: GraphNodeData[] = [];
  const edges: [number, number][] = [];
  const add = (v: Value, label: string, kind: GraphNodeData['kind']) =>
    nodes.push({ label, kind, data: v.data, grad: v.grad }) - 1;
  let previous = x.map((v) => add(v, v.label, 'input'));
  let k = 0;
  for (const layer of model.layers) {
    const current = layer.neurons.map((neuron) => {
      const index = add(outputs[k]!, `${neuron.activation.name} ${tags[k]!}`, 'neuron');
      k++;
      return index;
    });
    for (const from of previous) for (const to of current) edges.push([from, to]);
    previous = current;
  }
  const [target, error, loss] = tail;
  const t = add(target, named.get(target)!.label, 'target');
  const e = add(error, named.get(error)!.label, 'loss');
  const l = add(loss, named.get(loss)!.label, 'loss');
  edges.push([previous[0]!, e], [t, e], [e, l]);
  return { key: `collapsed|${shape}`, nodes, edges, collapsed: true, fullSize };
}

import { compile, type Tape, Value } from '@mg/engine';
import type { MLP } from '@mg/nn';

/**
 * Evaluates a network's every neuron at many input points fast: the forward graph is traced once
 * into an `@mg/engine` tape (the same engine the network trains with) and replayed per point.
 * Reads the parameters from the model's `Value`s on `refresh()`.
 */
export class NetworkProbe {
  readonly neuronCount: number;
  private readonly tape: Tape;
  private readonly params: Value[];
  private readonly paramSlots: Int32Array;
  private readonly xSlots: Int32Array;
  private readonly neuronSlots: Int32Array;
  private readonly outputSlot: number;

  constructor(model: MLP) {
    const x = [new Value(0, 'x'), new Value(0, 'x')];
    const neurons: Value[] = [];
    let h: Value[] = x;
    for (const layer of model.layers) {
      h = layer.forward(h);
      neurons.push(...h);
    }
    this.tape = compile(h[0]!);
    this.params = model.parameters();
    this.paramSlots = Int32Array.from(this.params, (p) => this.tape.slotOf(p));
    this.xSlots = Int32Array.from(x, (v) => this.tape.slotOf(v));
    this.neuronSlots = Int32Array.from(neurons, (v) => this.tape.slotOf(v));
    this.outputSlot = this.tape.slotOf(h[0]!);
    this.neuronCount = neurons.length;
  }

  /** Copies the model's current parameters into the tape. */
  refresh(): void {
    const values = this.tape.values;
    for (let j = 0; j < this.params.length; j++) values[this.paramSlots[j]!] = this.params[j]!.data;
  }

  /** The network's output at (x, y). */
  output(x: number, y: number): number {
    const values = this.tape.values;
    values[this.xSlots[0]!] = x;
    values[this.xSlots[1]!] = y;
    this.tape.forward();
    return values[this.outputSlot]!;
  }

  /** Mean squared error over a dataset of ±1 targets; NaN when it is empty. */
  meanSquaredError(xs: readonly (readonly number[])[], ys: readonly number[]): number {
    let total = 0;
    for (let i = 0; i < xs.length; i++) {
      const error = this.output(xs[i]![0]!, xs[i]![1]!) - ys[i]!;
      total += error * error;
    }
    return total / xs.length;
  }

  /**
   * Writes the output at every grid cell into `out` and, when `neurons` is given, every neuron's
   * output into it (neuron after neuron, `cells` numbers each).
   */
  sample(cells: readonly number[], out: Float32Array, neurons?: Float32Array): void {
    const values = this.tape.values;
    const count = cells.length / 2;
    for (let c = 0; c < count; c++) {
      out[c] = this.output(cells[2 * c]!, cells[2 * c + 1]!);
      if (neurons) {
        for (let n = 0; n < this.neuronSlots.length; n++) {
          neurons[n * count + c] = values[this.neuronSlots[n]!]!;
        }
      }
    }
  }
}

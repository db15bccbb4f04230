import { InvalidArgumentError } from './errors';
import { GradientQueue } from './gradient-queue';
import { keepAlive } from './keep-alive';
import { Op, type OpCode } from './op-codes';
import { propagate } from './propagate';
import { assertUnaryFunction, type UnaryFunction } from './unary-function';
import { newMark } from './visit-marks';

/** Module-wide state of the values: how many were made (the next `id` is one more). */
const made = { count: 0 };

/** One queue serves every backward pass: the chain rule calls no user code, so passes never nest. */
const queue = new GradientQueue();

/** Anything an op accepts as an operand: a `Value`, or a number lifted to a constant. */
export type ValueLike = Value | number;

/**
 * A scalar in a computation graph: its `data`, the `grad` of the last `backward()` with respect to
 * it, and how it was made. Ops return new values; `backward()` fills in the gradients.
 *
 * Every node has the same fields (an op code and operand slots rather than a closure), which keeps
 * V8's object shapes monomorphic and the backward pass a plain `switch`.
 */
export class Value {
  // NOTE: the class body never names `Value` (helpers below do): a class that refers to itself is
  // renamed `_Value` by the bundler, and `Value.name` shows in error messages.
  /** The number this node holds. */
  data: number;
  /** d(output)/d(this) after `output.backward()`; accumulates on leaves across calls. */
  grad: number;
  /** The op that made this node ({@link Op}); `Op.leaf` for values made with `new Value`. */
  readonly op: OpCode;
  /** First operand (also the bias of a `dot` node), or `null`. */
  readonly a: Value | null;
  /** Second operand, or `null`. */
  readonly b: Value | null;
  /** Operands of a `sum` node, or the weights of a `dot` node. */
  readonly terms: readonly Value[] | null;
  /** The inputs of a `dot` node, paired with `terms`. */
  readonly inputs: readonly Value[] | null;
  /** The function of a `unary` node. */
  readonly fn: UnaryFunction | null;
  /**
   * The node's local derivative, computed in the forward pass: d(this)/d(a) for exp and unary
   * nodes; the exponent for `powConst`.
   */
  local: number;
  /** A debugging label: the leaf's name or the op's symbol. */
  label: string;
  /**
   * Creation order: a value's `id` is greater than its operands'. Backward passes serve nodes by
   * it, newest first.
   */
  readonly id: number;
  /** @internal Visit mark for graph walks, instead of a `Set` per walk. */
  stamp: number;

  /**
   * A leaf value (an input, a parameter or a constant).
   * @param data a finite number
   * @param label an optional name shown in graph exports
   */
  constructor(data: number, label = '') {
    if (typeof data !== 'number' || !Number.isFinite(data)) {
      throw new InvalidArgumentError({
        argument: 'data',
        method: 'new Value',
        expected: 'a finite number',
        received: data,
      });
    }
    if (typeof label !== 'string') {
      throw new InvalidArgumentError({
        argument: 'label',
        method: 'new Value',
        expected: 'a string or undefined',
        received: label,
      });
    }
    this.data = data;
    this.grad = 0;
    this.op = Op.leaf;
    this.a = null;
    this.b = null;
    this.terms = null;
    this.inputs = null;
    this.fn = null;
    this.local = 0;
    this.label = label;
    this.id = ++made.count;
    this.stamp = 0;
  }

  /** this + other */
  add(other: ValueLike): Value {
    const b = lift(other, 'other', 'Value.add');
    return node(Op.add, this.data + b.data, this, b);
  }

  /** this − other (one node: cheaper than add(neg), same result) */
  sub(other: ValueLike): Value {
    const b = lift(other, 'other', 'Value.sub');
    return node(Op.sub, this.data - b.data, this, b);
  }

  /** this · other */
  mul(other: ValueLike): Value {
    const b = lift(other, 'other', 'Value.mul');
    return node(Op.mul, this.data * b.data, this, b);
  }

  /**
   * this / other. One node rather than mul(pow(−1)): a true division rounds once, so results match
   * PyTorch to the last bit.
   */
  div(other: ValueLike): Value {
    const b = lift(other, 'other', 'Value.div');
    return node(Op.div, this.data / b.data, this, b);
  }

  /** −this */
  neg(): Value {
    return node(Op.neg, -this.data, this, null);
  }

  /**
   * this ** exponent. With a `Value` exponent y, the exponent receives the gradient x^y·ln x;
   * following PyTorch, that gradient is 0 where x = 0 and y ≥ 0, and NaN where x < 0.
   */
  pow(exponent: ValueLike): Value {
    if (typeof exponent === 'number' && Number.isFinite(exponent)) {
      const k = exponent;
      const out = node(Op.powConst, this.data ** k, this, null);
      out.local = k;
      return out;
    }
    const y = lift(exponent, 'exponent', 'Value.pow');
    return node(Op.pow, this.data ** y.data, this, y);
  }

  /** e^this */
  exp(): Value {
    const out = node(Op.exp, Math.exp(this.data), this, null);
    out.local = out.data;
    return out;
  }

  /** ln(this): −Infinity at 0 and NaN below it, as in PyTorch. */
  log(): Value {
    return node(Op.log, Math.log(this.data), this, null);
  }

  /**
   * fn(this) as one node whose local derivative is `fn.derivative(x, fn(x))`. The extension point
   * for activations and other scalar functions the engine does not know.
   */
  apply(fn: UnaryFunction): Value {
    assertUnaryFunction(fn, 'Value.apply');
    return unaryNode(this, fn);
  }

  /**
   * Backpropagates from this value: afterwards every node it depends on holds
   * d(this)/d(node) in `grad`. Leaves *accumulate* across calls (call `zeroGrad` between steps,
   * as with PyTorch); interior nodes are reset, so they hold the gradient of the latest call.
   * Nodes are served newest first (by `id`), so each passes on a complete gradient, with no
   * separate graph walk. Never recurses, so graphs of any depth are safe.
   * @param seed d(objective)/d(this), 1 by default; e.g. 1/n when this is one of n terms of a mean
   */
  backward(seed = 1): void {
    if (typeof seed !== 'number' || !Number.isFinite(seed)) {
      throw new InvalidArgumentError({
        argument: 'seed',
        method: 'Value.backward',
        expected: 'a finite number',
        received: seed,
      });
    }
    if (this.op === Op.leaf) {
      this.grad += seed;
      return;
    }
    queue.start(this, newMark(), seed);
    for (let v = queue.next(); v !== null; v = queue.next()) propagate(v, queue);
  }

  /** `Value(data=…, grad=…)`, as micrograd prints it. */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}

/** Lifts a number to a constant leaf; rejects anything that is neither a `Value` nor a finite number. */
export function lift(x: unknown, argument: string, method: string): Value {
  if (x instanceof Value) return x;
  if (typeof x === 'number' && Number.isFinite(x)) return new Value(x);
  throw new InvalidArgumentError({
    argument,
    method,
    expected: 'a Value or a finite number',
    received: x,
  });
}

/** fn(x) as a node labelled with fn's name. */
function unaryNode(x: Value, fn: UnaryFunction): Value {
  const y = fn.forward(x.data);
  return initNode(
    new Value(0, fn.name),
    Op.unary,
    y,
    x,
    null,
    null,
    null,
    fn,
    fn.derivative(x.data, y),
  );
}

/** @internal Makes an interior node with up to two operands. */
export function node(op: OpCode, data: number, a: Value, b: Value | null): Value {
  return initNode(new Value(0), op, data, a, b, null, null, null, 0);
}

/** @internal Fills in a node made by `new Value(0)`; the only place interior fields are written. */
export function initNode(
  out: Value,
  op: OpCode,
  data: number,
  a: Value | null,
  b: Value | null,
  terms: readonly Value[] | null,
  inputs: readonly Value[] | null,
  fn: UnaryFunction | null,
  local: number,
): Value {
  const writable = out as { -readonly [K in keyof Value]: Value[K] };
  writable.data = data;
  writable.op = op;
  writable.a = a;
  writable.b = b;
  writable.terms = terms;
  writable.inputs = inputs;
  writable.fn = fn;
  writable.local = local;
  return out;
}

// NOTE: V8 discards a class's hidden classes (maps) once none of its objects is alive, and with
// them the optimised code that checks for them: a program that lets go of every Value (between
// two trainings, say) would pay for optimising the hot paths all over again. This value lives as
// long as the module (`keepAlive`) and keeps them. Its fractions give the number fields their final
// representation (a double) from the start, as every graph's values soon would.
const keeper = keepAlive(new Value(0.5));
keeper.grad = 0.5;
keeper.local = 0.5;

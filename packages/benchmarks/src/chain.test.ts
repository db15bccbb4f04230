import { compile } from '@mg/engine';
import { describe, expect, it } from 'vitest';
import { buildChain } from './chain';

describe('buildChain', () => {
  it('makes a chain of n nodes whose root is n·x, in eager and compiled form', () => {
    const { root, leaf } = buildChain(1000);
    expect(root.data).toBe(1000);
    root.backward();
    expect(leaf.grad).toBe(1000);

    const tape = compile(root);
    expect(tape.values.length).toBe(1000);
    leaf.data = 2;
    leaf.grad = 0;
    tape.load();
    expect(tape.forward()).toBe(2000);
    tape.backward();
    expect(tape.grads[tape.slotOf(leaf)]).toBe(1000);
  });

  it('backpropagates through 200,000 nodes without overflowing the stack', () => {
    const { root, leaf } = buildChain(200_000);
    root.backward();
    expect(leaf.grad).toBe(200_000);
  }, 120_000);
});

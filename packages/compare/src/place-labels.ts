/**
 * Places labels on one axis without overlap, each as near its target as the others allow: labels
 * that would collide are merged into a block centred on their targets' mean, `gap` apart, and
 * blocks are kept within [low, high] (the gap shrinks if they cannot all fit). Returns the
 * positions in the order of `targets`. Used for direct end labels beside a chart's curves.
 */
export function placeLabels(
  targets: readonly number[],
  gap: number,
  low: number,
  high: number,
): number[] {
  const count = targets.length;
  if (count === 0) return [];
  const spacing = count > 1 ? Math.min(gap, (high - low) / (count - 1)) : gap;
  const order = targets.map((_, i) => i).sort((a, b) => targets[a]! - targets[b]! || a - b);
  interface Block {
    members: number[];
    sum: number;
    start: number;
  }
  const blocks: Block[] = [];
  const fit = (block: Block) => {
    const size = (block.members.length - 1) * spacing;
    const centred = block.sum / block.members.length - size / 2;
    block.start = Math.min(Math.max(centred, low), high - size);
  };
  for (const index of order) {
    const block: Block = { members: [index], sum: targets[index]!, start: 0 };
    fit(block);
    blocks.push(block);
    // Merge backwards while the newest block overlaps the one before it.
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const previous = blocks[blocks.length - 2]!;
      if (previous.start + previous.members.length * spacing <= last.start + 1e-9) break;
      previous.members.push(...last.members);
      previous.sum += last.sum;
      fit(previous);
      blocks.pop();
    }
  }
  const positions = new Array<number>(count);
  for (const block of blocks) {
    block.members.forEach((index, k) => {
      positions[index] = block.start + k * spacing;
    });
  }
  return positions;
}

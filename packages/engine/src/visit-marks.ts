/** The last visit mark handed out; graph walks and backward passes share the sequence. */
let last = 0;

/**
 * A fresh visit mark: a walk stamps each node it reaches with it, so a node whose `stamp`
 * equals the walk's mark has been seen, with no `Set` per walk. Marks are positive, which leaves
 * negative stamps free for `compile`'s bookkeeping.
 */
export function newMark(): number {
  return ++last;
}

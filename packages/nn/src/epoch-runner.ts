/**
 * One training mode's side of the epoch loop in `train`: the loop is shared, so both modes record
 * losses, call back, detect divergence and update in exactly the same sequence.
 */
export interface EpochRunner {
  /**
   * Computes the loss at the current parameters and leaves its gradient in the parameters' grads,
   * and each sample's outputs in `outputs`.
   */
  evaluate(): number;
  /** The outputs of the last `evaluate()`: `outputs[i · outputCount + k]` is output k of sample i. */
  readonly outputs: Float64Array;
  /** Applies one optimizer step to the parameters. */
  update(): void;
  /** Makes the model's `Value`s hold the current parameters and gradients. */
  sync(): void;
  /** Training with this runner is over: what it built may serve the model's next training. */
  release(): void;
}

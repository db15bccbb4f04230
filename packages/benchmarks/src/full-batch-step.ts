/**
 * The end of one full-batch epoch shared by the hand-written references: the loss is the sum of
 * the samples' losses in sample order (the order @mg/nn sums them, so the bits agree), then one
 * plain gradient-descent step.
 */
export function fullBatchStep(
  sampleLoss: Float64Array,
  parameters: Float64Array,
  grad: Float64Array,
  learningRate: number,
): number {
  let loss = 0;
  for (let s = 0; s < sampleLoss.length; s++) loss += sampleLoss[s]!;
  for (let k = 0; k < parameters.length; k++) parameters[k]! -= learningRate * grad[k]!;
  return loss;
}

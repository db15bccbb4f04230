import { datasetNames, defaultScale, maxEpochs } from '@mg/compare';

/** The `--help` text. Defaults are those of @mg/compare's `runComparison`. */
export function helpText(version: string): string {
  return `mg-compare ${version}: train one small network per activation function, from the same
start, and chart how each one's loss falls.

Usage: mg-compare [options]

Options:
  --activations a,b,...   activations to compare (default: all eleven built-ins:
                          identity, heaviside, sigmoid, tanh, relu, gelu, softplus, selu,
                          leakyRelu, silu, gaussian). Also families with a parameter,
                          leakyRelu(slope) and elu(alpha), e.g. leakyRelu(0.2); and one
                          activation per hidden layer joined by '/': tanh/relu means hidden
                          layer 1 uses tanh, layer 2 relu (as many as --layers has hidden
                          layers). Example: "tanh,leakyRelu(0.2),tanh/relu"
                          (quote it: the shell reads parentheses)
  --layers 10,5,1         neurons per layer after the inputs, the last one being the output
                          (default: 10,5,1)
  --epochs N              training epochs, 1 to ${maxEpochs.toLocaleString('en-US')} (default: 1000)
  --lr X                  learning rate, X > 0 (default: 0.001)
  --seed N                seed of the first start, 0 to 4294967295 (default: 0)
  --seeds N               number of starts (seeds seed, seed+1, ...); the chart shows the mean
                          and the min-max band; 1 to 1000 (default: 1)
  --dataset NAME          training data, one of ${datasetNames.join(', ')}
                          (default: original, the original program's four samples)
  --data FILE.csv         train on your own data instead: a header row naming the columns,
                          then one row per sample; numeric inputs, text-only columns left out
  --target COLUMN         the --data column to predict (default: the last one)
  --validation F          share of rows held out for validation, 0 to 0.9, seeded, stratified
                          by class for classification (default: 0.2 for --data and datasets of
                          50 rows or more, else 0); the table and chart then rank by it
  --no-standardize        keep --data inputs as they are (default: each input column scaled to
                          mean 0, deviation 1 with the training rows' statistics only)
  --task auto|regression|classification
                          auto (default): two distinct target values mean classification
                          (original stays regression, as the original program)
  --loss sse|mse|bce      default: bce (binary cross-entropy on logits) for classification,
                          mse for regression with held-out rows, else sse
  --optimizer sgd|momentum|adam
                          update rule (default: sgd)
  --output-activation NAME
                          output layer's activation (default: identity for classification
                          and --data; else the compared activation)
  --threshold X           loss below which an activation counts as converged (default:
                          0.025 per sample, 0.1 on the original four)
  --scale linear|log      y axis of the chart (default: ${defaultScale})
  --threads N             worker threads, N >= 1; more than the cores is clamped to the
                          cores, with a warning (default: chosen by a cost model of worker
                          start-up against the work: 1, i.e. no workers, for short runs)
  -o, --out DIR           output directory, created if missing (default: out)
  --open                  open report.html in your browser afterwards (when there is one)
  -h, --help              show this help
  -v, --version           show the version

Numbers are decimal: 1000, 0.001, 1e-3 (no hex); counts must be whole.

Writes DIR/activation-losses.{png,svg,vl.json,csv,json}, the small multiples
DIR/activation-losses-grid.{png,svg}, for 2-D data (moons, circles, xor) the decision boundaries
DIR/decision-boundaries.{png,svg}, and DIR/report.html (interactive, works offline), replacing the
previous run's files as a set; then prints what was trained on and a summary table ranked by final
validation loss (by final loss when nothing is held out), with accuracy for classification, the
paths written and the report's path. Progress goes to stderr.

Exit codes: 0 done, 1 unexpected error, 2 bad input (flag, value, data file or output
directory).
`;
}

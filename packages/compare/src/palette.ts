/**
 * Line colours: the first eleven are the built-in activations' (in `builtins` order), chosen from
 * Tableau 10/20 to stay apart on white (Tableau's pale yellow and light grey swapped for darker
 * ones, black added for the eleventh, and dark violet instead of Tableau's grey, which sat too
 * close to the brown); the rest serve custom activations.
 */
export const palette: readonly string[] = Object.freeze([
  '#4e79a7', // identity: blue
  '#f28e2b', // heaviside: orange
  '#e15759', // sigmoid: red
  '#76b7b2', // tanh: teal
  '#59a14f', // relu: green
  '#b6992d', // gelu: dark yellow
  '#b07aa1', // softplus: purple
  '#ff9da7', // selu: pink
  '#9c755f', // leakyRelu: brown
  '#6a3d9a', // silu: dark violet
  '#1f1f1f', // gaussian: black
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#ff9d9a',
  '#86bcb6',
  '#d4a6c8',
  '#d7b5a6',
  '#499894',
  '#d37295',
]);

/**
 * A colour per activation: a built-in keeps its own colour in every chart; any other takes the
 * first colour no activation of this chart uses (distinct for up to `palette.length`, then repeating).
 */
export function colours(activations: readonly string[], builtinNames: readonly string[]): string[] {
  const own = activations.map((name) => builtinNames.indexOf(name));
  const spare = palette.filter((_, i) => !own.includes(i));
  let next = 0;
  return own.map((index) =>
    index >= 0 && index < palette.length
      ? palette[index]!
      : (spare[next++] ?? palette[next % palette.length]!),
  );
}

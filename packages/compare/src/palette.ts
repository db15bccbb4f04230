/**
 * Line colours, the one source for every chart, the report and the playground (no Node imports, so
 * browsers can load it). The first eleven are the built-in activations' (in `builtins` order),
 * picked from the Okabe–Ito, Paul Tol and Tableau sets by a search that maximised the smallest
 * perceptual (OKLab) distance between any two of them, both as seen and as simulated for
 * protanopia, deuteranopia and tritanopia (Machado et al. 2009), with none paler than a 2 px line
 * on white can show. The rest serve custom activations.
 * NOTE: eleven colours cannot all stay far apart for every reader; charts add a second channel
 * (end labels, interleaved dashes where curves coincide).
 */
export const palette: readonly string[] = Object.freeze([
  '#1a85ff', // identity: blue
  '#e66100', // heaviside: orange
  '#9467bd', // sigmoid: lilac
  '#56b4e9', // tanh: sky blue
  '#009e73', // relu: bluish green
  '#bcbd22', // gelu: olive
  '#ee99aa', // softplus: pink
  '#882255', // selu: wine
  '#994f00', // leakyRelu: brown
  '#332288', // silu: indigo
  '#000000', // gaussian: black
  '#cc79a7',
  '#44aa99',
  '#999933',
  '#cc3311',
  '#666666',
  '#0077bb',
  '#ddaa33',
  '#aa4499',
]);

/** Context lines (other activations in a small-multiples panel) and neutral marks. */
export const contextGrey = '#c8c8c8';

/**
 * The decision-boundary heatmap's diverging scale over a network's output: blue for −1, near white
 * for 0 (the boundary), orange for +1, clamped beyond. Blue–orange stays apart for colour-blind
 * readers; the ends are light so the training points on top stand out.
 */
export const surfaceScale: {
  readonly domain: readonly number[];
  readonly range: readonly string[];
} = Object.freeze({
  domain: Object.freeze([-1, 0, 1]),
  range: Object.freeze(['#5e9fe0', '#f7f7f7', '#f29a4a']),
});

/** Training points on the heatmap: target −1 dark blue, +1 dark orange (white outline). */
export const pointColours: { readonly negative: string; readonly positive: string } = Object.freeze(
  {
    negative: '#0b3c7a',
    positive: '#8a3100',
  },
);

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

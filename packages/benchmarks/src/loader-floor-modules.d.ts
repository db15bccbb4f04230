/** The loader floor's stub packages (`loader-floor.ts`), written at bench time beside the bundled
 * fresh-process script: each exports one constant. */
declare module '@mg-floor/*' {
  /** Which stub file this is, e.g. `engine dist/index.js`. */
  export const floor: string;
}

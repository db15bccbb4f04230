/**
 * A font file this reader cannot use (not TrueType, or without a table it needs). A plain `Error`
 * on purpose: the fonts ship with the app, so this is a bug (exit 1), not the user's bad input
 * (every `MicrogradError` counts as that, exit 2).
 */
export class FontFormatError extends Error {
  override name = 'FontFormatError';
}

/** Horizontal metrics of a TrueType font: how far each character advances the pen. */
export interface FontMetrics {
  /** Font design units per em (2048 for DejaVu Sans). */
  unitsPerEm: number;
  /** Width of `text` in pixels at `fontSize` px, summing advance widths (no kerning). */
  width(text: string, fontSize: number): number;
}

/**
 * Reads a TrueType font's advance widths from its `head`, `hhea`, `hmtx` and `cmap` (format 4,
 * Unicode BMP) tables, as laid out in the OpenType specification
 * (https://learn.microsoft.com/typography/opentype/spec/). A character the font lacks counts as
 * the font's missing-glyph width, the same box resvg then draws.
 *
 * Why by hand: Vega lays a chart out from text widths, and without a canvas it guesses
 * 0.8 em per character, ~30% too wide for DejaVu Sans, leaving a wide empty margin; the ~60 lines
 * here avoid a font library (and its install) for the one number needed.
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const tableCount = view.getUint16(4);
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    tables.set(tag, view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new FontFormatError(`the font has no '${tag}' table`);
    return offset;
  };

  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  // Glyphs past the last metric share its advance (monospaced tails).
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphOf = readCmapFormat4(view, table('cmap'));

  const cache = new Map<number, number>();
  const advanceOf = (codePoint: number): number => {
    let units = cache.get(codePoint);
    if (units === undefined) {
      units = advance(glyphOf(codePoint));
      cache.set(codePoint, units);
    }
    return units;
  };
  return {
    unitsPerEm,
    width(text, fontSize) {
      let units = 0;
      for (const character of text) units += advanceOf(character.codePointAt(0)!);
      return (units * fontSize) / unitsPerEm;
    },
  };
}

/** The character-to-glyph lookup of the Windows Unicode BMP (3, 1) or a Unicode (0, *) subtable. */
function readCmapFormat4(view: DataView, cmap: number): (codePoint: number) => number {
  const subtableCount = view.getUint16(cmap + 2);
  let subtable = -1;
  for (let i = 0; i < subtableCount && subtable < 0; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
    const isUnicode = (platform === 3 && encoding === 1) || platform === 0;
    if (isUnicode && view.getUint16(offset) === 4) subtable = offset;
  }
  if (subtable < 0) throw new FontFormatError('the font has no format-4 Unicode cmap subtable');

  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (view.getUint16(ends + 2 * i) < codePoint) continue;
      const start = view.getUint16(starts + 2 * i);
      if (start > codePoint) return 0;
      const delta = view.getUint16(deltas + 2 * i);
      const rangeOffsetAt = rangeOffsets + 2 * i;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      // NOTE: idRangeOffset counts bytes from its own position into glyphIdArray.
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

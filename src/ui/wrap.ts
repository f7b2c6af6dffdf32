/**
 * Line wrapping for mixed Chinese and Latin text. Phaser's Text wraps only at spaces, so
 * unspaced Chinese would never break; this breaks between any two CJK characters and at
 * spaces between Latin words, and keeps the Chinese line-breaking rules (禁则): closing
 * punctuation never starts a line, opening punctuation never ends one. Pure: the caller
 * passes the measuring function (a canvas context's measureText in the game).
 */

/** Characters that must not begin a line. */
const NO_LINE_START = new Set([..."，。、；：？！）」』》〉】〕〗｝”’…—·%,.;:!?)]}>％～ー々"]);
/** Characters that must not end a line. */
const NO_LINE_END = new Set([..."（「『《〈【〔〖｛“‘([{<"]);

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Splits a paragraph into unbreakable units: single CJK characters, Latin words with their trailing spaces. */
export function breakUnits(paragraph: string): string[] {
  const units: string[] = [];
  let word = "";
  for (const ch of paragraph) {
    if (CJK.test(ch) || NO_LINE_START.has(ch) && CJK.test(word.slice(-1))) {
      if (word) units.push(word);
      word = "";
      units.push(ch);
    } else if (ch === " ") {
      word += ch;
      units.push(word);
      word = "";
    } else {
      if (word.endsWith(" ")) {
        units.push(word);
        word = "";
      }
      word += ch;
    }
  }
  if (word) units.push(word);
  // Glue closing punctuation to the unit before it, opening punctuation to the unit after.
  const glued: string[] = [];
  for (const u of units) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (NO_LINE_START.has([...u][0]!) || NO_LINE_END.has([...prev].at(-1)!))) {
      glued[glued.length - 1] = prev + u;
    } else glued.push(u);
  }
  return glued;
}

/**
 * Below this share of the width a line is taken to fit by the sum of its units' widths.
 * Measuring each candidate line whole would measure a line's text again for every unit
 * added (quadratic in its length, and text is wrapped on every key press); kerning across
 * units moves a width by a pixel or two, far inside this margin.
 */
const SURELY_FITS = 0.9;

/**
 * Wraps text to lines no wider than `maxWidth` (in the units of `measure`), honouring
 * explicit newlines. A unit wider than a whole line is split by character (never before
 * closing punctuation). `surelyFits` is for tests: 0 measures every candidate line whole.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, surelyFits = SURELY_FITS): string[] {
  const lines: string[] = [];
  const sure = maxWidth * surelyFits;
  for (const paragraph of text.split("\n")) {
    let line = "";
    let approx = 0;
    for (const unit of breakUnits(paragraph)) {
      const unitWidth = measure(unit);
      if (line !== "" && approx + unitWidth > sure && measure((line + unit).trimEnd()) > maxWidth) {
        lines.push(line.trimEnd());
        line = "";
        approx = 0;
        if (unit.trimStart() === "") continue; // spaces at a break are dropped
      }
      if (line === "" && measure(unit.trimEnd()) > maxWidth) {
        // An over-long unit (a URL, a long number): break it by character.
        for (const ch of unit) {
          if (line !== "" && !NO_LINE_START.has(ch) && measure((line + ch).trimEnd()) > maxWidth) {
            lines.push(line.trimEnd());
            line = "";
          }
          line += ch;
        }
        approx = measure(line);
      } else {
        line += unit;
        approx += unitWidth;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

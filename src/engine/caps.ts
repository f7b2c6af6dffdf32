/**
 * What the screens can show, as numbers the checker enforces and the UI relies on
 * (docs/caps.md explains each one and the screen it comes from). Text is measured in
 * columns: a Chinese character, or any other full-width one, counts two and everything
 * else one, which is roughly how wide each draws at the same font size, so one cap serves
 * both locales. No dependencies: the title screen (first chunk) uses capText.
 */

/** A dialogue line: about four wrapped lines of the dialogue box at the default text size. */
export const MAX_LINE_COLUMNS = 280;
/** An option's text: about two wrapped lines beside its move mark. */
export const MAX_OPTION_COLUMNS = 200;
/** A title (scenario, meeting, node, ending, job title, variable label): one line of a card or over the room. */
export const MAX_TITLE_COLUMNS = 60;
/** The client's name: the top bar's left end, beside the stage and step on its right. */
export const MAX_CLIENT_COLUMNS = 40;
/** A stage's title: the top bar, after "Stage:" and before the step count. */
export const MAX_STAGE_COLUMNS = 30;
/** A stakeholder's or competitor's name: the plate under a portrait (five share the 860 px room). */
export const MAX_NAME_COLUMNS = 20;
/** The scenario's summary: two or three lines of its card in the scenario list. */
export const MAX_SUMMARY_COLUMNS = 240;
/** Longer prose (ending summaries, needs, notes, research, competitor news, score explanations): a debrief or panel paragraph. */
export const MAX_PROSE_COLUMNS = 400;
/** Options per node: the keys 1-9 choose them. */
export const MAX_OPTIONS = 9;
/** Stakeholders present in one meeting: the stage has room for five portraits. */
export const MAX_MEETING_CAST = 5;
/** The whole cast: the account map lists every stakeholder by department, the debrief's relationship map one row each. */
export const MAX_CAST = 10;

/**
 * The meeting screen's dialogue column, in design pixels (1280×720), as src/game/scenes/
 * Meeting.ts and src/ui/menu.ts lay it out: a node's last line and its options share the
 * room between the stage and the footer. The estimate uses the smallest text the option
 * menu shrinks to (15 px) and the line at its default 23 px.
 */
export const DIALOGUE = {
  /** From under the room (y 246) to the footer (y 680). */
  roomPx: 434,
  /** When options do not fit, the meeting leaves the room out for that choice (y 60 to 680). */
  compactPx: 620,
  /** Columns of a dialogue line per wrapped row (820 px at 23 px). */
  lineRowColumns: 70,
  /** The line box: speaker plate and padding, and each row. */
  lineBoxPx: 51,
  lineRowPx: 36,
  /** Columns of an option per wrapped row at 15 px (634 px beside the 170 px move mark). */
  optionRowColumns: 84,
  /** An option box with one row, its gap below included, and each further row. */
  optionPx: 52,
  optionRowPx: 23,
} as const;

/** Estimated height in design px of a line of `lineColumns` with options of `optionColumns` below it. */
export function dialogueHeight(lineColumns: number, optionColumns: readonly number[]): number {
  const rows = (cols: number, per: number) => Math.max(1, Math.ceil(cols / per));
  let h = DIALOGUE.lineBoxPx + DIALOGUE.lineRowPx * rows(lineColumns, DIALOGUE.lineRowColumns);
  // "1. " numbering takes three columns of each option's first row.
  for (const cols of optionColumns) h += DIALOGUE.optionPx + DIALOGUE.optionRowPx * (rows(cols + 3, DIALOGUE.optionRowColumns) - 1);
  return Math.round(h);
}

/** Whether a code point draws full-width (CJK ideographs, kana, Hangul, full-width forms). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns `text` takes: two per full-width character, one per other code point. */
export function displayColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

/**
 * `text` cut to at most `maxColumns` columns, with an ellipsis when cut. For text read
 * from places the checker never saw (a title kept in the browser's storage). Stops
 * walking at the cap, so a huge string costs no more than a short one.
 */
export function capText(text: string, maxColumns: number = MAX_TITLE_COLUMNS): string {
  let n = 0;
  let end = 0;
  for (const ch of text) {
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (n + w > maxColumns) {
      // Leave room for the ellipsis.
      let cut = text.slice(0, end);
      while (cut.length > 0 && displayColumns(cut) + 1 > maxColumns) cut = Array.from(cut).slice(0, -1).join("");
      return cut + "…";
    }
    n += w;
    end += ch.length;
  }
  return text;
}

/**
 * Characters that draw nothing: whitespace, zero-width spaces and joiners, the BOM, bidi
 * marks and controls, soft hyphens, and other format characters.
 */
const INVISIBLE = /[\s\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0\u2800]/gu;

/** Whether `text` has at least one character a reader can see. */
export function isVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "").length > 0;
}

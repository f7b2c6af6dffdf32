import { Phaser } from "../phaser/index.ts";
import { FONT_FAMILY, COLORS } from "./theme.ts";
import { wrapText } from "./wrap.ts";

export interface TextOptions {
  size?: number;
  color?: string;
  /** Wrap width in game pixels; omit for a single line. */
  width?: number;
  bold?: boolean;
  align?: "left" | "center" | "right";
  lineSpacing?: number;
  /** A plate behind the text (CSS colour) and the room around it, design px: horizontal and vertical, or left, top, right, bottom. */
  background?: string;
  padding?: [number, number] | [number, number, number, number];
}

/**
 * Glyph resolution: device pixels per design pixel, so text stays crisp on high-DPI
 * screens and in big windows. That is the camera's zoom (canvas pixels per design pixel,
 * see renderScale.ts) times the device pixels each canvas pixel covers after letterboxing.
 */
export function textResolution(scene: Phaser.Scene): number {
  const dpr = typeof window !== "undefined" ? window.devicePixelRatio || 1 : 1;
  const zoom = scene.cameras?.main?.zoom || 1;
  const ds = scene.scale.displayScale;
  const devicePerCanvas = ds && ds.x > 0 && ds.y > 0 ? dpr / Math.min(ds.x, ds.y) : 1;
  return Math.min(4, Math.max(1, zoom * devicePerCanvas));
}

/**
 * Font metrics by CSS font string. Phaser measures a font (an offscreen draw and a
 * getImageData) for every new Text unless given metrics; measuring each font once keeps
 * redraws of text-heavy scenes under a frame's budget.
 */
const metricsCache = new Map<string, { ascent: number; descent: number; fontSize: number }>();

/** The font addText uses for `o`: size, style, the metrics-cache key and the line spacing. */
function fontOf(o: TextOptions) {
  const size = o.size ?? 22;
  const fontStyle = o.bold ? "bold" : "";
  return { size, fontStyle, key: `${fontStyle} ${size}`, lineSpacing: o.lineSpacing ?? Math.round(size * 0.35) };
}

/**
 * Adds text that wraps Chinese by character (with punctuation rules) and English by word.
 * Everything about the text is in place before it is drawn once: Phaser's setters
 * (setLineSpacing, setPadding, setBackgroundColor, setWordWrapCallback) each draw the text
 * again and upload its texture, which made a menu option cost five uploads.
 */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  const font = fontOf(o);
  const cached = metricsCache.get(font.key);
  const text = scene.add.text(x, y, "", {
    fontFamily: FONT_FAMILY,
    fontSize: `${font.size}px`,
    fontStyle: font.fontStyle,
    resolution: textResolution(scene),
    ...(cached ? { metrics: cached } : {}),
  });
  if (!cached) metricsCache.set(font.key, text.style.getTextMetrics());
  return restyle(text, content, o);
}

/** The font a text of these options is drawn in: texts of one font can be given any other options and words (see textPool.ts). */
export function fontKey(o: TextOptions): string {
  return fontOf(o).key;
}

/**
 * Gives a text of the same font (fontKey) its options and words, drawn once. The style's
 * and the text's fields are public and documented as not redrawing when set; the one
 * draw is the last line.
 */
export function restyle(text: Phaser.GameObjects.Text, content: string, o: TextOptions): Phaser.GameObjects.Text {
  const font = fontOf(o);
  const style = text.style;
  const width = o.width;
  style.color = o.color ?? COLORS.text;
  style.align = o.align ?? "left";
  style.backgroundColor = o.background ?? ""; // empty: no plate is drawn
  style.wordWrapCallback = width === undefined ? null : (s: string, obj: Phaser.GameObjects.Text) => wrapText(s, width, (line) => obj.context.measureText(line).width);
  text.lineSpacing = font.lineSpacing;
  const [left, top, right = left, bottom = top] = o.padding ?? [0, 0];
  Object.assign(text.padding, { left, top, right, bottom });
  if (text.text === content) text.updateText();
  else text.setText(content);
  return text;
}

let measureContext: CanvasRenderingContext2D | null = null;

/**
 * The height `addText` would give `content`, without making a Text (no canvas to render,
 * no texture to upload): for laying out pages of text and creating only what is shown.
 * Same font, wrap and metrics as addText, and Phaser's height rule (lines × font height
 * plus the spacing between lines, plus the padding above and below).
 */
export function textHeight(scene: Phaser.Scene, content: string, o: TextOptions = {}): number {
  const font = fontOf(o);
  if (!metricsCache.has(font.key)) addText(scene, 0, 0, "", o).destroy(); // measures the font once
  const metrics = metricsCache.get(font.key)!;
  measureContext ??= document.createElement("canvas").getContext("2d");
  const ctx = measureContext!;
  ctx.font = `${font.fontStyle} ${font.size}px ${FONT_FAMILY}`.trim();
  const lines = o.width !== undefined ? wrapText(content, o.width, (line) => ctx.measureText(line).width).length : content.split("\n").length;
  const [, top, , bottom = top] = o.padding ?? [0, 0];
  return metrics.fontSize * lines + font.lineSpacing * (lines - 1) + top + bottom;
}

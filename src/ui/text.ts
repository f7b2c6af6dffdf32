import { Phaser } from "../game/phaser.ts";
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

/** Adds text that wraps Chinese by character (with punctuation rules) and English by word. */
export function addText(scene: Phaser.Scene, x: number, y: number, content: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  const fontStyle = o.bold ? "bold" : "";
  const fontKey = `${fontStyle} ${o.size ?? 22}`;
  const cached = metricsCache.get(fontKey);
  const text = scene.add.text(x, y, "", {
    fontFamily: FONT_FAMILY,
    fontSize: `${o.size ?? 22}px`,
    color: o.color ?? COLORS.text,
    fontStyle,
    align: o.align ?? "left",
    lineSpacing: o.lineSpacing ?? Math.round((o.size ?? 22) * 0.35),
    resolution: textResolution(scene),
    ...(cached ? { metrics: cached } : {}),
  });
  if (!cached) metricsCache.set(fontKey, text.style.getTextMetrics());
  if (o.width !== undefined) {
    const width = o.width;
    text.setWordWrapCallback((s: string, obj: Phaser.GameObjects.Text) =>
      wrapText(s, width, (line) => obj.context.measureText(line).width),
    );
  }
  text.setText(content);
  return text;
}

let measureContext: CanvasRenderingContext2D | null = null;

/**
 * The height `addText` would give `content`, without making a Text (no canvas to render,
 * no texture to upload): for laying out pages of text and creating only what is shown.
 * Same font, wrap and metrics as addText, and Phaser's height rule (lines × font height
 * plus the spacing between lines).
 */
export function textHeight(scene: Phaser.Scene, content: string, o: TextOptions = {}): number {
  const size = o.size ?? 22;
  const fontStyle = o.bold ? "bold" : "";
  const fontKey = `${fontStyle} ${size}`;
  if (!metricsCache.has(fontKey)) addText(scene, 0, 0, "", o).destroy(); // measures the font once
  const metrics = metricsCache.get(fontKey)!;
  measureContext ??= document.createElement("canvas").getContext("2d");
  const ctx = measureContext!;
  ctx.font = `${fontStyle} ${size}px ${FONT_FAMILY}`.trim();
  const lines = o.width !== undefined ? wrapText(content, o.width, (line) => ctx.measureText(line).width).length : content.split("\n").length;
  const lineSpacing = o.lineSpacing ?? Math.round(size * 0.35);
  return metrics.fontSize * lines + lineSpacing * (lines - 1);
}

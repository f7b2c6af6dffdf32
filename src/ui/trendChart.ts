/**
 * One competency's trend on the progress screen: a small line chart with a 0-50-100 scale,
 * a baseline, and the dates of its first and last attempt under it. Practice and assessment
 * are two series on the same time slots (the attempts in the order they were played), told
 * apart by colour and by marker shape (circle, square), never by colour alone.
 */
import type { Phaser } from "../phaser/index.ts";
import type { Mode } from "../store/types.ts";
import { addText } from "./text.ts";
import { COLORS } from "./theme.ts";

export interface TrendPoint {
  at: string;
  mode: Mode;
  value: number;
}

export const SERIES: Record<Mode, { color: number; css: string; marker: "circle" | "square" }> = {
  practice: { color: 0x8ec5ff, css: "#8ec5ff", marker: "circle" },
  assessment: { color: 0xf2c14e, css: "#f2c14e", marker: "square" },
};

export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Draws the chart; `points` oldest first, `formatDate` for the axis (short: the day). */
export function drawTrendChart(scene: Phaser.Scene, box: ChartBox, title: string, points: readonly TrendPoint[], formatDate: (iso: string) => string): void {
  const { x, y, w, h } = box;
  scene.add.rectangle(x, y, w, h, COLORS.panel).setOrigin(0, 0).setRounded(6);
  addText(scene, x + 8, y + 4, title, { size: 14, bold: true });
  const left = x + 30;
  const right = x + w - 10;
  const top = y + 28;
  const bottom = y + h - 22;
  const yOf = (v: number) => bottom - (Math.min(100, Math.max(0, v)) / 100) * (bottom - top);
  const g = scene.add.graphics();
  // The scale: 0, 50 and 100, a faint line at 50, the axes.
  for (const v of [0, 50, 100]) addText(scene, left - 4, yOf(v) - 7, String(v), { size: 11, color: COLORS.textDim }).setOrigin(1, 0);
  g.lineStyle(1, COLORS.line, 0.5).lineBetween(left, yOf(50), right, yOf(50));
  g.lineStyle(1, COLORS.line, 1).lineBetween(left, top, left, bottom).lineBetween(left, bottom, right, bottom);
  if (!points.length) return;
  const step = points.length > 1 ? (right - left - 8) / (points.length - 1) : 0;
  const xOf = (i: number) => left + 4 + i * step;
  addText(scene, left, bottom + 4, formatDate(points[0]!.at), { size: 11, color: COLORS.textDim });
  if (points.length > 1) addText(scene, right, bottom + 4, formatDate(points.at(-1)!.at), { size: 11, color: COLORS.textDim }).setOrigin(1, 0);
  for (const mode of ["practice", "assessment"] as const) {
    const style = SERIES[mode];
    const pts = points.flatMap((p, i) => (p.mode === mode ? [{ x: xOf(i), y: yOf(p.value) }] : []));
    // Phaser's typing wants Vector2s; it reads only x and y.
    if (pts.length > 1) g.lineStyle(2, style.color, 1).strokePoints(pts as unknown as Phaser.Math.Vector2[], false);
    g.fillStyle(style.color, 1);
    for (const p of pts) {
      if (style.marker === "circle") g.fillCircle(p.x, p.y, 3);
      else g.fillRect(p.x - 3, p.y - 3, 6, 6);
    }
  }
}

/** The key to the two series: a marker and the mode's name each. */
export function drawSeriesKey(scene: Phaser.Scene, x: number, y: number, label: (m: Mode) => string): number {
  const g = scene.add.graphics();
  let at = x;
  for (const mode of ["practice", "assessment"] as const) {
    const style = SERIES[mode];
    g.fillStyle(style.color, 1);
    if (style.marker === "circle") g.fillCircle(at + 5, y + 9, 4);
    else g.fillRect(at + 1, y + 5, 8, 8);
    const t = addText(scene, at + 14, y, label(mode), { size: 14, color: style.css });
    at += 14 + t.width + 18;
  }
  return at - x;
}

/**
 * Small SVG pieces for the team view: a learner's totals over time (practice circles, assessment
 * squares: shape and colour, never colour alone) with a 0-100 scale and the first and last dates.
 */
import type { Mode } from "../store/types.ts";

const NS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export const SERIES_CLASS: Record<Mode, string> = { practice: "series-practice", assessment: "series-assessment" };

/** Totals per mode on one time line (attempts in order), with axes; `label` is the chart's accessible name. */
export function trendSvg(points: readonly { at: string; mode: Mode; total: number }[], label: string, day: (iso: string) => string): SVGSVGElement {
  const W = 240;
  const H = 76;
  const left = 26;
  const right = W - 6;
  const top = 6;
  const bottom = H - 18;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": label, class: "trend" });
  const yOf = (v: number) => bottom - (Math.min(100, Math.max(0, v)) / 100) * (bottom - top);
  for (const v of [0, 50, 100]) root.append(svg("text", { x: left - 4, y: yOf(v) + 4, "text-anchor": "end", class: "axis-label" }, String(v)));
  root.append(svg("line", { x1: left, y1: yOf(50), x2: right, y2: yOf(50), class: "grid" }));
  root.append(svg("polyline", { points: `${left},${top} ${left},${bottom} ${right},${bottom}`, class: "axis" }));
  if (!points.length) return root;
  const step = points.length > 1 ? (right - left - 8) / (points.length - 1) : 0;
  const xOf = (i: number) => left + 4 + i * step;
  root.append(svg("text", { x: left, y: H - 4, class: "axis-label" }, day(points[0]!.at)));
  if (points.length > 1) root.append(svg("text", { x: right, y: H - 4, "text-anchor": "end", class: "axis-label" }, day(points.at(-1)!.at)));
  for (const mode of ["practice", "assessment"] as const) {
    const pts = points.flatMap((p, i) => (p.mode === mode ? [[xOf(i), yOf(p.total)] as const] : []));
    if (pts.length > 1) root.append(svg("polyline", { points: pts.map(([x, y]) => `${x},${y}`).join(" "), class: `line ${SERIES_CLASS[mode]}` }));
    for (const [x, y] of pts) {
      root.append(mode === "practice" ? svg("circle", { cx: x, cy: y, r: 3, class: `dot ${SERIES_CLASS[mode]}` }) : svg("rect", { x: x - 3, y: y - 3, width: 6, height: 6, class: `dot ${SERIES_CLASS[mode]}` }));
    }
  }
  return root;
}

/** The key: a circle for practice, a square for assessment. */
export function seriesKey(label: (m: Mode) => string): HTMLElement {
  const key = document.createElement("p");
  key.className = "series-key";
  for (const mode of ["practice", "assessment"] as const) {
    const s = svg("svg", { width: 12, height: 12, viewBox: "0 0 12 12", "aria-hidden": "true" });
    s.append(mode === "practice" ? svg("circle", { cx: 6, cy: 6, r: 4, class: `dot ${SERIES_CLASS[mode]}` }) : svg("rect", { x: 2, y: 2, width: 8, height: 8, class: `dot ${SERIES_CLASS[mode]}` }));
    const span = document.createElement("span");
    span.className = SERIES_CLASS[mode];
    span.append(s, ` ${label(mode)}`);
    key.append(span);
  }
  return key;
}

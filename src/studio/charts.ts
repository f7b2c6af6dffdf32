/**
 * Small SVG charts for the balance panel: a histogram of total scores per policy, and
 * competency medians with their 10th-90th percentile range. Text goes in as text nodes.
 */
const SVG = "http://www.w3.org/2000/svg";

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  parent?.append(e);
  return e;
}

export const POLICY_COLORS = ["#f2c14e", "#7fd99a", "#6cb4ee", "#e5534b", "#b39ddb", "#4dd0c4"];

/** Nearest-rank percentile of unsorted numbers. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return 0;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Counts of values in bins of `width` over 0..100. */
export function histogram(values: readonly number[], width = 5): number[] {
  const bins = new Array<number>(Math.ceil(100 / width) + 1).fill(0);
  for (const v of values) bins[Math.max(0, Math.min(bins.length - 1, Math.floor(v / width)))]!++;
  return bins;
}

/** One row per policy: its histogram of totals on a shared 0-100 axis, with the median marked. */
export function totalsChart(series: { name: string; values: number[] }[], title: string): SVGSVGElement {
  const rowH = 44;
  const left = 130;
  const w = 560;
  const svg = el("svg", { viewBox: `0 0 ${w} ${series.length * rowH + 34}`, class: "chart", role: "img", "aria-label": title });
  el("text", { x: 6, y: 14 }, svg, title);
  const x = (v: number) => left + (v / 100) * (w - left - 10);
  series.forEach((s, i) => {
    const top = 22 + i * rowH;
    const bins = histogram(s.values);
    const max = Math.max(1, ...bins);
    el("text", { x: 6, y: top + rowH / 2 + 4 }, svg, s.name);
    bins.forEach((n, b) => {
      if (!n) return;
      const h = (n / max) * (rowH - 10);
      el("rect", { x: x(b * 5) + 0.5, y: top + rowH - 6 - h, width: x(5) - x(0) - 1, height: h, fill: POLICY_COLORS[i % POLICY_COLORS.length]! }, svg);
    });
    const med = percentile(s.values, 50);
    el("line", { x1: x(med), x2: x(med), y1: top + 2, y2: top + rowH - 4, stroke: "#fff", "stroke-width": 1.5 }, svg);
    el("text", { x: x(med) + 3, y: top + 10 }, svg, String(med));
  });
  const base = 22 + series.length * rowH;
  el("line", { x1: left, x2: w - 10, y1: base - 4, y2: base - 4, class: "axis" }, svg);
  for (const v of [0, 25, 50, 75, 100]) el("text", { x: x(v) - 6, y: base + 8 }, svg, String(v));
  return svg;
}

/** Competencies down, policies across: the median as a dot, the 10th-90th percentile as a bar. */
export function competencyChart(competencies: readonly string[], series: { name: string; values: Record<string, number[]> }[], title: string, label: (c: string) => string = (c) => c): SVGSVGElement {
  const rowH = 9 * series.length + 10;
  const left = 110;
  const w = 560;
  const svg = el("svg", { viewBox: `0 0 ${w} ${competencies.length * rowH + 50}`, class: "chart", role: "img", "aria-label": title });
  el("text", { x: 6, y: 14 }, svg, title);
  const x = (v: number) => left + (v / 100) * (w - left - 10);
  competencies.forEach((c, ci) => {
    const top = 24 + ci * rowH;
    el("text", { x: 6, y: top + rowH / 2 }, svg, label(c));
    series.forEach((s, si) => {
      const vals = s.values[c] ?? [];
      const y = top + 6 + si * 9;
      const color = POLICY_COLORS[si % POLICY_COLORS.length]!;
      el("rect", { x: x(percentile(vals, 10)), y: y - 2.5, width: Math.max(2, x(percentile(vals, 90)) - x(percentile(vals, 10))), height: 5, fill: color, opacity: 0.5 }, svg);
      el("circle", { cx: x(percentile(vals, 50)), cy: y, r: 3, fill: color }, svg);
    });
  });
  const base = 24 + competencies.length * rowH;
  for (const v of [0, 50, 100]) el("text", { x: x(v) - 6, y: base + 8 }, svg, String(v));
  series.forEach((s, i) => {
    el("rect", { x: 6 + i * 90, y: base + 16, width: 10, height: 10, fill: POLICY_COLORS[i % POLICY_COLORS.length]! }, svg);
    el("text", { x: 20 + i * 90, y: base + 25 }, svg, s.name.slice(0, 14));
  });
  return svg;
}

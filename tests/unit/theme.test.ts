import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHIP_COLORS, COLORS } from "../../src/ui/theme.ts";

function luminance(hex: number): number {
  const ch = [16, 8, 0].map((s) => ((hex >> s) & 255) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}
const contrast = (a: number, b: number) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const hex = (s: string) => parseInt(s.slice(1), 16);

describe("colours", () => {
  it.each([
    ["text", COLORS.text],
    ["dim text", COLORS.textDim],
    ["accent", COLORS.accent],
    ["good", COLORS.good],
    ["bad", COLORS.bad],
  ])("%s passes WCAG AA (4.5:1) on the background, panels and focused panels", (_n, fg) => {
    for (const bg of [COLORS.bg, COLORS.panel, COLORS.panelHi]) expect(contrast(hex(fg), bg)).toBeGreaterThanOrEqual(4.5);
  });

  it("text on a move chip passes AA", () => {
    expect(contrast(hex(COLORS.text), COLORS.chip)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(CHIP_COLORS))("text on the %s move mark passes AA", (_kind, bg) => {
    expect(contrast(hex(COLORS.text), hex(bg))).toBeGreaterThanOrEqual(4.5);
  });
});

describe("the game element's backdrop behind the transparent canvas", () => {
  const html = readFileSync("index.html", "utf8");

  it("is COLORS.bg, so every scene has the background the contrast checks assume", () => {
    expect(html).toMatch(new RegExp(`#game \\{ background: ${COLORS.bgText}; \\}`));
  });

  it("on the title, is a gradient whose every stop keeps all text colours at WCAG AA", () => {
    const gradient = /#game\.title-backdrop \{ background: radial-gradient\(([^;]+)\); \}/.exec(html);
    expect(gradient).not.toBeNull();
    const stops = [...gradient![1]!.matchAll(/#([0-9a-f]{6})/gi)].map((m) => parseInt(m[1]!, 16));
    expect(stops.length).toBeGreaterThanOrEqual(2);
    for (const bg of stops) for (const fg of [COLORS.text, COLORS.textDim, COLORS.accent]) expect(contrast(hex(fg), bg)).toBeGreaterThanOrEqual(4.5);
  });
});

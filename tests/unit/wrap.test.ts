import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wrapText } from "../../src/ui/wrap.ts";

/** A monospace measure: every character is one unit wide. */
const mono = (s: string) => [...s].length;

describe("wrapText", () => {
  it("breaks unspaced Chinese between characters to fit the width", () => {
    expect(wrapText("我们的设备能减少停机时间", 5, mono)).toEqual(["我们的设备", "能减少停机", "时间"]);
  });

  it("never starts a line with closing punctuation such as 。，、」", () => {
    for (const p of ["。", "，", "、", "」", "？", "！"]) {
      const lines = wrapText(`一二三四五${p}六七`, 5, mono);
      for (const line of lines) expect(line.startsWith(p), `${JSON.stringify(lines)}`).toBe(false);
      expect(lines.join("")).toBe(`一二三四五${p}六七`);
    }
  });

  it("never ends a line with opening punctuation such as 「", () => {
    const lines = wrapText("一二三四「五六」七", 5, mono);
    for (const line of lines) expect(line.endsWith("「")).toBe(false);
    expect(lines.join("")).toBe("一二三四「五六」七");
  });

  it("wraps English at spaces and keeps words whole", () => {
    expect(wrapText("Implication questions make the problem hurt", 16, mono)).toEqual([
      "Implication",
      "questions make",
      "the problem hurt",
    ]);
  });

  it("keeps a Latin word inside Chinese text whole", () => {
    const lines = wrapText("我们的ERP系统和MES集成", 6, mono);
    expect(lines.join("")).toBe("我们的ERP系统和MES集成");
    expect(lines.some((l) => l.includes("ERP"))).toBe(true);
    expect(lines.some((l) => l.includes("MES"))).toBe(true);
  });

  it("honours explicit newlines and splits a unit longer than a line", () => {
    expect(wrapText("ab\ncd", 10, mono)).toEqual(["ab", "cd"]);
    expect(wrapText("abcdefghij", 4, mono)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("uses the measure it is given, so wide glyphs wrap sooner", () => {
    const wide = (s: string) => [...s].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(wrapText("你好ab", 4, wide)).toEqual(["你好", "ab"]);
  });

  it("breaks where measuring every candidate line whole would, though glyph pairs kern (widths are not additive)", () => {
    // A proportional font with kerning: each character's own width, less a little for some adjacent pairs.
    const kerned = (s: string) => {
      const cs = [...s];
      return cs.reduce((w, c, i) => w + (/[\u4e00-\u9fff]/.test(c) ? 20 : 9 + (c.charCodeAt(0) % 5)) - (i > 0 && (c.charCodeAt(0) + cs[i - 1]!.charCodeAt(0)) % 3 === 0 ? 0.6 : 0), 0);
    };
    const text = fc.array(fc.constantFrom("我们", "设备，", "停机。", "「成本」", "ERP ", "system ", "cost。", "a", "\n"), { maxLength: 60 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 30, max: 400 }), (t, width) => {
        const lines = wrapText(t, width, kerned);
        expect(lines).toEqual(wrapText(t, width, kerned, 0));
        expect(lines.join("").replace(/ /g, "")).toBe(t.replace(/[ \n]/g, ""));
        for (const line of lines) expect(/^[，。」]/.test(line) || /「$/.test(line), JSON.stringify(lines)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

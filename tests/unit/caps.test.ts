/** The shared caps: how text is measured and cut where the checker never saw it (a stored title). */
import { describe, expect, it } from "vitest";
import { capText, displayColumns, isVisibleText, MAX_TITLE_COLUMNS } from "../../src/engine/caps.ts";

describe("caps", () => {
  it("counts a Chinese character as two columns and a Latin letter as one", () => {
    expect(displayColumns("abc")).toBe(3);
    expect(displayColumns("大客户")).toBe(6);
    expect(displayColumns("SPIN 提问")).toBe(9);
  });

  it("leaves short text alone and cuts long text to the cap with an ellipsis", () => {
    expect(capText("First Meetings", MAX_TITLE_COLUMNS)).toBe("First Meetings");
    const cut = capText("x".repeat(10_000), 20);
    expect(cut.endsWith("…")).toBe(true);
    expect(displayColumns(cut)).toBeLessThanOrEqual(20);
    const zh = capText("客".repeat(100), 21);
    expect(displayColumns(zh)).toBeLessThanOrEqual(21);
    expect(zh.length).toBeGreaterThan(5);
  });

  it("never splits a surrogate pair", () => {
    const cut = capText("😀".repeat(50), 10);
    expect(cut).toMatch(/^(😀)+…$/u);
  });

  it("cuts a 5 MB stored title to one menu line", () => {
    expect(displayColumns(capText("y".repeat(5_000_000)))).toBeLessThanOrEqual(MAX_TITLE_COLUMNS);
  });

  it("tells visible text from text made only of invisible characters", () => {
    expect(isVisibleText("\u200b\u200c\u200d\ufeff\u200e\u200f\u2060 \u3000")).toBe(false);
    expect(isVisibleText("\u200b好")).toBe(true);
  });
});

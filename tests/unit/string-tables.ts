/** The checks every pair of UI string tables gets (the game's, the room pages', the studio's). */
import { expect, it } from "vitest";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Both tables have the same keys; each string is non-empty in both with the same placeholders. */
export function itHasMatchingTables(zhCN: Record<string, string>, en: Record<string, string>): void {
  it("exist in zh-CN and en with the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.keys(zhCN))("%s is non-empty in both locales with the same placeholders", (key) => {
    const zh = zhCN[key]!;
    const e = en[key]!;
    expect(zh.trim()).not.toBe("");
    expect(e.trim()).not.toBe("");
    expect(placeholders(e)).toEqual(placeholders(zh));
  });
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import zhCN from "../../src/room/strings/zh-CN.json";
import en from "../../src/room/strings/en.json";
import { REFUSALS, ROOM_MODES } from "../../src/room/protocol.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the team-session pages' strings", () => {
  it("exist in zh-CN and en with the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.keys(zhCN))("%s is non-empty in both locales with the same placeholders", (key) => {
    const zh = (zhCN as Record<string, string>)[key]!;
    const e = (en as Record<string, string>)[key]!;
    expect(zh.trim()).not.toBe("");
    expect(e.trim()).not.toBe("");
    expect(placeholders(e)).toEqual(placeholders(zh));
  });

  it("say every refusal and every mode in words", () => {
    for (const r of REFUSALS) expect(Object.keys(en)).toContain(`refusal.${r}`);
    for (const m of ROOM_MODES) expect(Object.keys(en)).toEqual(expect.arrayContaining([`mode.${m}`, `mode.${m}.about`]));
  });

  const files = readdirSync("src/room", { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join("src/room", f));
  it.each(files)("%s has no CJK text outside comments", (file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(code.split("\n").filter((l) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(l))).toEqual([]);
  });

  it.each(files)("%s never puts text into the page as HTML", (file) => {
    expect(readFileSync(file, "utf8")).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

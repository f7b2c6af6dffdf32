import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { itHasMatchingTables } from "./string-tables.ts";
import zhCN from "../../src/room/strings/zh-CN.json";
import en from "../../src/room/strings/en.json";
import { REFUSALS, ROOM_MODES } from "../../src/room/protocol.ts";


describe("the team-session pages' strings", () => {
  itHasMatchingTables(zhCN as Record<string, string>, en as Record<string, string>);

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

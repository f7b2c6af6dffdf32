import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyStrings, extractStrings, fromCsv, fromXliff, parseCsv, toCsv, toXliff } from "../../src/studio/strings-table.ts";
import { tsxArgs } from "./helpers.ts";

const text = readFileSync("scenarios/first-meetings.json", "utf8");
const rows = extractStrings(JSON.parse(text));
const tricky = [{ path: "$.nodes.a.lines[0].text", "zh-CN": '他说："好，\n我们看看。"', en: 'He said, "fine, <let\'s> see" & left,\r\nthen' }];

describe("the translators' string table", () => {
  it("lists every text of a scenario once, with its JSON path", () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    expect(rows[0]!.path).toBe("$.meta.title");
  });

  it.each([
    ["CSV", (r: typeof rows) => fromCsv(toCsv(r))],
    ["XLIFF", (r: typeof rows) => fromXliff(toXliff(r, "x.json"))],
  ])("round-trips through %s, quotes, commas, line breaks and markup included", (_f, trip) => {
    expect(trip(rows)).toEqual(rows);
    expect(trip(tricky)).toEqual(tricky);
  });

  it("writes an imported translation into the file and changes nothing else", () => {
    const edited = rows.map((r, i) => (i === 0 ? { ...r, en: "Renamed by a translator" } : r));
    const { text: out, changed, skipped } = applyStrings(text, [...edited, { path: "$.nodes.nope.title", "zh-CN": "x", en: "y" }]);
    expect(changed).toBe(1);
    expect(skipped).toEqual(["$.nodes.nope.title"]);
    expect(JSON.parse(out).meta.title.en).toBe("Renamed by a translator");
    const before = text.split("\n");
    const after = out.split("\n");
    expect(after.length).toBe(before.length);
    expect(after.filter((l, i) => l !== before[i])).toHaveLength(1);
  });

  it("rejects a table that is not one", () => {
    expect(() => fromCsv("id,text\n1,x")).toThrow(/header/);
    expect(() => parseCsv('path\n"unclosed')).toThrow(/quoted/);
    expect(() => fromXliff("<xml/>")).toThrow(/XLIFF/);
  });

  it("round-trips from the command line: export, translate, import", () => {
    const dir = mkdtempSync(join(tmpdir(), "dealcraft-strings-"));
    const scenario = join(dir, "s.json");
    writeFileSync(scenario, readFileSync("tests/fixtures/mini.json", "utf8"));
    const run = (...a: string[]) => spawnSync(process.execPath, tsxArgs("src/cli/strings.ts", ...a), { encoding: "utf8", timeout: 20_000 });
    expect(run("export", scenario, "--out", join(dir, "t.xlf")).status).toBe(0);
    const xlf = readFileSync(join(dir, "t.xlf"), "utf8").replace("<target>A meeting room.</target>", "<target>A quiet meeting room.</target>");
    writeFileSync(join(dir, "t.xlf"), xlf);
    const imported = run("import", scenario, join(dir, "t.xlf"));
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^1 text\(s\) changed/);
    expect(JSON.parse(readFileSync(scenario, "utf8")).nodes.hello.lines[0].text.en).toBe("A quiet meeting room.");
    expect(run("export", join(dir, "missing.json")).status).toBe(1);
  }, 60_000);
});

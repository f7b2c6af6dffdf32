/**
 * Files written for earlier versions keep loading (issues 18 and 22): a previous-format
 * file whose English summary (322 columns) and stage titles (34 and 47) are over the
 * display caps loads in the game, with those one-line texts shortened to fit, and passes
 * the checker and the CLI with warnings, not errors.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryFromText } from "../../src/content/catalogue.ts";
import { checkScenarioText } from "../../src/engine/check.ts";
import { displayColumns, MAX_STAGE_COLUMNS, MAX_SUMMARY_COLUMNS } from "../../src/engine/caps.ts";
import { isError } from "../../src/engine/problems.ts";
import { tsxArgs } from "./helpers.ts";

const FILE = "tests/fixtures/legacy/over-caps.v1.json";
const text = readFileSync(FILE, "utf8");

describe("a previous-format file with texts over the display caps", () => {
  it("is of the previous format, and over the caps where issue 22 found it", () => {
    const raw = JSON.parse(text);
    expect(raw.formatVersion).toBe(1);
    expect(displayColumns(raw.meta.summary.en)).toBe(322);
    expect(raw.stages.map((s: { title: { en: string } }) => displayColumns(s.title.en))).toEqual([34, 47]);
  });

  it("loads in the game, with the summary and stage titles shortened to what their places show", () => {
    const entry = entryFromText("over-caps.v1.json", text);
    expect(entry.ok, entry.ok ? "" : JSON.stringify(entry.problems)).toBe(true);
    if (!entry.ok) return;
    const s = entry.scenario;
    expect(displayColumns(s.meta.summary.en!)).toBeLessThanOrEqual(MAX_SUMMARY_COLUMNS);
    expect(s.meta.summary.en!.endsWith("…")).toBe(true);
    for (const st of s.stages) expect(displayColumns(st.title!.en!)).toBeLessThanOrEqual(MAX_STAGE_COLUMNS);
    // Text that fits is left as written.
    expect(s.stages[0]!.title!["zh-CN"]).toBe("守住老客户");
    expect(s.meta.title.en).toBe(JSON.parse(text).meta.title.en);
  });

  it("passes the checker: each over-cap text is a warning at its path, none an error", () => {
    const { problems, data } = checkScenarioText(text);
    expect(problems.filter(isError)).toEqual([]);
    expect(data).toBeDefined();
    const warned = problems.filter((p) => /columns of text/.test(p.message)).map((p) => p.path);
    expect(warned.sort()).toEqual(["$.meta.summary.en", "$.stages[0].title.en", "$.stages[1].title.en"]);
  });

  it("passes `npm run scenarios:check`: exit 0, the warnings on stderr", () => {
    const r = spawnSync(process.execPath, tsxArgs("src/cli/check.ts", FILE), { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/\$\.meta\.summary\.en: warning: 322 columns of text; 240 fit .*shortens it/);
  });
});

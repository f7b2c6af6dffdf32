import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyse } from "../../src/studio/analysis.ts";
import { problemText } from "../../src/studio/lint-words.ts";
import { describeAt, type JsonSchema } from "../../src/studio/schema-help.ts";
import { LINT_RULES } from "../../src/engine/lint-rules.ts";
import zhLint from "../../src/studio/strings/lint.zh-CN.json";
import zhHelp from "../../src/studio/strings/schema-help.zh-CN.json";
import { miniData } from "./helpers.ts";

const schema = JSON.parse(readFileSync("scenarios/scenario.schema.json", "utf8")) as JsonSchema;
const CJK = /[\u4e00-\u9fff]/;

describe("a zh-CN studio speaks zh-CN", () => {
  it("words every lint rule in zh-CN", () => {
    for (const rule of LINT_RULES) expect(Object.keys(zhLint), rule).toContain(rule);
  });

  it("shows teaching-lint warnings in zh-CN with the values filled in, and in English as the engine wrote them", () => {
    const d = miniData();
    // A colleague whose counterpart no one in the cast is, and a node nobody reaches in the probe runs.
    d.nodes.middle.options.push({ id: "rnd", text: { "zh-CN": "请研发来", en: "Bring R&D" }, move: { kind: "relationship", action: "bring-colleague", colleague: "rnd" }, next: "win" });
    d.nodes.middle.options.push({ id: "long", text: { "zh-CN": "长".repeat(200), en: "long ".repeat(60) }, move: { kind: "talk" }, next: "win" });
    const a = analyse(JSON.stringify(d, null, 2));
    const warnings = a.problems.filter((p) => p.severity === "warning");
    const rules = new Set(warnings.map((p) => p.rule));
    expect(rules).toContain("colleague-covers-no-one");
    expect(rules).toContain("over-cap");
    for (const w of warnings.filter((p) => p.rule)) {
      const zh = problemText(w, "zh-CN");
      expect(zh, w.message).toMatch(CJK);
      expect(zh, zh).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(problemText(w, "en")).toBe(w.message);
    }
    const colleague = warnings.find((p) => p.rule === "colleague-covers-no-one")!;
    expect(problemText(colleague, "zh-CN")).toContain("rnd");
    expect(problemText(warnings.find((p) => p.rule === "over-cap")!, "zh-CN")).toContain("选项");
  });

  it("words JSON syntax errors in zh-CN", () => {
    const a = analyse('{ "meta": { "id": "x" ');
    expect(a.problems.length).toBeGreaterThan(0);
    expect(problemText(a.problems[0]!, "zh-CN")).toMatch(/^JSON 无效：/);
    expect(problemText(a.problems[0]!, "en")).toMatch(/^invalid JSON: /);
  });

  it("gives hover help in zh-CN for every field the schema describes", () => {
    const descriptions = new Set<string>();
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === "object") {
        const d = (o as { description?: unknown }).description;
        if (typeof d === "string") descriptions.add(d);
        Object.values(o).forEach(walk);
      }
    };
    walk(schema);
    const missing = [...descriptions].filter((d) => !Object.hasOwn(zhHelp, d));
    expect(missing).toEqual([]);
    const zh = describeAt(schema, ["nodes", "a", "options", 0, "next"], undefined, "zh-CN")!;
    expect(zh).toContain("效果执行后前往的节点");
    expect(zh).toContain("类型");
    expect(describeAt(schema, ["nodes", "a", "options", 0, "next"], undefined, "en")).toContain("node to go to after the effects");
  });
});

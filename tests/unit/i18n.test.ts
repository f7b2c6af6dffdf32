import { describe, expect, it } from "vitest";
import zhCN from "../../src/content/strings/zh-CN.json";
import en from "../../src/content/strings/en.json";
import { localize, moveLabel, t } from "../../src/content/i18n.ts";
import { COMPETENCIES, OUTCOMES, PIPELINE_STAGES } from "../../src/engine/schema.ts";
import { EVERY_MOVE } from "./every-move.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("UI strings", () => {
  it("exist in both zh-CN and en with the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(Object.keys(zhCN))("%s is non-empty in both locales with the same placeholders", (key) => {
    const zh = (zhCN as Record<string, string>)[key]!;
    const e = (en as Record<string, string>)[key]!;
    expect(zh.trim()).not.toBe("");
    expect(e.trim()).not.toBe("");
    expect(placeholders(e)).toEqual(placeholders(zh));
  });

  it("name every move, competency, stage and outcome in both locales, with the course's Chinese terms", () => {
    const moves = EVERY_MOVE;
    for (const m of moves) {
      for (const l of ["zh-CN", "en"] as const) expect(moveLabel(m, l)).not.toMatch(/^move\./);
    }
    for (const c of COMPETENCIES) expect(t("en", `competency.${c}` as never)).not.toMatch(/^competency\./);
    for (const s of PIPELINE_STAGES) expect(t("zh-CN", `stage.${s}` as never)).not.toMatch(/^stage\./);
    for (const o of OUTCOMES) expect(t("en", `outcome.${o}` as never)).not.toMatch(/^outcome\./);
    expect(moveLabel({ kind: "spin", type: "implication" }, "zh-CN")).toBe("I 暗示问题");
    expect(moveLabel({ kind: "spin", type: "need-payoff" }, "zh-CN")).toBe("N 需求—效益问题");
    expect(t("zh-CN", "stage.shortlist")).toBe("成功入围");
    expect(moveLabel({ kind: "tactic", tactic: "in-depth" }, "zh-CN")).toBe("纵深防御战术");
  });

  it("fills placeholders and falls back to Chinese for scenario text missing a translation", () => {
    expect(t("en", "select.minutes", { n: 5 })).toBe("about 5 min");
    expect(localize({ "zh-CN": "只有中文" }, "en")).toBe("只有中文");
    expect(localize({ en: "English only" }, "zh-CN")).toBe("English only");
  });
});

import { describe, expect, it } from "vitest";
import { itHasMatchingTables } from "./string-tables.ts";
import zhCN from "../../src/content/strings/zh-CN.json";
import en from "../../src/content/strings/en.json";
import { localize, moveLabel, t } from "../../src/content/i18n.ts";
import { COMPETENCIES, OUTCOMES, PIPELINE_STAGES } from "../../src/engine/schema.ts";
import { EVERY_MOVE } from "./every-move.ts";


describe("UI strings", () => {
  itHasMatchingTables(zhCN as Record<string, string>, en as Record<string, string>);

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

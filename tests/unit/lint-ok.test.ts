import { describe, expect, it } from "vitest";
import { checkScenarioText, validateScenario } from "../../src/engine/index.ts";
import { analyse } from "../../src/studio/analysis.ts";
import { problemText } from "../../src/studio/lint-words.ts";
import { miniData } from "./helpers.ts";

/** The mini scenario with R&D brought to a client with no technical department: a teaching-lint warning. */
function withColleagueWarning() {
  const d = miniData();
  d.nodes.middle.options.push({ id: "rnd", text: { "zh-CN": "请研发来", en: "Bring R&D" }, move: { kind: "relationship", action: "bring-colleague", colleague: "rnd" }, next: "win" });
  return d;
}
const why = { "zh-CN": "故意的干扰项", en: "A deliberate distractor" };
const colleagueWarning = (text: string) => checkScenarioText(text).problems.find((p) => p.rule === "colleague-covers-no-one");

describe("acknowledging a warning where it is intended (lintOk)", () => {
  it("marks the warning on the option with the author's reason, and the studio counts it apart", () => {
    const d = withColleagueWarning();
    expect(colleagueWarning(JSON.stringify(d))!.acknowledged).toBeUndefined();
    const plain = analyse(JSON.stringify(d));
    d.nodes.middle.options[2].lintOk = [{ rule: "colleague-covers-no-one", why }];
    const text = JSON.stringify(d, null, 2);
    expect(colleagueWarning(text)!.acknowledged).toEqual(why);
    const a = analyse(text);
    expect(a.acknowledged).toBe(1);
    expect(a.warnings).toBe(plain.warnings - 1);
    expect(a.playable).toBe(true);
    const shown = a.problems.find((p) => p.rule === "colleague-covers-no-one")!;
    expect(shown.severity).toBe("acknowledged");
    expect(problemText(shown, "zh-CN")).toContain("rnd");
  });

  it("covers an option's warning from its node, but not another rule's", () => {
    const d = withColleagueWarning();
    d.nodes.middle.lintOk = [{ rule: "colleague-covers-no-one", why }];
    expect(colleagueWarning(JSON.stringify(d))!.acknowledged).toEqual(why);
    d.nodes.middle.lintOk = [{ rule: "node-unreached", why }];
    const problems = checkScenarioText(JSON.stringify(d)).problems;
    expect(problems.find((p) => p.rule === "colleague-covers-no-one")!.acknowledged).toBeUndefined();
    // …and an acknowledgement nothing matches is a warning of its own, where it is written.
    expect(problems).toContainEqual(expect.objectContaining({ rule: "lint-ok-unused", path: "$.nodes.middle.lintOk[0]", severity: "warning" }));
  });

  it("is validated: an unknown rule or a missing reason names the field", () => {
    const d = withColleagueWarning();
    d.nodes.middle.options[2].lintOk = [{ rule: "no-such-rule", why }];
    expect(validateScenario(d).problems.map((p) => p.path)).toContain("$.nodes.middle.options[2].lintOk[0].rule");
    d.nodes.middle.options[2].lintOk = [{ rule: "offered-again" }];
    expect(validateScenario(d).problems.map((p) => p.path)).toContain("$.nodes.middle.options[2].lintOk[0].why");
  });

  it("never turns an error into an acknowledgement", () => {
    const d = withColleagueWarning();
    d.nodes.middle.options[2].next = "nowhere";
    d.nodes.middle.options[2].lintOk = [{ rule: "colleague-covers-no-one", why }];
    const a = analyse(JSON.stringify(d));
    expect(a.playable).toBe(false);
    expect(a.problems.find((p) => p.path.endsWith(".next"))!.severity).toBe("error");
  });
});

import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";
import { teachingLint } from "../../src/engine/teaching-lint.ts";
import { soundsLikeFarewell } from "../../src/engine/reaction-lint.ts";
import { REACTIONS } from "../../src/engine/reaction-words.ts";
import { readJson } from "./helpers.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fixture = () => readJson("tests/fixtures/teaching/shared-reactions.json") as Record<string, any>;
const voiceWarnings = (data: unknown) => teachingLint(loadScenario(data)).filter((p) => /the reaction 「/.test(p.message));
const own = (zh: string, en: string) => ({ "zh-CN": zh, en });

describe("teaching lint: each client speaks in their own words", () => {
  it("flags a stock reaction two stakeholders of one scenario both speak, naming the scenario, the text and the people", () => {
    const warnings = voiceWarnings(fixture());
    expect(warnings.length).toBeGreaterThan(0);
    const w = warnings[0]!;
    expect(w.severity).toBe("warning");
    expect(w.message).toMatch(/"two-voices"/);
    expect(w.message).toMatch(/王经理 \(buyer, "listen\.distracted"/);
    expect(w.message).toMatch(/李工 \(engineer, "listen\.distracted"/);
    expect(w.message).toContain(`「${REACTIONS["listen.distracted"]![0]!["zh-CN"]}」`);
    expect(w.path).toBe("$.cast.engineer.reactions");
  });

  it("points at the file's shared table when everyone speaks from it", () => {
    const d = fixture();
    d.reactions = { "listen.distracted": own("你在听吗？", "Are you listening?") };
    const warnings = voiceWarnings(d);
    expect(warnings.map((w) => w.path)).toEqual(['$.reactions["listen.distracted"]']);
    expect(warnings[0]!.message).toContain("「你在听吗？」");
  });

  it("is silent when each stakeholder has their own words", () => {
    const d = fixture();
    d.cast.buyer.reactions = { "listen.distracted": own("王经理敲了敲桌子：“你在听吗？”", "Wang taps the table: “Are you with me?”") };
    d.cast.engineer.reactions = { "listen.distracted": own("李工停下笔：“这段要我再讲一遍吗？”", "Li stops writing: “Shall I go over that again?”") };
    expect(voiceWarnings(d)).toEqual([]);
  });

  it("reads the stakeholders' own tables even where no run reaches them", () => {
    const d = fixture();
    d.cast.buyer.reactions = { "listen.distracted": own("你在听吗？", "Listening?"), "rules.set": own("条款合理。", "Fair terms.") };
    d.cast.engineer.reactions = { "listen.distracted": own("要我再讲一遍吗？", "Again?"), "rules.set": own("条款合理。", "Reasonable terms.") };
    const warnings = voiceWarnings(d);
    expect(warnings.map((w) => w.path)).toEqual(['$.cast.engineer.reactions["rules.set"]']);
    expect(warnings[0]!.message).toContain("「条款合理。」");
  });

  it("flags a reaction that says goodbye, since the meeting goes on after every reaction", () => {
    const d = fixture();
    d.cast.buyer.reactions = { "listen.distracted": own("你在听吗？要不我们改天再聊。", "Are you listening? Maybe another day.") };
    d.cast.engineer.reactions = { "listen.distracted": own("要我再讲一遍吗？", "Shall I go over it again?") };
    const warnings = voiceWarnings(d);
    expect(warnings.map((w) => w.path)).toEqual(['$.cast.buyer.reactions["listen.distracted"]']);
    expect(warnings[0]!.message).toMatch(/says the meeting is over/);
  });
});

describe("the words clients actually speak", () => {
  it("the engine's generic reactions never say goodbye (the meeting always goes on after them)", () => {
    expect(soundsLikeFarewell(own("……要不我们改天再聊。", "Maybe another day."))).toBe(true);
    const farewells = Object.entries(REACTIONS).flatMap(([p, texts]) => texts.filter(soundsLikeFarewell).map((t) => `${p}: ${t["zh-CN"]}`));
    expect(farewells).toEqual([]);
  });
});

/**
 * The teaching lint's surface-tell rule (issue #21): small scenarios where the right answer
 * can be told by its form (always the question, always the longest line) are flagged with
 * the scenario, the tell and its measured value; one where right and wrong options share
 * their forms is not.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";
import { teachingLint } from "../../src/engine/teaching-lint.ts";
import { endsInQuestion, hasDigits, secondPerson } from "../../src/engine/surface-policies.ts";
import { miniData } from "./helpers.ts";

type Text = { "zh-CN": string; en: string };
/** A right answer (a first situation question: the course ranks it above the rest) and two wrong ones per node. */
interface Step {
  right: Text;
  wrong: [Text, Text];
}

function chain(steps: Step[]) {
  const d = miniData();
  d.formatVersion = 2;
  d.nodes = {};
  steps.forEach((step, i) => {
    const next = i + 1 < steps.length ? `q${i + 1}` : "win";
    d.nodes[`q${i}`] = {
      lines: [{ speaker: "buyer", text: { "zh-CN": `第${i}轮`, en: `Round ${i}` } }],
      options: [
        { id: "right", text: step.right, move: { kind: "spin", type: "situation" }, to: "buyer", next },
        { id: "close", text: step.wrong[0], move: { kind: "close", style: "push" }, to: "buyer", next },
        { id: "pitch", text: step.wrong[1], move: { kind: "pitch", parts: ["feature"] }, to: "buyer", next },
      ],
    };
  });
  d.nodes.win = { lines: [{ speaker: "buyer", text: { "zh-CN": "好。", en: "Fine." } }], ending: "won" };
  d.start = "q0";
  return d;
}

const tells = (d: unknown) => teachingLint(loadScenario(d)).filter((p) => p.message.startsWith("surface tell"));
const q = (zh: string, en: string): Text => ({ "zh-CN": zh, en });

const QUESTIONS = [q("贵厂现在有几条产线？", "How many lines does the plant run now?"), q("设备用了几年了？", "How old is the kit?"), q("谁负责维护？", "Who looks after maintenance?"), q("一年停机几次？", "How often does it stop a year?"), q("备件从哪里来？", "Where do spares come from?"), q("班次怎么排？", "How are the shifts set?")];
const STATEMENTS = [q("我们的设备最好", "Our kit is the best"), q("今天签吧", "Sign today"), q("价格最低", "Lowest price"), q("马上发货", "We ship at once"), q("功能最全", "Most features"), q("就这么定了", "Let's settle it")];

describe("surface-tell lint", () => {
  it("flags a scenario whose right answers are the only questions, naming the scenario, the tell and the value", () => {
    const d = chain(QUESTIONS.map((right, i) => ({ right, wrong: [STATEMENTS[i]!, STATEMENTS[(i + 1) % 6]!] })));
    const found = tells(d);
    expect(found.map((p) => p.message).join("\n")).toMatch(/surface tell in "mini" \(zh-CN\): an option's rank correlates with ending in a question mark at [01]\.\d\d over \d+ choices \(threshold ±0\.25\): always picking the question pays/);
    expect(found.some((p) => p.message.includes("(en)") && p.message.includes("question mark"))).toBe(true);
    expect(found.every((p) => p.severity === "warning")).toBe(true);
  });

  it("flags a scenario whose right answers are always the longest", () => {
    const long = (i: number) => q(`请您具体说一说，贵厂第${i}号车间现在的排产和维护是怎样安排的`, `Tell me, please, how workshop ${i} plans its production and its maintenance today`);
    const d = chain(QUESTIONS.map((_, i) => ({ right: long(i), wrong: [STATEMENTS[i]!, STATEMENTS[(i + 2) % 6]!] })));
    const msgs = tells(d).map((p) => p.message);
    expect(msgs.some((m) => /correlates with its length at 0\.\d\d/.test(m))).toBe(true);
  });

  it("says nothing when right and wrong options share their forms and lengths", () => {
    // Half the right answers are requests, not questions; half the wrong ones are questions (a leading close, a pitch asked as a question).
    // Right answers sit longest, shortest and in between by turns.
    const rights = [q("贵厂现在一共有几条产线？", "How many lines run today?"), q("说说年限", "Kit's age?"), q("谁负责维护？", "Who does the upkeep?"), q("请讲讲停机的具体情况", "Walk me through the stops"), q("备件？", "Spares from?"), q("介绍一下班次", "Tell me of the shifts")];
    const wrongs: [Text, Text][] = [
      [q("今天签好吗？", "Shall we sign today?"), q("我们的设备最好", "Our kit is the best one")],
      [q("今天就签了吧", "Let us sign it today"), q("功能最全对吧？", "Ours does most, right?")],
      [q("还要犹豫吗？", "Lowest price, why wait?"), q("发货", "We ship")],
      [q("功能最全", "Most features"), q("现在定下来？", "Settle it now?")],
      [q("马上发货行吗？", "Ship it all at once?"), q("就这么定了吧", "So let us settle it")],
      [q("价格全国最低的", "Our price is the lowest"), q("定了？", "Settle?")],
    ];
    const d = chain(rights.map((right, i) => ({ right, wrong: wrongs[i]! })));
    expect(tells(d)).toEqual([]);
  });

  it("reads the surface as a player would", () => {
    expect(endsInQuestion("这样对吗？")).toBe(true);
    expect(endsInQuestion("Is that right?”")).toBe(true);
    expect(endsInQuestion("这样。")).toBe(false);
    expect(secondPerson("您看呢")).toBe(true);
    expect(secondPerson("Your plant")).toBe(true);
    expect(secondPerson("Youth teams")).toBe(false);
    expect(hasDigits("两成")).toBe(false);
    expect(hasDigits("20%")).toBe(true);
  });
});

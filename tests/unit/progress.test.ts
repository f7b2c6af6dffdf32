import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { libraryEntry, newestFirst, recommendedOrder, skillToTrain, trainingProfile, trainsNext, trends, weakestSkill, type LibraryEntry } from "../../src/progress/analysis.ts";
import { attemptsFromCsv, attemptsToCsv, CSV_COLUMNS } from "../../src/progress/csv.ts";
import { loadScenario } from "../../src/engine/index.ts";
import { createAppStore, memoryStorage, type Attempt } from "../../src/store/index.ts";

const scores = (q: number, l: number, p: number, r: number, s: number, o = 50) => ({ questioning: q, listening: l, presenting: p, relationships: r, strategy: s, outcome: o });
const at = (day: number) => `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`;
const attempt = (day: number, c: Attempt["competencies"], scenarioId = "ice-to-eskimos", total = 50): Attempt => ({ at: at(day), scenarioId, mode: "practice", total, competencies: c, ending: "won", seed: String(day) });
const bundled = ["first-meetings", "ice-to-eskimos"].map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}.json`, "utf8"))));

describe("progress analysis", () => {
  it("gives each competency's trend in time order", () => {
    const t = trends([attempt(3, scores(70, 50, 50, 50, 50)), attempt(1, scores(40, 50, 50, 50, 50)), attempt(2, scores(55, 50, 50, 50, 50))]);
    expect(t.questioning).toEqual([40, 55, 70]);
    expect(t.outcome).toHaveLength(3);
  });

  it("finds the weakest skill over the recent attempts, not the outcome and not old ones", () => {
    const old = Array.from({ length: 6 }, (_, i) => attempt(i + 1, scores(50, 10, 60, 60, 60, 0)));
    const recent = Array.from({ length: 5 }, (_, i) => attempt(i + 10, scores(50, 70, 30 + i, 60, 60, 0)));
    expect(weakestSkill([...old, ...recent])).toEqual({ skill: "presenting", mean: 32 });
    expect(weakestSkill([])).toBeNull();
  });

  it("keeps practice and assessment apart: their own trends, their own weakest skill, assessment first for what to train", () => {
    const practice = [1, 2, 3].map((d) => attempt(d, scores(80, 80, 20, 80, 80))); // hints lift all but presenting
    const assessed = [4, 5].map((d) => ({ ...attempt(d, scores(30, 70, 60, 70, 70)), mode: "assessment" as const }));
    const all = [...assessed, ...practice];
    expect(trends(all, "practice").questioning).toEqual([80, 80, 80]);
    expect(trends(all, "assessment").questioning).toEqual([30, 30]);
    expect(weakestSkill(all, "practice")?.skill).toBe("presenting");
    expect(weakestSkill(all, "assessment")?.skill).toBe("questioning");
    expect(skillToTrain(all)).toMatchObject({ skill: "questioning", mode: "assessment" });
    expect(skillToTrain(practice)).toMatchObject({ skill: "presenting", mode: "practice" });
    expect(skillToTrain([])).toBeNull();
  });

  it("lists the newest attempt first, whatever order the history was stored in", () => {
    const list = newestFirst([attempt(2, scores(50, 50, 50, 50, 50)), attempt(9, scores(50, 50, 50, 50, 50)), attempt(5, scores(50, 50, 50, 50, 50))]);
    expect(list.map((a) => a.at.slice(8, 10))).toEqual(["09", "05", "02"]);
  });

  it("measures what each bundled scenario trains by playing it, deterministically", () => {
    for (const s of bundled) {
      const p = trainingProfile(s);
      expect(trainingProfile(s)).toEqual(p);
      expect(Object.values(p).some((v) => v > 0)).toBe(true);
    }
    const [first, ice] = bundled.map((s) => trainingProfile(s));
    // The starter (a multi-meeting deal with rivals) puts more on strategy than the one-meeting SPIN lesson.
    expect(first!.strategy).toBeGreaterThan(ice!.strategy);
  });

  it("sends the rep to the unmastered scenario that trains the weak skill, and orders the library easiest first", () => {
    const lib: LibraryEntry[] = [
      { id: "pitching", difficulty: 2, profile: { questioning: 1, listening: 1, presenting: 20, relationships: 1, strategy: 1 } },
      { id: "asking", difficulty: 1, profile: { questioning: 20, listening: 1, presenting: 1, relationships: 1, strategy: 1 } },
      { id: "hard-pitching", difficulty: 3, profile: { questioning: 1, listening: 1, presenting: 30, relationships: 1, strategy: 1 } },
    ];
    const history = [attempt(1, scores(60, 60, 20, 60, 60), "asking", 50)];
    expect(trainsNext(lib, "presenting", history)?.id).toBe("hard-pitching");
    expect(trainsNext(lib, "presenting", [...history, attempt(2, scores(60, 60, 20, 60, 60), "hard-pitching", 90)])?.id).toBe("pitching");
    expect(recommendedOrder(lib, history).map((e) => e.id)).toEqual(["asking", "pitching", "hard-pitching"]);
    const mastered = recommendedOrder(lib, [attempt(1, scores(60, 60, 20, 60, 60), "asking", 85)]);
    expect(mastered.map((e) => [e.id, e.mastered])).toEqual([
      ["pitching", false],
      ["hard-pitching", false],
      ["asking", true],
    ]);
    expect(recommendedOrder(bundled.map(libraryEntry), [])[0]!.id).toBe("ice-to-eskimos"); // difficulty 1 first
  });
});

describe("history as CSV", () => {
  const history: Attempt[] = [
    { ...attempt(1, scores(60, 55, 40, 70, 50, 80)), title: { "zh-CN": "把冰卖给爱斯基摩人", en: 'Ice, "cold", to the Inuit' } },
    { ...attempt(2, scores(-5, 0, 100, 12, 50, 15)), mode: "assessment", total: -3, ending: "=HYPERLINK(1)", seed: "+42" },
    { ...attempt(3, scores(50, 50, 50, 50, 50, 50)), learner: "王芳, Sales East", learnerId: "u-17", seconds: 754, ending: "won", endingTitle: { "zh-CN": "赢单", en: "Won the deal" } },
  ];

  it("round-trips every field, quotes and Chinese included, and defuses spreadsheet formulas", () => {
    const text = attemptsToCsv(history);
    expect(text.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).toContain('"Ice, ""cold"", to the Inuit"');
    expect(attemptsFromCsv(text)).toEqual({ attempts: history, problems: [] });
    expect(attemptsFromCsv("\uFEFF" + text).attempts).toHaveLength(3);
    // The learner, the time spent and the ending's title sit beside the ids.
    const header = text.split("\r\n")[0]!.split(",");
    expect(header.indexOf("learner")).toBeLessThan(header.indexOf("scenario_id"));
    expect(header.indexOf("ending_en")).toBe(header.indexOf("ending") + 2);
    expect(text.split("\r\n")[3]).toContain('"王芳, Sales East",u-17,ice-to-eskimos');
    expect(text.split("\r\n")[3]).toContain(",754,won,赢单,Won the deal,");
  });

  it("reports each bad row by line and keeps the good ones", () => {
    const lines = attemptsToCsv(history).trimEnd().split("\r\n");
    const broken = [lines[0], lines[1]!.replace("practice", "cheating"), lines[2], lines[3]!.replace("ice-to-eskimos", ""), lines[3]!.replace(",754,", ",-5,")].join("\n");
    const r = attemptsFromCsv(broken);
    expect(r.attempts).toHaveLength(1);
    expect(r.problems).toEqual(["line 2: mode", "line 4: scenario_id", "line 5: seconds"]);
  });

  it("still imports an export from before the learner, time and ending-title columns", () => {
    const old = "at,scenario_id,title_zh_cn,title_en,mode,total,questioning,listening,presenting,relationships,strategy,outcome,ending,seed\r\n2026-11-05T10:00:00.000Z,ice-to-eskimos,,,practice,40,1,2,3,4,5,6,won,9\r\n";
    const r = attemptsFromCsv(old);
    expect(r.problems).toEqual([]);
    expect(r.attempts[0]).toEqual({ at: "2026-11-05T10:00:00.000Z", scenarioId: "ice-to-eskimos", mode: "practice", total: 40, competencies: scores(1, 2, 3, 4, 5, 6), ending: "won", seed: "9" });
  });

  it("refuses a file that is not an exported history", () => {
    expect(() => attemptsFromCsv("name,score\nann,3\n")).toThrow(/line 1: missing the columns at, scenario_id/);
    expect(() => attemptsFromCsv("")).toThrow(/line 1/);
  });

  it("merges an import on another device without duplicates", () => {
    const a = createAppStore(memoryStorage());
    a.getState().mergeAttempts(history);
    const b = createAppStore(memoryStorage());
    b.getState().recordAttempt({ scenarioId: "first-meetings", total: 40, competencies: scores(1, 2, 3, 4, 5), ending: "won", seed: 1, at: at(9) });
    const imported = attemptsFromCsv(attemptsToCsv(a.getState().attempts)).attempts;
    expect(b.getState().mergeAttempts(imported)).toBe(history.length);
    expect(b.getState().mergeAttempts(attemptsFromCsv(attemptsToCsv(b.getState().attempts)).attempts)).toBe(0);
    expect(b.getState().attempts.map((x) => x.at)).toEqual([at(1), at(2), at(3), at(9)]);
  });
});

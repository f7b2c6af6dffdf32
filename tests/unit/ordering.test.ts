/**
 * The scoring must agree with the research (DOMAIN.md §3-4): on every bundled scenario a
 * SPIN-disciplined player beats one who pitches features early, one who asks mostly
 * situation questions, and one who pushes to close — on the total and on the competency
 * each habit concerns. Margins are printed so balance drift is visible in CI logs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario, POLICIES, simulate, type Competency, type SimulationResult } from "../../src/engine/index.ts";

const RUNS = 300;
const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");
const rivals: Array<[string, Competency]> = [
  ["feature-dumper", "presenting"],
  ["situation-spammer", "questioning"],
  ["pushy-closer", "questioning"],
  ["random", "questioning"],
];

describe.each(files)("scoring agrees with the research on %s", (file) => {
  const scenario = loadScenario(JSON.parse(readFileSync(`scenarios/${file}`, "utf8")));
  const run = (name: string): SimulationResult => simulate(scenario, POLICIES[name]!, RUNS, 20261127);
  const disciplined = run("spin-disciplined");

  it.each(rivals)("spin-disciplined beats %s on the total and on %s", (name, competency) => {
    const other = run(name);
    const totalMargin = disciplined.total.median - other.total.median;
    const compMargin = disciplined.competencies[competency].median - other.competencies[competency].median;
    console.log(
      `${file}: spin-disciplined vs ${name}: total ${disciplined.total.median} vs ${other.total.median} (margin ${totalMargin}); ` +
        `${competency} ${disciplined.competencies[competency].median} vs ${other.competencies[competency].median} (margin ${compMargin})`,
    );
    expect(totalMargin).toBeGreaterThan(0);
    expect(disciplined.total.p10).toBeGreaterThan(other.total.median);
    expect(compMargin).toBeGreaterThan(0);
  });

  it("lets disciplined play finish and mostly reach a winning ending", () => {
    expect(disciplined.endings["(unfinished)"] ?? 0).toBe(0);
    const wins = Object.entries(disciplined.endings)
      .filter(([id]) => ["won", "strategic-partner"].includes(scenario.endings[id]!.outcome))
      .reduce((n, [, c]) => n + c, 0);
    expect(wins / RUNS).toBeGreaterThan(0.5);
  });
});

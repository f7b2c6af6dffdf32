import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenarioText, createRunner, isError, loadScenario, restoreRun, saveRun } from "../../src/engine/index.ts";
import { entryFromText } from "../../src/content/catalogue.ts";
import { playThrough } from "./helpers.ts";

const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");

describe.each(files)("bundled scenario %s", (file) => {
  const text = readFileSync(`scenarios/${file}`, "utf8");
  const scenario = loadScenario(JSON.parse(text));

  it("passes the full checker (teaching-lint warnings aside) and ships in zh-CN and en", () => {
    expect(checkScenarioText(text).problems.filter(isError)).toEqual([]);
    expect([...scenario.meta.locales].sort()).toEqual(["en", "zh-CN"]);
    expect(entryFromText(file, text).ok).toBe(true);
  });

  it("reaches an ending, never stuck, under 300 random playthroughs", () => {
    const endings = new Set<string>();
    for (let seed = 0; seed < 300; seed++) {
      let k = seed * 7919 + 1;
      const r = playThrough(createRunner(scenario, seed), (x) => {
        k = (k * 48271) % 2147483647;
        return x.options[k % x.options.length]!.id;
      });
      expect(r.status, `seed ${seed}: ${JSON.stringify(r.state.log.at(-1))}`).toBe("ended");
      endings.add(r.state.ending!);
    }
    expect(endings.size).toBeGreaterThanOrEqual(2);
  });

  it("can be saved and resumed at every step with the same result", () => {
    const first = (x: { options: readonly { id: string }[] }) => x.options[0]!.id;
    const straight = playThrough(createRunner(scenario, 9), first);
    const r = createRunner(scenario, 9);
    for (let i = 0; i < 500 && r.status !== "ended"; i++) {
      const resumed = restoreRun(scenario, JSON.parse(JSON.stringify(saveRun(r))));
      expect(resumed.state).toEqual(r.state);
      if (r.status === "line") r.advance();
      else r.choose(first(r));
    }
    expect(r.state).toEqual(straight.state);
  });
});

it("the default starter scenario is bundled", () => {
  expect(files).toContain("first-meetings.json");
});

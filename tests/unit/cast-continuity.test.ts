import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";

// keep-and-grow is first-meetings' client two years on: a person who appears in both is the same person.
const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => ({ file: f, scenario: loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))) }));

it("a stakeholder id used in several bundled scenarios keeps one name, title, department and portrait", () => {
  const first = new Map<string, { file: string; who: unknown }>();
  let shared = 0;
  for (const { file, scenario } of scenarios) {
    for (const [id, c] of Object.entries(scenario.cast)) {
      const who = { name: c.name, title: c.title, department: c.department, archetype: c.archetype };
      const before = first.get(id);
      if (!before) first.set(id, { file, who });
      else {
        shared++;
        expect(who, `"${id}" in ${file} differs from ${before.file}`).toEqual(before.who);
      }
    }
  }
  // Huarui's five people carry over from first-meetings to keep-and-grow.
  expect(shared).toBeGreaterThanOrEqual(5);
});

/**
 * The words the bundled scenarios' clients actually speak, heard over many seeded runs by every
 * policy (more runs than the teaching lint's probe, so a reaction reached only now and then is
 * heard too). Apart from reaction-lint.test.ts because it is a simulation: `npm run test:slow`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";
import { farewellReactionWarnings, sharedReactionWarnings } from "../../src/engine/reaction-lint.ts";
import { createRunner } from "../../src/engine/runner.ts";
import { POLICIES } from "../../src/engine/simulate.ts";
import { createRng, seedToState } from "../../src/engine/rng.ts";

describe("the words the bundled scenarios' clients actually speak", () => {
  const files = readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json");
  it.each(files)("%s: no two people share a reaction's words, and none says goodbye mid-meeting", (file) => {
    const scenario = loadScenario(JSON.parse(readFileSync(`scenarios/${file}`, "utf8")));
    const heard = new Map<string, Set<string>>();
    for (const policy of Object.values(POLICIES)) {
      const rng = createRng(seedToState(`voices:${policy.name}`));
      for (let i = 0; i < 40; i++) {
        const r = createRunner(scenario, `voices:${policy.name}:${i}`, { advise: false });
        let meeting: string | undefined;
        for (let step = 0; step < 2000 && (r.status === "line" || r.status === "awaiting-choice"); step++) {
          if (r.status === "line") {
            const line = r.line;
            if (line?.reaction && line.speaker) heard.set(line.speaker, (heard.get(line.speaker) ?? new Set()).add(line.reaction));
            r.advance();
            continue;
          }
          const m = r.state.account.meeting;
          if (m && m.id !== meeting) r.setListening(policy.listening(r, rng));
          meeting = m?.id;
          r.choose(policy.choose(r, rng));
        }
      }
    }
    expect(heard.size).toBeGreaterThan(1);
    const warnings = [...sharedReactionWarnings(scenario, heard), ...farewellReactionWarnings(scenario)];
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([]);
  });
});

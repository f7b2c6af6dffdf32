/**
 * The scenarios a room can play: the bundled files in scenarios/, loaded and validated by
 * the engine. A broken file is reported on the console and left out; the server runs on.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadScenario, type Scenario } from "../src/engine/index.ts";
import type { ScenarioInfo } from "../src/room/protocol.ts";

export interface ScenarioShelf {
  get(id: string): Scenario | undefined;
  list(): ScenarioInfo[];
}

export function loadShelf(dir: string, warn: (msg: string) => void = console.warn): ScenarioShelf {
  const byId = new Map<string, Scenario>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
    .sort();
  for (const file of files) {
    try {
      const scenario = loadScenario(JSON.parse(readFileSync(join(dir, file), "utf8")));
      byId.set(scenario.meta.id, scenario);
    } catch (e) {
      warn(`${file}: left out of the room server: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  const infos: ScenarioInfo[] = [...byId.values()]
    .map((s) => ({
      id: s.meta.id,
      title: s.meta.title,
      summary: s.meta.summary,
      minutes: s.meta.estimatedMinutes,
      difficulty: s.meta.difficulty ?? null,
    }))
    .sort((a, b) => a.minutes - b.minutes);
  return { get: (id) => byId.get(id), list: () => infos };
}

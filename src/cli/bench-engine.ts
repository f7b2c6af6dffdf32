/**
 * `npm run bench:engine`: how many playthroughs (and decisions) per second the engine
 * sustains on each bundled scenario, on one core, with the random policy. Beside it, in
 * the same run, a baseline: a bare walk of the same scenario graph (random options, no
 * rules, no state, no log), which is what the engine's work is measured against.
 * Target (issue #3): at least 10,000 playthroughs per second.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadScenario, type Scenario } from "../engine/loader.ts";
import { createRng, seedToState } from "../engine/rng.ts";
import { playOnce, POLICIES } from "../engine/simulate.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const TARGET = 10_000;

function measure(fn: () => number): { perSec: number; unitsPerSec: number } {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  let runs = 0;
  let units = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < 50; i++) {
      units += fn();
      runs++;
    }
    elapsed = performance.now() - start;
  }
  return { perSec: (runs * 1000) / elapsed, unitsPerSec: (units * 1000) / elapsed };
}

/** Baseline: follow random options through the node graph; no conditions, effects or rules. */
function bareWalk(s: Scenario, rng: { next(): number }): number {
  let node = s.nodes[s.start]!;
  let decisions = 0;
  for (let i = 0; i < 10_000; i++) {
    if (node.ending) break;
    let next = node.next;
    if (node.options) {
      const o = node.options[Math.floor(rng.next() * node.options.length)]!;
      decisions++;
      next = o.next ?? findGoto(o.effects ?? []);
    }
    if (!next || !s.nodes[next]) break;
    node = s.nodes[next]!;
  }
  return decisions;
}
function findGoto(effects: readonly object[]): string | undefined {
  for (const e of effects) {
    if ("goto" in e) return (e as { goto: string }).goto;
    if ("then" in e) return findGoto((e as { then: object[] }).then);
    if ("random" in e) return findGoto((e as { random: { effects: object[] }[] }).random[0]!.effects);
  }
  return undefined;
}

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length ? args : readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json").map((f) => `scenarios/${f}`);
console.log(`bench:engine · ${SECONDS}s per measurement · node ${process.version} · one core`);
console.log("scenario".padEnd(22) + "engine runs/s".padStart(15) + "decisions/s".padStart(14) + "baseline walks/s".padStart(18) + "engine/baseline".padStart(17) + "  target");
let ok = true;
for (const f of files) {
  const s = loadScenario(JSON.parse(readFileSync(f, "utf8")));
  const policy = POLICIES.random!;
  const rng = createRng(seedToState("bench"));
  let i = 0;
  const engine = measure(() => playOnce(s, policy, i++, rng).state.turn);
  const base = measure(() => bareWalk(s, rng));
  const pass = engine.perSec >= TARGET;
  ok &&= pass;
  console.log(
    f.split("/").pop()!.padEnd(22) +
      Math.round(engine.perSec).toLocaleString("en").padStart(15) +
      Math.round(engine.unitsPerSec).toLocaleString("en").padStart(14) +
      Math.round(base.perSec).toLocaleString("en").padStart(18) +
      (engine.perSec / base.perSec).toFixed(3).padStart(17) +
      `  ${pass ? "ok" : "BELOW"} (≥ ${TARGET.toLocaleString("en")}/s)`,
  );
}
process.exitCode = ok ? 0 : 1;

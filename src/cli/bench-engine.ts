/**
 * `npm run bench:engine`: how many playthroughs (and decisions) per second the engine
 * sustains on each bundled scenario, on one core, with the random policy, beside a
 * baseline measured in the same run: a bare walk of the same scenario graph (random
 * options, no rules, no state, no log). The two alternate in short slices over several
 * rounds, so a machine whose speed drifts affects both alike; the ratio engine/baseline is
 * the figure to judge (issue #13: at least 0.025 on the starter). Prints medians, the
 * spread (min–max over rounds) and the CPU model.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { loadScenario, type Scenario } from "../engine/loader.ts";
import { createRng, seedToState } from "../engine/rng.ts";
import { playOnce, POLICIES } from "../engine/simulate.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SLICE_MS = Number(process.env.BENCH_SLICE_MS ?? 300);
const TARGET_RATIO = 0.025;

/** Runs `fn` for about `ms` and returns runs and units per second. */
function slice(fn: () => number, ms: number): { perSec: number; unitsPerSec: number } {
  let runs = 0;
  let units = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en");

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length ? args : readdirSync("scenarios").filter((f) => f.endsWith(".json") && f !== "scenario.schema.json").map((f) => `scenarios/${f}`);
console.log(`bench:engine · ${ROUNDS} rounds of ${SLICE_MS} ms slices, engine and baseline alternating · node ${process.version} · one core`);
console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores)`);
console.log("scenario".padEnd(22) + "engine runs/s".padStart(15) + "decisions/s".padStart(13) + "baseline/s".padStart(13) + "ratio (median)".padStart(16) + "ratio min–max".padStart(16));
let starterOk = true;
for (const f of files) {
  const s = loadScenario(JSON.parse(readFileSync(f, "utf8")));
  const policy = POLICIES.random!;
  const rng = createRng(seedToState("bench"));
  let i = 0;
  const engineRun = () => playOnce(s, policy, i++, rng).state.turn;
  const baseRun = () => bareWalk(s, rng);
  for (let w = 0; w < 300; w++) {
    engineRun(); // warm up the JIT
    baseRun();
  }
  const engine: number[] = [];
  const decisions: number[] = [];
  const base: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const e = slice(engineRun, SLICE_MS);
    const b = slice(baseRun, SLICE_MS);
    engine.push(e.perSec);
    decisions.push(e.unitsPerSec);
    base.push(b.perSec);
    ratios.push(e.perSec / b.perSec);
  }
  const ratio = median(ratios);
  if (f.endsWith("first-meetings.json")) starterOk = ratio >= TARGET_RATIO;
  console.log(
    f.split("/").pop()!.padEnd(22) +
      fmt(median(engine)).padStart(15) +
      fmt(median(decisions)).padStart(13) +
      fmt(median(base)).padStart(13) +
      ratio.toFixed(4).padStart(16) +
      `${Math.min(...ratios).toFixed(4)}–${Math.max(...ratios).toFixed(4)}`.padStart(16),
  );
}
console.log(`starter target: ratio ≥ ${TARGET_RATIO} of the bare walk — ${starterOk ? "met" : "NOT met"}`);

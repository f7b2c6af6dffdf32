/**
 * `npm run simulate -- <scenario.json> --policy <name> --runs N --seed S [--json]`
 * Plays a scenario headless and prints the score distribution and endings reached.
 */
import { readFileSync } from "node:fs";
import { checkScenarioBytes } from "../engine/check.ts";
import { freezeScenario } from "../engine/loader.ts";
import { formatProblem } from "../engine/problems.ts";
import { POLICIES, simulate, type SimulationResult } from "../engine/simulate.ts";
import { COMPETENCIES } from "../engine/vocabulary.ts";
import { bestPositions, distinctStories, measureReactivity } from "../engine/variety.ts";

function usage(message?: string): never {
  if (message) console.error(`simulate: ${message}`);
  console.error("usage: npm run simulate -- <scenario.json> --policy <name> --runs N --seed S [--json] [--report]");
  console.error("  --report  also: how often the best option is listed at each position, how many choice points change what the client says next, distinct stories of 20 seeds");
  console.error("policies:");
  for (const p of Object.values(POLICIES)) console.error(`  ${p.name.padEnd(18)} ${p.describe}`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== "--");
let file: string | undefined;
let policyName = "random";
let runs = 1000;
let seed: string | number = 1;
let json = false;
let report = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--policy") policyName = args[++i] ?? usage("--policy needs a name");
  else if (a === "--runs") runs = Number(args[++i]);
  else if (a === "--seed") seed = args[++i] ?? usage("--seed needs a value");
  else if (a === "--json") json = true;
  else if (a === "--report") report = true;
  else if (a === "--help" || a === "-h") usage();
  else if (a.startsWith("--")) usage(`unknown option ${a}`);
  else file = a;
}
if (!file) usage("name a scenario file");
if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000) usage("--runs takes a whole number from 1");
const policy = POLICIES[policyName] ?? usage(`unknown policy "${policyName}"`);
if (/^-?\d+$/.test(String(seed))) seed = Number(seed);

let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`${file}: $: cannot read: ${(e as NodeJS.ErrnoException).code ?? e}`);
  process.exit(1);
}
const { data, problems } = checkScenarioBytes(bytes);
const fatal = data ? [] : problems;
if (!data || fatal.length) {
  for (const p of problems) console.error(`${file}: ${formatProblem(p)}`);
  process.exit(1);
}
const scenario = freezeScenario(data);
const result: SimulationResult = simulate(scenario, policy, runs, seed);
if (json) console.log(JSON.stringify(result));
else {
  const f = (s: { median: number; p10: number; p90: number }) => `${String(s.median).padStart(4)} ${String(s.p10).padStart(4)} ${String(s.p90).padStart(4)}`;
  console.log(`${result.scenario} · policy ${result.policy} · ${runs} runs · seed ${seed}`);
  console.log(`${"".padEnd(15)}median  p10  p90`);
  console.log(`${"total".padEnd(15)}${f(result.total)}`);
  for (const c of COMPETENCIES) console.log(`${c.padEnd(15)}${f(result.competencies[c])}`);
  console.log("endings:");
  for (const [id, n] of Object.entries(result.endings).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${id.padEnd(24)} ${String(n).padStart(6)}  ${((100 * n) / runs).toFixed(1)}%`);
  }
}
if (report) {
  const positions = bestPositions(scenario, policy, Math.min(runs, 200));
  const total = positions.reduce((a, b) => a + b, 0) || 1;
  console.log(`best option listed at position (1 = first): ${positions.map((n, i) => `${i + 1}: ${((100 * n) / total).toFixed(0)}%`).join("  ")}`);
  const r = measureReactivity(scenario, policy, 20);
  console.log(`choice points that change what the client says next: ${r.reactive}/${r.choicePoints}${r.flat.length ? ` (flat: ${r.flat.join(", ")})` : ""}`);
  console.log(`distinct stories in 20 seeds of this policy: ${distinctStories(scenario, policy, 20)}`);
}

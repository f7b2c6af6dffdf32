/**
 * `npm run bench:tells -- [--runs N] [--seed S] [scenario.json…]`
 * Surface tells (issue #21): for each bundled scenario, what players who read only the
 * option texts (ends in ？, longest, says 您/you, has a figure…) or only the move marks (a
 * fixed order of S/P/I/N/B/…, and the best fixed order a search finds) score against random
 * and good play. Medians and means over the same seeds; a surface player more than 10 above
 * random play is flagged: the content pays a rule of form.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadScenario } from "../engine/loader.ts";
import { measureTells, type TellRow } from "../engine/tell-search.ts";

/** A surface player this far above random play (median total) is a tell worth fixing. */
export const TELL_MARGIN = 10;

const args = process.argv.slice(2).filter((a) => a !== "--");
let runs = 200;
let seed = "tells";
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--runs") runs = Number(args[++i]);
  else if (a === "--seed") seed = args[++i] ?? "tells";
  else if (a.startsWith("--")) {
    console.error(`bench:tells: unknown option ${a}\nusage: npm run bench:tells -- [--runs N] [--seed S] [scenario.json…]`);
    process.exit(2);
  } else files.push(a);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error("bench:tells: --runs takes a whole number from 1");
  process.exit(2);
}
if (!files.length) for (const f of readdirSync("scenarios").sort()) if (f.endsWith(".json") && f !== "scenario.schema.json") files.push(`scenarios/${f}`);

const fmt = (n: number) => n.toFixed(1).padStart(6);
let flagged = 0;
for (const file of files) {
  let scenario;
  try {
    scenario = loadScenario(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    console.error(`${file}: $: ${(e as Error).message}`);
    process.exitCode = 1;
    continue;
  }
  const started = performance.now();
  const r = measureTells(scenario, runs, seed, { runs: Math.min(runs, 24), passes: 3 });
  console.log(`\n${r.scenario} · ${runs} seeds · seed ${seed} · best mark order found (${r.search.tried} orders tried): ${r.search.order.join(" > ")}`);
  console.log(`${"policy".padEnd(28)}median   mean  above random`);
  const line = (x: TellRow, flag = "") => console.log(`${x.policy.padEnd(28)}${fmt(x.median)} ${fmt(x.mean)} ${fmt(x.margin)}${flag}`);
  line(r.random);
  line(r.good);
  for (const x of r.surface) {
    const tell = x.margin > TELL_MARGIN;
    if (tell) flagged++;
    line(x, tell ? `  ← more than ${TELL_MARGIN} above random` : "");
  }
  const worst = r.surface.reduce((a, b) => (b.median > a.median ? b : a));
  console.log(`best surface player: ${worst.policy} ${worst.median.toFixed(1)} (random +${worst.margin.toFixed(1)}); good play leads it by ${(r.good.median - worst.median).toFixed(1)} · ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log(flagged ? `\n${flagged} surface player(s) more than ${TELL_MARGIN} above random` : `\nno surface player more than ${TELL_MARGIN} above random`);

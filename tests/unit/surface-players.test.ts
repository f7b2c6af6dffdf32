/**
 * No surface tell wins (issue #21): on every bundled scenario, players who read only the
 * option texts or only the move marks (surface-policies.ts, and the best fixed mark order
 * a search finds) score no more than 10 above random play (median total), and good play
 * leads every one of them clearly. The same measure as `npm run bench:tells`, on fewer seeds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/engine/index.ts";
import { measureTells } from "../../src/engine/tell-search.ts";
import { teachingLint } from "../../src/engine/teaching-lint.ts";

/** Most a surface player may score above random play (median total). */
const TELL_MARGIN = 10;
/** Least good play must lead every surface player by. */
const GOOD_LEAD = 20;
/**
 * Surface players known to still score more than 10 above random, per scenario, until the
 * content or the scoring changes. The test wants exactly this list, so an entry must go when
 * its tell is fixed, and a new tell fails the test. Today's: a player who brings a colleague
 * whenever one is offered, and the searched order, collect relationship and strategy points
 * on a lost deal (and
 * random play's median is pulled down by bribery disqualifications, which these players never risk).
 */
const KNOWN_TO_PAY: Record<string, string[]> = {
  "first-meetings": ["tags-team-first", "tags-best-found"],
  "ice-to-eskimos": ["tags-best-found"],
  "keep-and-grow": ["tags-spin-first", "tags-team-first", "tags-best-found"],
};
/** Scenarios whose texts still fail the lint's surface-tell rule (the test wants the warning until the rewrite). */
const LINT_PENDING = new Set<string>([]);

const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))));

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("surface players on %s", (id, s) => {
  it("score no more than 10 above random (but for the known ones), and good play leads the rest clearly", { timeout: 40_000 }, () => {
    const r = measureTells(s, 120, "test", { runs: 16, passes: 3 });
    const best = r.surface.reduce((a, b) => (b.median > a.median ? b : a));
    console.log(`${id}: random ${r.random.median}, good ${r.good.median}, best surface ${best.policy} ${best.median} (+${best.margin.toFixed(1)}); searched order ${r.search.order.join(" > ")}`);
    for (const x of r.surface) if (x.margin > TELL_MARGIN) console.log(`  ${x.policy} +${x.margin.toFixed(1)}`);
    const over = r.surface.filter((x) => x.margin > TELL_MARGIN).map((x) => x.policy);
    expect(over.sort()).toEqual([...(KNOWN_TO_PAY[id] ?? [])].sort());
    const known = new Set(KNOWN_TO_PAY[id] ?? []);
    for (const x of r.surface.filter((y) => !known.has(y.policy))) expect(r.good.median - x.median, x.policy).toBeGreaterThanOrEqual(GOOD_LEAD);
  });

  it("passes the teaching lint's surface-tell rule", () => {
    const tells = teachingLint(s).filter((p) => p.message.startsWith("surface tell"));
    if (LINT_PENDING.has(id)) {
      expect(tells.length, "this scenario passes the rule now: take it off LINT_PENDING").toBeGreaterThan(0);
      return;
    }
    expect(tells.map((p) => p.message)).toEqual([]);
  });
});

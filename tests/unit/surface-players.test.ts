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
/** Least good play must lead the best surface player by. */
const GOOD_LEAD = 20;
/**
 * Scenarios whose texts still pay a rule of form, until their rewrite lands: for these the
 * test checks that the tell is still there, so an entry must go when its scenario is fixed.
 */
const NOT_YET_REWRITTEN = new Set<string>(["first-meetings", "keep-and-grow"]);
/**
 * Scenarios where the best mark order the search finds still pays more than 10 (a lost deal
 * played with the second-best move at every step still scores well above random play): the
 * test checks it still does, so an entry must go when its scenario is fixed.
 */
const BEST_ORDER_STILL_PAYS = new Set<string>(["first-meetings", "ice-to-eskimos", "keep-and-grow"]);

const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))));

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("surface players on %s", (id, s) => {
  const report = () => (cache ??= measureTells(s, 120, "test", { runs: 16, passes: 3 }));
  let cache: ReturnType<typeof measureTells> | undefined;

  it("no text-only or fixed-order player scores more than 10 above random, and good play leads them all", { timeout: 30_000 }, () => {
    const r = report();
    const fixed = r.surface.filter((x) => x.policy !== "tags-best-found");
    const best = fixed.reduce((a, b) => (b.median > a.median ? b : a));
    console.log(`${id}: random ${r.random.median}, good ${r.good.median}, best text/fixed-order player ${best.policy} ${best.median} (+${best.margin.toFixed(1)})`);
    const over = fixed.filter((x) => x.margin > TELL_MARGIN).map((x) => `${x.policy} +${x.margin.toFixed(1)}`);
    if (NOT_YET_REWRITTEN.has(id)) {
      expect(over.length, "this scenario no longer pays a tell: take it off NOT_YET_REWRITTEN").toBeGreaterThan(0);
      return;
    }
    expect(over).toEqual([]);
    expect(r.good.median - best.median).toBeGreaterThanOrEqual(GOOD_LEAD);
  });

  it("the best fixed mark order a search finds scores no more than 10 above random", { timeout: 30_000 }, () => {
    const r = report();
    const found = r.surface.find((x) => x.policy === "tags-best-found")!;
    console.log(`${id}: best mark order found ${found.median} (+${found.margin.toFixed(1)}), good ${r.good.median}: ${r.search.order.join(" > ")}`);
    if (BEST_ORDER_STILL_PAYS.has(id)) {
      expect(found.margin, "the searched order no longer pays: take the scenario off BEST_ORDER_STILL_PAYS").toBeGreaterThan(TELL_MARGIN);
      return;
    }
    expect(found.margin).toBeLessThanOrEqual(TELL_MARGIN);
    expect(r.good.median - found.median).toBeGreaterThanOrEqual(GOOD_LEAD);
  });

  it("passes the teaching lint's surface-tell rule", () => {
    const tells = teachingLint(s).filter((p) => p.message.startsWith("surface tell"));
    if (NOT_YET_REWRITTEN.has(id)) {
      expect(tells.length, "this scenario passes the rule now: take it off NOT_YET_REWRITTEN").toBeGreaterThan(0);
      return;
    }
    expect(tells.map((p) => p.message)).toEqual([]);
  });
});

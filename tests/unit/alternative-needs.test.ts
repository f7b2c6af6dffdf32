/**
 * Alternative hidden needs (issue #21): where needs of one stakeholder share a `group`, each
 * seed holds exactly one of them. On every bundled scenario that uses them: each alternative
 * turns up over the seeds; careful play reaches the best ending whichever one the client
 * holds; and a player who keeps asking about the need listed first — never listening for
 * the other — loses to careful play on the seeds where the client holds another one, and
 * loses more there than where the listed need is the one held.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, goodPlay, loadScenario, OUTCOMES, playOnce, seedToState, type Policy, type Runner, type Scenario } from "../../src/engine/index.ts";
import { bestOutcome } from "../../src/engine/view/reason.ts";

const SEEDS = 40;

/** Per stakeholder and group, the needs in the order the author wrote them. */
function groupsOf(s: Scenario): { who: string; needs: string[] }[] {
  const out: { who: string; needs: string[] }[] = [];
  for (const [who, c] of Object.entries(s.cast)) {
    const byGroup = new Map<string, string[]>();
    for (const [need, n] of Object.entries(c.needs ?? {})) if (n.group !== undefined) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), need]);
    for (const needs of byGroup.values()) out.push({ who, needs });
  }
  return out;
}

type Offered = Runner["options"][number];
const names = (o: Offered, set: ReadonlySet<string>) => "need" in o.move && o.move.need !== undefined && set.has(`${o.to}/${o.move.need}`);

/** The course's best option, ties by the order the author wrote them: nothing random. */
function byRank(r: Runner, pool: readonly Offered[]): string {
  const written = r.scenario.nodes[r.state.node]!.options!.map((o) => o.id);
  return [...pool].sort((a, b) => r.rank(b.id) - r.rank(a.id) || written.indexOf(a.id) - written.indexOf(b.id))[0]!.id;
}

const steady: Policy = { name: "steady", describe: "the course's best option, ties by written order", listening: () => ({ posture: "engaged", notes: true }), choose: (r) => byRank(r, r.options) };

/** Asks about the first-listed need of each group whenever it can, never about the others; otherwise plays like `steady`. */
function deafTo(groups: { who: string; needs: string[] }[]): Policy {
  const listed = new Set(groups.map((g) => `${g.who}/${g.needs[0]}`));
  const others = new Set(groups.flatMap((g) => g.needs.slice(1).map((n) => `${g.who}/${n}`)));
  return {
    name: "deaf",
    describe: "always asks about the need it expects, never about the one the client mentions instead",
    listening: () => ({ posture: "engaged", notes: true }),
    choose: (r) => {
      const wanted = r.options.filter((o) => names(o, listed));
      const rest = r.options.filter((o) => !names(o, others));
      return byRank(r, wanted.length ? wanted : rest.length ? rest : r.options);
    },
  };
}

const scenarios = readdirSync("scenarios")
  .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
  .map((f) => loadScenario(JSON.parse(readFileSync(`scenarios/${f}`, "utf8"))))
  .filter((s) => groupsOf(s).length > 0);

describe.each(scenarios.map((s) => [s.meta.id, s] as const))("%s", (_id, s) => {
  const groups = groupsOf(s);
  const best = OUTCOMES.indexOf(bestOutcome(s));
  const deaf = deafTo(groups);
  const runs = Array.from({ length: SEEDS }, (_, i) => {
    const seed = `alternatives:${i}`;
    const st = playOnce(s, steady, seed, createRng(seedToState("steady")));
    const held = groups.map((g) => g.needs.find((n) => Object.hasOwn(st.state.account.stakeholders[g.who]!.needs, n))!);
    const good = playOnce(s, goodPlay, seed, createRng(seedToState(`good:${i}`)));
    const d = playOnce(s, deaf, seed, createRng(seedToState("steady")));
    return { held, steady: st.score.total, deaf: d.score.total, goodWins: OUTCOMES.indexOf(s.endings[good.state.ending!]!.outcome) === best };
  });
  const other = runs.filter((r) => r.held.some((n, i) => n !== groups[i]!.needs[0]));
  const listed = runs.filter((r) => !other.includes(r));

  it("draws every alternative on some seeds, and good play wins whichever the client holds", () => {
    groups.forEach((g, i) => {
      const seen = new Set(runs.map((r) => r.held[i]));
      console.log(`${s.meta.id}: ${g.who} holds ${g.needs.map((n) => `${n} ${runs.filter((r) => r.held[i] === n).length}×`).join(", ")} over ${SEEDS} seeds`);
      expect([...seen].sort()).toEqual([...g.needs].sort());
    });
    expect(runs.filter((r) => !r.goodWins)).toEqual([]);
  });

  it("costs a player who never listens for the other need, on every seed where the client holds it", () => {
    const gap = (rs: typeof runs) => rs.reduce((a, r) => a + (r.steady - r.deaf), 0) / Math.max(1, rs.length);
    console.log(`${s.meta.id}: the deaf player trails careful play by ${gap(other).toFixed(1)} on ${other.length} seeds with another need, ${gap(listed).toFixed(1)} on ${listed.length} with the listed one`);
    expect(other.length).toBeGreaterThan(0);
    for (const r of other) expect(r.deaf).toBeLessThan(r.steady);
    expect(gap(other)).toBeGreaterThan(gap(listed) + 0.5);
  });
});

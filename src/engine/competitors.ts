/**
 * Competitors act as meetings start (a seeded script, DOMAIN.md §6). The switching cost
 * 客户转换成本 decides how much of each blow lands: deep, wide relationships and
 * integration protect the account.
 */
import { switchingCost } from "./account.ts";
import type { Meter } from "./vocabulary.ts";
import type { RunCore } from "./core.ts";

/** Which meter each kind of competitor action wears down. */
const ACTION_METER: Record<string, Meter | undefined> = { relationship: "trust", smear: "trust", demo: "interest", "price-cut": "interest" };

/** Every competitor scripted for this meeting and still in the race makes one move. */
export function competitorsAct(core: RunCore, meeting: string): void {
  const script = core.scenario.competitorScript!;
  for (const index of core.facts.competitorsAt.get(meeting) ?? []) {
    if (core.account.competitors[script[index]!.competitor]?.excluded === false) competitorMove(core, index);
  }
}

function competitorMove(core: RunCore, index: number): void {
  const a = core.account;
  const entry = core.scenario.competitorScript![index]!;
  const move = core.pick(entry.moves);
  const damage = Math.round(move.power * (1 - switchingCost(a) / 100));
  const rival = a.competitors[entry.competitor]!;
  rival.standing = Math.min(100, rival.standing + move.power * 4);
  if (move.action === "price-cut") a.pricePressure += move.power;
  const ev = {
    type: "competitor" as const,
    turn: core.s.turn,
    competitor: entry.competitor,
    action: move.action,
    damage,
    entry: index,
    move: entry.moves.indexOf(move),
  };
  core.log(move.target ? { ...ev, target: move.target } : ev);
  const meter = ACTION_METER[move.action];
  core.cause = "competitor";
  if (meter) for (const who of move.target ? [move.target] : Object.keys(a.stakeholders)) core.meter(who, meter, -damage);
  core.updateLevels();
  core.cause = undefined;
}

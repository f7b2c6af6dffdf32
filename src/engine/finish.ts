/**
 * Ending a run: the meeting in progress closes, open shortlist tasks fail, the account's
 * final state is scored (switching cost, anyone still a stranger) and the ending sets the
 * outcome. A disqualification for bribery voids the total (scorecard.ts).
 */
import { levelIndex, PAIR_COVERS, switchingCost } from "./account.ts";
import type { RunCore } from "./core.ts";
import { endMeeting } from "./meetings.ts";
import { failOpenTasks, hasShortlistStage } from "./pipeline.ts";
import { OUTCOME_POINTS } from "./scorecard.ts";

/** Strategy points for each client department a colleague covers (or, left to the lone rep, costs). */
const TEAM_POINTS = 5;
/** Relationship points for each stakeholder the rep never got past stranger with. */
const STILL_STRANGER = -3;

/** Whether an ending is the compliance policy's disqualification. */
export function isDisqualification(core: Pick<RunCore, "scenario">, ending: string | null): boolean {
  return ending !== null && core.scenario.policy?.disqualifiedEnding === ending;
}

/**
 * The virtual sales organisation 大客户销售虚拟化组织: the deal belongs to the whole company.
 * Where the scenario lets the rep bring colleagues in, each client department a colleague
 * covers counts for strategy and each one left to the lone rep counts against it.
 */
function teamCoverage(core: RunCore): void {
  if (!core.facts.teamPlay) return;
  const depts = core.facts.departments;
  const pairs = core.account.pairs;
  let covered = 0;
  for (const d of depts) if (pairs.some((p) => PAIR_COVERS[p].includes(d))) covered++;
  const uncovered = depts.length - covered;
  if (covered) core.award("strategy", TEAM_POINTS * covered, "strategy.team-coverage");
  if (uncovered) core.award("strategy", -TEAM_POINTS * uncovered, "strategy.lone-tiger");
}

export function finishRun(core: RunCore, ending: string): void {
  const s = core.s;
  const a = s.account;
  endMeeting(core);
  s.reaction = null;
  if (hasShortlistStage(core.scenario)) failOpenTasks(core);
  const disqualified = isDisqualification(core, ending);
  // A disqualified run is judged on the gift alone: the account it never got to build is not its lesson.
  if (!disqualified) {
    const sc = switchingCost(a);
    if (sc > 0) core.award("strategy", Math.round(sc / 10), "strategy.switching-cost");
    teamCoverage(core);
    for (const id in a.stakeholders) {
      if (levelIndex(a.stakeholders[id]!.level) === 0) core.award("relationships", STILL_STRANGER, "rel.still-stranger", id);
    }
  }
  const outcome = core.scenario.endings[ending]!.outcome;
  if (disqualified) {
    core.award("relationships", -10, "ethics.disqualified");
    core.award("strategy", -10, "ethics.disqualified");
  } else core.award("outcome", OUTCOME_POINTS[outcome], "outcome.ending");
  s.ending = ending;
  s.status = "ended";
  const ev = { type: "ended" as const, turn: s.turn, ending, outcome };
  s.log.push(disqualified ? { ...ev, disqualified } : ev);
}

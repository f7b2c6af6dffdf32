/**
 * The deal's pipeline (DOMAIN.md §1): stages in order with their gates, and the five
 * tasks of the shortlist stage. A task only counts where the scenario lets the player
 * work on it: a scenario with no 我定对手 move neither shows nor fails that task.
 */
import type { Scenario } from "./loader.ts";
import type { Effect } from "./schema.ts";
import { PIPELINE_STAGES, STAGE3_TASKS, type Stage3Task } from "./vocabulary.ts";
import type { RunCore } from "./core.ts";
import { derivedOnce } from "./derived.ts";

/** Whether the scenario covers the shortlist stage, whose five tasks the game then tracks. */
export function hasShortlistStage(scenario: Scenario): boolean {
  return scenario.stages.some((st) => st.pipeline === "shortlist");
}

function tasksDoneBy(effects: readonly Effect[] | undefined, into: Set<Stage3Task>): void {
  for (const e of effects ?? []) {
    if ("task" in e && e.status === "done") into.add(e.task);
    else if ("if" in e) {
      tasksDoneBy(e.then, into);
      tasksDoneBy(e.else, into);
    } else if ("random" in e) for (const b of e.random) tasksDoneBy(b.effects, into);
  }
}

/** The shortlist tasks some option, effect or stage change of this scenario can complete. */
export const tasksInPlay = derivedOnce((scenario: Scenario): ReadonlySet<Stage3Task> => {
  const found = new Set<Stage3Task>();
  if (hasShortlistStage(scenario)) {
    const order = scenario.stages.map((st) => PIPELINE_STAGES.indexOf(st.pipeline));
    const shortlist = PIPELINE_STAGES.indexOf("shortlist");
    if (order.some((o) => o > shortlist)) found.add("get-shortlisted");
    for (const node of Object.values(scenario.nodes)) {
      tasksDoneBy(node.onEnter, found);
      for (const o of node.options ?? []) {
        tasksDoneBy(o.effects, found);
        const m = o.move;
        if (m.kind === "pitch" && m.parts.includes("benefit") && m.need) found.add("guide-client");
        if ((m.kind === "pitch" && m.parts.includes("evidence")) || m.kind === "awareness") found.add("value-demonstration");
        if (m.kind === "rules") found.add("set-rules");
        if (m.kind === "screen") found.add("choose-opponents");
      }
    }
  }
  return new Set(STAGE3_TASKS.filter((t) => found.has(t)));
});

/** Leaving the shortlist stage (or ending the run) settles every task still open as failed. */
export function failOpenTasks(core: RunCore): void {
  for (const task of tasksInPlay(core.scenario)) if (core.account.tasks[task] === "open") core.setTask(task, "failed");
}

/** Moves the deal to a stage, unless its gate is closed (then the block is recorded for the debrief). */
export function changeStage(core: RunCore, to: string): void {
  const s = core.s;
  if (to === s.stage) return;
  const target = core.scenario.stages.find((st) => st.id === to)!;
  if (target.gate && !core.holds(target.gate)) {
    core.log({ type: "gate", turn: s.turn, stage: to });
    s.blocked.push({ stage: to, node: s.node, condition: target.gate, turn: s.turn });
    return;
  }
  const from = core.scenario.stages.find((st) => st.id === s.stage)!;
  core.log({ type: "stage", turn: s.turn, from: s.stage, to });
  s.stage = to;
  if (from.pipeline === "shortlist" && PIPELINE_STAGES.indexOf(target.pipeline) > PIPELINE_STAGES.indexOf("shortlist")) {
    core.setTask("get-shortlisted", "done");
    failOpenTasks(core);
  }
}

/** Whether a stage's gate would let the deal in now (true when it has none). */
export function gateOpen(core: RunCore, stageId: string): boolean {
  const gate = core.scenario.stages.find((st) => st.id === stageId)?.gate;
  return gate === undefined || core.holds(gate);
}

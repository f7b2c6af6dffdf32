/**
 * What a finished run adds to the history beyond its score: who played (the LMS's learner,
 * else the name in the settings), the time actually spent in it (the page visible, summed
 * over reloads through the autosave) and the ending's title beside its id.
 */
import type { Scenario } from "../engine/loader.ts";
import type { RunSnapshot } from "../engine/save.ts";
import type { RunMode, RunResult } from "../session/index.ts";
import type { AttemptInput } from "../store/history.ts";
import type { SharedServices } from "./services.ts";
import { VisibleClock } from "./visibleClock.ts";

/** The run's clock: what earlier pages spent (from the autosave) plus this page's visible time. */
export class RunTimer {
  private readonly clock = new VisibleClock(() => performance.now(), document.visibilityState !== "hidden");
  private readonly onVisibility = () => (document.visibilityState === "hidden" ? this.clock.pause() : this.clock.resume());

  constructor(private readonly before: number) {
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  spentMs(): number {
    return Math.round(this.before + this.clock.elapsed());
  }

  dispose(): void {
    document.removeEventListener("visibilitychange", this.onVisibility);
  }
}

export function attemptDetails(svc: Pick<SharedServices, "store" | "launch">, scenario: Scenario, ending: string, timer: RunTimer): Pick<AttemptInput, "learner" | "learnerId" | "seconds" | "endingTitle"> {
  const out: Pick<AttemptInput, "learner" | "learnerId" | "seconds" | "endingTitle"> = { seconds: Math.round(timer.spentMs() / 1000) };
  const name = svc.launch.learner?.name || svc.store.getState().settings.learnerName;
  if (name) out.learner = name;
  if (svc.launch.learner?.id) out.learnerId = svc.launch.learner.id;
  const title = Object.hasOwn(scenario.endings, ending) ? scenario.endings[ending]?.title : undefined;
  if (title) out.endingTitle = title;
  return out;
}

/**
 * What a run session in the game reports to: the autosave (with the time spent so far) and
 * the history. `ended` says whether the run has ended when the autosave is written.
 */
export function runPorts(svc: Pick<SharedServices, "store" | "launch">, scenario: Scenario, mode: RunMode, timer: RunTimer, ended: () => boolean) {
  return {
    mode,
    autosave: (snapshot: RunSnapshot) => svc.store.getState().saveRun({ scenarioId: scenario.meta.id, title: scenario.meta.title, snapshot, mode, ended: ended(), spentMs: timer.spentMs() }),
    record: (r: RunResult) => {
      // Every run goes into the history; only an assessment run is a record (recordAttempt keeps best scores for those).
      svc.store.getState().recordAttempt({ ...r, total: Math.round(r.total), title: scenario.meta.title, at: r.endedAt, ...attemptDetails(svc, scenario, r.ending, timer) });
    },
  };
}

/**
 * The LMS side of the game, loaded (its own chunk) only when the page was launched by an
 * LMS or for an LRS. It restores a run the LMS suspended, then follows the run in progress
 * through the store's autosaves and reports each step to SCORM and/or xAPI.
 * It hears the run through the run session the game hands it (Services.onSession): each
 * step event feeds the reports from the session's runner.
 */
import type { AppStore } from "../store/index.ts";
import type { Notice } from "../store/types.ts";
import { ensureCatalogue, findScenario } from "../game/catalogueService.ts";
import type { SharedServices } from "../game/services.ts";
import { saveRun } from "../engine/snapshot.ts";
import type { Scenario } from "../engine/loader.ts";
import type { Runner } from "../engine/runner.ts";
import { findScormApi, ScormConnection } from "./scorm-api.ts";
import { ScormReporter } from "./scorm.ts";
import { RunFeed, type RunListener } from "./tracker.ts";
import { encodeSuspend, resumeFromSuspend } from "./suspend.ts";
import { VisibleClock } from "../game/visibleClock.ts";
import { connectLrs } from "./lrs.ts";
import type { Refusal } from "./scorm-api.ts";

const DEFAULT_MASTERY = 70;

interface Followed {
  scenario: Scenario;
  seed: string | number;
  feed: RunFeed;
  registration: string;
}

function anonymousId(): string {
  const key = "dealcraft:learner";
  try {
    const v = localStorage.getItem(key);
    if (v) return v;
    const id = crypto.randomUUID();
    localStorage.setItem(key, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

/** Connects to the LMS/LRS before the game starts, so a suspended run is in the store when the title looks for it. */
export async function startLms(svc: SharedServices, params: URLSearchParams): Promise<void> {
  const store: AppStore = svc.store;
  const m = Number(params.get("mastery"));
  const mastery = Number.isFinite(m) && params.has("mastery") ? Math.min(100, Math.max(0, m)) : DEFAULT_MASTERY;
  const locale = store.getState().settings.locale;

  // Time actually spent in this launch: it stops while the page is hidden.
  const clock = new VisibleClock(() => performance.now(), document.visibilityState !== "hidden");
  const found = findScormApi(window);
  const scorm = found ? new ScormReporter(new ScormConnection(found), mastery, { now: Date.now, spent: () => clock.elapsed(), later: (fn, ms) => void setTimeout(fn, ms) }) : null;
  if (scorm) {
    scorm.onProblem = (r) => {
      const notice = refusalNotice(r);
      store.getState().notify(notice);
      // A detail refused for good is said once, then leaves the screen; the others stay until they are sent.
      if (notice.key === "notice.lms-refused-final") setTimeout(() => store.getState().withdraw(notice.key), 10_000);
    };
    scorm.onRecovered = (what) => store.getState().withdraw(what === "commit" ? "notice.lms-commit-failed" : "notice.lms-refused");
  }
  const suspended = scorm?.start() ?? null;
  const fromLms = scorm?.learner();
  if (fromLms && (fromLms.name || fromLms.id)) svc.launch.learner = fromLms;

  const link = await connectLrs(params, location.href, anonymousId, mastery, { now: Date.now, spent: () => clock.elapsed() }, store.getState().settings.learnerName).catch((e: unknown) => {
    store.getState().notify({ key: "notice.lrs-failed", vars: { reason: e instanceof Error ? e.message : String(e) } });
    return null;
  });
  const xapi = link?.reporter ?? null;
  if (link && !link.reporter) store.getState().notify({ key: "notice.cmi5-ended" });
  if (link?.learnerName && !svc.launch.learner) svc.launch.learner = { name: link.learnerName };
  if (link) {
    window.addEventListener("online", () => link.queue.wake());
    void link.queue.flush(); // what an earlier page left unsent
  }

  await ensureCatalogue(svc);
  const listeners: RunListener[] = [scorm, xapi].filter((x): x is NonNullable<typeof x> => x !== null);
  const fan: RunListener = {
    onDecision: (d) => listeners.forEach((l) => l.onDecision?.(d)),
    onStage: (s) => listeners.forEach((l) => l.onStage?.(s)),
    onEnded: (e) => listeners.forEach((l) => l.onEnded?.(e)),
  };
  let followed: Followed | null = null;

  const follow = (scenario: Scenario, runner: Runner, rebuilt: boolean) => {
    const key = `${scenario.meta.id}|${runner.seed}`;
    if (!followed || followed.scenario !== scenario || followed.seed !== runner.seed) {
      followed = { scenario, seed: runner.seed, feed: new RunFeed(scenario, fan, locale), registration: "" };
      // What earlier pages of this run already reported (a reload) is not reported again;
      // a run rebuilt from the LMS's suspend data was reported in an earlier session.
      const mark = readMark(key);
      if (rebuilt) followed.feed.skip(runner.state.log.length, runner.state.log.filter((e) => e.type === "choice").length);
      else if (mark && mark.events <= runner.state.log.length) followed.feed.skip(mark.events, mark.decisions);
      followed.registration = xapi?.begin({ id: scenario.meta.id, title: { ...scenario.meta.title } as Record<string, string> }, mark?.registration || undefined) ?? "";
    }
    followed.feed.update(runner);
    writeMark(key, { events: followed.feed.seenEvents, decisions: followed.feed.reported, registration: followed.registration });
    if (runner.status !== "ended") scorm?.suspend(encodeSuspend(runner), runner.state.node);
  };

  // A run the LMS kept: rebuilt from its decisions and put in the store, for the title to continue.
  if (suspended) {
    const scenario = findScenario(svc, suspended.scenarioId);
    try {
      if (!scenario) throw new Error(`scenario "${suspended.scenarioId}" is not in this package`);
      const runner = resumeFromSuspend(scenario, suspended);
      store.getState().saveRun({ scenarioId: scenario.meta.id, title: scenario.meta.title, snapshot: saveRun(runner) });
      svc.launch.scenario = scenario.meta.id;
      svc.launch.resume = true;
      follow(scenario, runner, true);
    } catch (e) {
      store.getState().notify({ key: "notice.run-reset", vars: { reason: e instanceof Error ? e.message : String(e) } });
    }
  } else if (scorm && svc.launch.scenario) {
    store.getState().clearRun(svc.launch.scenario); // a new LMS attempt starts from the beginning
  }

  svc.onSession = (session) => {
    const runner = session.runner as Runner;
    follow(session.scenario, runner, false);
    session.subscribe((e) => {
      if (e.type === "step") follow(session.scenario, runner, false);
    });
  };

  // Commit while the page can still be heard: hiding it (a tab switch, the phone's lock, the
  // first step of closing) commits; pagehide ends the session. `unload` is never used: it
  // does not fire reliably (Moodle's frame in Chrome blocks it) and it spoils the back/forward cache.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      clock.pause();
      scorm?.checkpoint();
      if (link) void link.queue.flush();
    } else clock.resume();
  });
  window.addEventListener("pagehide", () => {
    clock.pause();
    link?.leave();
    scorm?.finish();
  });
}

/** What the learner reads when the LMS refuses something: the element in plain words, the LMS's code and words, and whether it is tried again. */
function refusalNotice(r: Refusal): Notice {
  const vars = { field: r.name.replace(/\.\d+\./g, ".n."), code: r.code || "?", reason: r.reason || "—" };
  if (r.name === "commit") return { key: "notice.lms-commit-failed", vars };
  return { key: r.retry ? "notice.lms-refused" : "notice.lms-refused-final", vars };
}

interface Mark {
  /** Log events already reported. */
  events: number;
  decisions: number;
  registration: string;
}

const markKey = (run: string) => `dealcraft:lms-reported:${run}`;

function readMark(run: string): Mark | null {
  try {
    const v = JSON.parse(localStorage.getItem(markKey(run)) ?? "null") as Mark | null;
    return v && Number.isInteger(v.events) && Number.isInteger(v.decisions) && typeof v.registration === "string" ? v : null;
  } catch {
    return null;
  }
}
function writeMark(run: string, mark: Mark): void {
  try {
    localStorage.setItem(markKey(run), JSON.stringify(mark));
  } catch {
    // storage full: a reload may report a step twice (the LRS keeps both; the ids differ)
  }
}

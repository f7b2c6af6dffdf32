/**
 * xAPI reporting to an LRS set in the launch URL (`xapi-endpoint`, `xapi-auth`,
 * `xapi-actor`, `xapi-activity`): initialized when the run starts, one `selected`
 * statement per decision on the scenario's dialog tree (the option id as the response,
 * the move kind and score changes as extensions), `progressed` per stage, then
 * `completed` and `passed`/`failed` with the score, and `suspended` or `terminated` when
 * the page goes. Every statement goes through the persistent queue (xapi-queue.ts).
 */
import type { DecisionReport, EndReport, RunListener, StageReport } from "./tracker.ts";
import type { QueuedStatement } from "./xapi-queue.ts";
import { CMI5_CATEGORY, MASTERY_EXTENSION, MOVEON_CATEGORY, type Cmi5LaunchData } from "./cmi5.ts";

export const VERBS = {
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  selected: "https://w3id.org/xapi/adb/verbs/selected",
  progressed: "http://adlnet.gov/expapi/verbs/progressed",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  suspended: "http://adlnet.gov/expapi/verbs/suspended",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
} as const;
export const DIALOG_TREE = "https://w3id.org/xapi/adb/activity-types/dialog-tree";
export const SIMULATION = "http://adlnet.gov/expapi/activities/simulation";

export interface XapiConfig {
  endpoint: string;
  auth?: string;
  actor: Record<string, unknown>;
  /** IRI prefix of our activities; a scenario is `${base}scenario/<id>`. */
  base: string;
  mastery: number;
  /** A cmi5 launch: the statements follow the cmi5 profile (see cmi5.ts). */
  cmi5?: { activityId: string; registration: string; launch: Cmi5LaunchData };
}

/** An actor given in the URL: an Agent with one inverse functional identifier, or null. */
export function parseActor(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const a = JSON.parse(text) as Record<string, unknown>;
    if (typeof a !== "object" || a === null) return null;
    const ifi = ["mbox", "mbox_sha1sum", "openid", "account"].filter((k) => a[k] !== undefined);
    if (ifi.length !== 1) return null;
    if (typeof a.mbox === "string" && !/^mailto:[^@\s]+@[^@\s]+$/.test(a.mbox)) return null;
    return { objectType: "Agent", ...a };
  } catch {
    return null;
  }
}

/** The LRS configuration from launch parameters, or null when there is none (or it is not an http(s) URL). */
export function xapiConfigFrom(p: URLSearchParams, pageUrl: string, anonymousId: () => string, mastery: number): XapiConfig | null {
  const endpoint = p.get("xapi-endpoint");
  if (!endpoint) return null;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const page = new URL(pageUrl);
  const actor = parseActor(p.get("xapi-actor")) ?? { objectType: "Agent", account: { homePage: page.origin, name: anonymousId() } };
  const base = p.get("xapi-activity") ?? `${page.origin}${page.pathname.replace(/[^/]*$/, "")}`;
  const cfg: XapiConfig = { endpoint: url.href.endsWith("/") ? url.href : url.href + "/", actor, base: base.endsWith("/") ? base : base + "/", mastery };
  const auth = p.get("xapi-auth");
  if (auth) cfg.auth = auth;
  return cfg;
}

const display = (verb: string) => ({ en: verb.slice(verb.lastIndexOf("/") + 1) });

type Clock = { now(): number; spent(): number };
const wallClock = (): Clock => ({ now: Date.now, spent: Date.now });
const seconds = (ms: number) => `PT${Math.max(0, Math.round(ms / 1000))}S`;

export class XapiReporter implements RunListener {
  private scenario: { id: string; title: Record<string, string> } | null = null;
  private registration = "";
  /** Time spent (the launch clock) when the run began in this launch. */
  private started = 0;
  private ended = false;
  /** cmi5 allows one initialized per session and one completed/passed per registration's session. */
  private initialized = false;
  private judged = false;

  constructor(
    private readonly cfg: XapiConfig,
    private readonly enqueue: (s: QueuedStatement) => void,
    private readonly uuid: () => string = () => crypto.randomUUID(),
    private readonly clock: Clock = wallClock(),
  ) {}

  private activity(): Record<string, unknown> {
    // In cmi5 the LMS names the activity (the AU); its definition is the LMS's, not ours.
    if (this.cfg.cmi5) return { objectType: "Activity", id: this.cfg.cmi5.activityId };
    const s = this.scenario!;
    return { objectType: "Activity", id: `${this.cfg.base}scenario/${encodeURIComponent(s.id)}`, definition: { type: SIMULATION, name: s.title } };
  }

  /** The statement's context; in cmi5 the LMS's context template, plus categories for the statements cmi5 defines. */
  private context(categories: string[], extensions: Record<string, unknown> = {}): Record<string, unknown> {
    const c5 = this.cfg.cmi5;
    if (!c5) return { registration: this.registration, contextActivities: { parent: [this.activity()] } };
    const t = c5.launch.contextTemplate;
    const ca = { ...(t.contextActivities ?? {}) };
    if (categories.length) ca.category = [...(Array.isArray(ca.category) ? ca.category : []), ...categories.map((id) => ({ id }))];
    else ca.parent = [...(Array.isArray(ca.parent) ? ca.parent : []), this.activity()];
    return { ...t, registration: this.registration, contextActivities: ca, extensions: { ...(t.extensions ?? {}), ...extensions } };
  }

  private statement(verb: string, object: Record<string, unknown>, extra: Record<string, unknown> = {}, context: Record<string, unknown> = this.context([])): void {
    if (!this.scenario) return;
    this.enqueue({
      id: this.uuid(),
      actor: this.cfg.actor,
      verb: { id: verb, display: display(verb) },
      object,
      timestamp: new Date(this.clock.now()).toISOString(),
      context,
      ...extra,
    });
  }

  /** A run begins (or resumes, with the same registration). */
  begin(scenario: { id: string; title: Record<string, string> }, registration?: string): string {
    this.scenario = scenario;
    this.registration = this.cfg.cmi5?.registration ?? registration ?? this.uuid();
    this.started = this.clock.spent();
    this.ended = false;
    if (!this.cfg.cmi5 || !this.initialized) this.statement(VERBS.initialized, this.activity(), {}, this.context(this.cfg.cmi5 ? [CMI5_CATEGORY] : []));
    this.initialized = true;
    return this.registration;
  }

  onDecision(d: DecisionReport): void {
    const node = {
      objectType: "Activity",
      id: `${this.cfg.base}scenario/${encodeURIComponent(this.scenario?.id ?? "")}/node/${encodeURIComponent(d.node)}`,
      definition: { type: DIALOG_TREE, name: { en: d.node } },
    };
    const ext = `${this.cfg.base}xapi/`;
    this.statement(VERBS.selected, node, {
      result: {
        response: d.option,
        success: d.net >= 0,
        extensions: { [`${ext}move-kind`]: d.moveKind, [`${ext}score-change`]: d.points, [`${ext}decision`]: d.index + 1, ...(d.principle ? { [`${ext}principle`]: d.principle.id } : {}) },
      },
    });
  }

  onStage(s: StageReport): void {
    this.statement(VERBS.progressed, this.activity(), {
      result: { extensions: { "https://w3id.org/xapi/cmi5/result/extensions/progress": Math.round((100 * s.position) / Math.max(1, s.of)), [`${this.cfg.base}xapi/stage`]: s.to } },
    });
  }

  onEnded(e: EndReport): void {
    this.ended = true;
    const raw = Math.min(100, Math.max(0, Math.round(e.total)));
    const duration = seconds(this.clock.spent() - this.started);
    const score = { raw, min: 0, max: 100, scaled: raw / 100 };
    const passed = raw >= this.cfg.mastery;
    const verdict = passed ? VERBS.passed : VERBS.failed;
    const ending = { [`${this.cfg.base}xapi/ending`]: e.ending };
    const c5 = this.cfg.cmi5;
    if (!c5) {
      this.statement(VERBS.completed, this.activity(), { result: { completion: true, duration, score } });
      this.statement(verdict, this.activity(), { result: { success: passed, completion: true, duration, score, extensions: ending } });
      return;
    }
    // cmi5: only a Normal launch may complete or judge, once; a browsed or reviewed run leaves no mark.
    if (c5.launch.launchMode !== "Normal" || this.judged) return;
    this.judged = true;
    const cats = [CMI5_CATEGORY, MOVEON_CATEGORY];
    this.statement(VERBS.completed, this.activity(), { result: { completion: true, duration } }, this.context(cats));
    const mastery = c5.launch.masteryScore !== undefined ? { [MASTERY_EXTENSION]: c5.launch.masteryScore } : {};
    this.statement(verdict, this.activity(), { result: { success: passed, duration, score, extensions: ending } }, this.context(cats, mastery));
  }

  /** The page goes: plain xAPI says suspended mid-run, terminated after the end; cmi5 ends its session with terminated. */
  leave(): void {
    if (!this.scenario) return;
    if (this.cfg.cmi5) {
      this.statement(VERBS.terminated, this.activity(), { result: { duration: seconds(this.clock.spent()) } }, this.context([CMI5_CATEGORY]));
      return;
    }
    this.statement(this.ended ? VERBS.terminated : VERBS.suspended, this.activity(), { result: { duration: seconds(this.clock.spent() - this.started) } });
  }
}

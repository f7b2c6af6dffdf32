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

export class XapiReporter implements RunListener {
  private scenario: { id: string; title: Record<string, string> } | null = null;
  private registration = "";
  private started = 0;
  private ended = false;

  constructor(
    private readonly cfg: XapiConfig,
    private readonly enqueue: (s: QueuedStatement) => void,
    private readonly uuid: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = Date.now,
  ) {}

  private activity(): Record<string, unknown> {
    const s = this.scenario!;
    return { objectType: "Activity", id: `${this.cfg.base}scenario/${encodeURIComponent(s.id)}`, definition: { type: SIMULATION, name: s.title } };
  }

  private statement(verb: string, object: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    if (!this.scenario) return;
    this.enqueue({
      id: this.uuid(),
      actor: this.cfg.actor,
      verb: { id: verb, display: display(verb) },
      object,
      timestamp: new Date(this.now()).toISOString(),
      context: { registration: this.registration, contextActivities: { parent: [this.activity()] } },
      ...extra,
    });
  }

  /** A run begins (or resumes, with the same registration). */
  begin(scenario: { id: string; title: Record<string, string> }, registration?: string): string {
    this.scenario = scenario;
    this.registration = registration ?? this.uuid();
    this.started = this.now();
    this.ended = false;
    this.statement(VERBS.initialized, this.activity());
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
    const duration = `PT${Math.max(0, Math.round((this.now() - this.started) / 1000))}S`;
    const score = { raw, min: 0, max: 100, scaled: raw / 100 };
    this.statement(VERBS.completed, this.activity(), { result: { completion: true, duration, score } });
    const passed = raw >= this.cfg.mastery;
    this.statement(passed ? VERBS.passed : VERBS.failed, this.activity(), { result: { success: passed, completion: true, duration, score, extensions: { [`${this.cfg.base}xapi/ending`]: e.ending } } });
  }

  /** The page goes: suspended mid-run, terminated after the end. */
  leave(): void {
    if (!this.scenario) return;
    this.statement(this.ended ? VERBS.terminated : VERBS.suspended, this.activity());
  }
}

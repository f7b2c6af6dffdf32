/**
 * The connection to an LRS, for either launch: plain xAPI (`xapi-endpoint` in the URL) or
 * cmi5 (an LMS's `endpoint` + `fetch` launch). Both hand their statements to one kind of
 * persistent queue (xapi-queue.ts), so a cmi5 session loses none while offline either;
 * each has its own queue in local storage, sent with its own credentials.
 */
import XAPI from "@xapi/xapi";
import { authToken, cmi5LaunchFrom, markSessionEnded, parseLaunchData, sessionEnded, type Cmi5Launch } from "./cmi5.ts";
import { QUEUE_KEY, StatementQueue, type QueuedStatement } from "./xapi-queue.ts";
import { XapiReporter, xapiConfigFrom, type XapiConfig } from "./xapi.ts";

export interface LrsLink {
  /** Null when a cmi5 session this page belongs to has already ended (see cmi5.ts): only what is queued is sent. */
  reporter: XapiReporter | null;
  queue: StatementQueue;
  /** The page goes: what the launch needs to say last. */
  leave(): void;
  /** The learner's name as the launch gave it (an actor's `name`), if any. */
  learnerName?: string;
}

type Clock = { now(): number; spent(): number };

function queueFor(lrs: XAPI, key: string): StatementQueue {
  return new StatementQueue(
    localStorage,
    async (st: QueuedStatement) => {
      try {
        await lrs.sendStatement({ statement: st as never });
      } catch (e) {
        // 409: the LRS already has this id (a retry after a lost reply) — it is delivered.
        if ((e as { response?: { status?: number } })?.response?.status !== 409) throw e;
      }
    },
    key,
  );
}

/**
 * The LMS.LaunchData document, kept for this launch in session storage: a reload while the
 * LRS is unreachable still knows the launch (its statements wait in the queue).
 */
async function launchData(lrs: XAPI, c5: Cmi5Launch): Promise<unknown> {
  const key = `dealcraft:cmi5-launch:${c5.registration}`;
  try {
    const doc: unknown = (await lrs.getState({ agent: c5.actor as never, activityId: c5.activityId, stateId: "LMS.LaunchData", registration: c5.registration })).data;
    try {
      sessionStorage.setItem(key, JSON.stringify(doc));
    } catch {
      // not kept: a reload while offline will not be reported
    }
    return doc;
  } catch (e) {
    let kept: string | null;
    try {
      kept = sessionStorage.getItem(key);
    } catch {
      kept = null;
    }
    if (kept === null) throw e;
    return JSON.parse(kept) as unknown;
  }
}

/** Connects for the launch in `params`, or returns null when there is no LRS; a broken cmi5 launch throws naming what is wrong. */
export async function connectLrs(params: URLSearchParams, pageUrl: string, anonymousId: () => string, mastery: number, clock: Clock, learnerName = ""): Promise<LrsLink | null> {
  const c5 = cmi5LaunchFrom(params);
  if (c5) {
    const token = await authToken(c5, sessionStorage, (url, init) => fetch(url, init));
    const lrs = new XAPI({ endpoint: c5.endpoint, auth: `Basic ${token}`, adapter: "fetch" });
    const key = `${QUEUE_KEY}:cmi5:${c5.registration}`;
    if (sessionEnded(sessionStorage, c5.registration)) return { reporter: null, queue: queueFor(lrs, key), leave: () => {} };
    const launch = parseLaunchData(await launchData(lrs, c5));
    const page = new URL(pageUrl);
    const cfg: XapiConfig = {
      endpoint: c5.endpoint,
      actor: c5.actor,
      base: `${page.origin}${page.pathname.replace(/[^/]*$/, "")}`,
      mastery: launch.masteryScore !== undefined ? launch.masteryScore * 100 : mastery,
      cmi5: { activityId: c5.activityId, registration: c5.registration, launch },
    };
    const queue = queueFor(lrs, key);
    const name = (c5.actor as { name?: unknown }).name;
    const reporter = new XapiReporter(cfg, (s) => queue.add(s), undefined, clock);
    const leave = () => {
      reporter.leave();
      markSessionEnded(sessionStorage, c5.registration);
    };
    return { reporter, queue, leave, ...(typeof name === "string" && name ? { learnerName: name } : {}) };
  }
  const cfg = xapiConfigFrom(params, pageUrl, anonymousId, mastery);
  if (!cfg) return null;
  // An anonymous learner carries the name given in the settings, so the LRS's reports read as a person.
  if (!params.get("xapi-actor") && learnerName && cfg.actor.name === undefined) cfg.actor = { ...cfg.actor, name: learnerName };
  const lrs = new XAPI({ endpoint: cfg.endpoint, ...(cfg.auth ? { auth: cfg.auth } : {}), adapter: "fetch" });
  const queue = queueFor(lrs, QUEUE_KEY);
  const name = (cfg.actor as { name?: unknown }).name;
  const reporter = new XapiReporter(cfg, (s) => queue.add(s), undefined, clock);
  return { reporter, queue, leave: () => reporter.leave(), ...(typeof name === "string" && name ? { learnerName: name } : {}) };
}

/**
 * A cmi5 launch (an LMS that launches the game as an Assignable Unit with `endpoint`,
 * `fetch`, `actor`, `registration` and `activityId` in the URL): the launch parameters,
 * the one-time auth token from the fetch URL (kept in session storage so a reload of the
 * same launch does not ask twice, which the LMS would refuse), and the LMS's launch data
 * (context template, launch mode, mastery score). The statements themselves are made by
 * XapiReporter in its cmi5 form and go through the same persistent queue as plain xAPI.
 */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

export interface Cmi5LaunchData {
  contextTemplate: { contextActivities?: Record<string, unknown[]>; extensions?: Record<string, unknown>; [k: string]: unknown };
  launchMode: "Normal" | "Browse" | "Review";
  /** 0-1, when the LMS sets one: it overrides the package's. */
  masteryScore?: number;
  returnURL?: string;
}

export const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
export const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
export const MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

const httpUrl = (s: string | null): string | null => {
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
};

/** The launch parameters, or null when this is not a cmi5 launch; a broken one throws naming the parameter. */
export function cmi5LaunchFrom(p: URLSearchParams): Cmi5Launch | null {
  if (!p.has("fetch") || !p.has("endpoint")) return null;
  const endpoint = httpUrl(p.get("endpoint"));
  if (!endpoint) throw new Error("cmi5 launch: endpoint is not an http(s) address");
  const fetchUrl = httpUrl(p.get("fetch"));
  if (!fetchUrl) throw new Error("cmi5 launch: fetch is not an http(s) address");
  const registration = p.get("registration") ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(registration)) throw new Error("cmi5 launch: registration is not a UUID");
  const activityId = httpUrl(p.get("activityId"));
  if (!activityId) throw new Error("cmi5 launch: activityId is not an IRI");
  let actor: unknown;
  try {
    actor = JSON.parse(p.get("actor") ?? "");
  } catch {
    throw new Error("cmi5 launch: actor is not JSON");
  }
  const account = (actor as { account?: { homePage?: unknown; name?: unknown } } | null)?.account;
  if (typeof account?.homePage !== "string" || typeof account.name !== "string") throw new Error("cmi5 launch: actor.account needs homePage and name");
  return { endpoint: endpoint.endsWith("/") ? endpoint : endpoint + "/", fetch: fetchUrl, actor: { objectType: "Agent", ...(actor as object) }, registration, activityId };
}

/** Reads the LMS.LaunchData state document (untrusted); throws naming the field that is wrong. */
export function parseLaunchData(v: unknown): Cmi5LaunchData {
  if (typeof v !== "object" || v === null) throw new Error("cmi5 LMS.LaunchData is not an object");
  const o = v as Record<string, unknown>;
  const t = o.contextTemplate;
  if (typeof t !== "object" || t === null) throw new Error("cmi5 LMS.LaunchData: contextTemplate is missing");
  const mode = o.launchMode;
  if (mode !== "Normal" && mode !== "Browse" && mode !== "Review") throw new Error("cmi5 LMS.LaunchData: launchMode is not Normal, Browse or Review");
  const out: Cmi5LaunchData = { contextTemplate: t as Cmi5LaunchData["contextTemplate"], launchMode: mode };
  if (o.masteryScore !== undefined) {
    if (typeof o.masteryScore !== "number" || !(o.masteryScore >= 0 && o.masteryScore <= 1)) throw new Error("cmi5 LMS.LaunchData: masteryScore is not between 0 and 1");
    out.masteryScore = o.masteryScore;
  }
  if (typeof o.returnURL === "string") out.returnURL = o.returnURL;
  return out;
}

type Fetch = (url: string, init: { method: string }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The auth token for this launch: asked of the fetch URL once, then kept for reloads of the same registration. */
export async function authToken(launch: Cmi5Launch, storage: Pick<Storage, "getItem" | "setItem">, fetchImpl: Fetch): Promise<string> {
  const key = `dealcraft:cmi5-auth:${launch.registration}`;
  try {
    const kept = storage.getItem(key);
    if (kept) return kept;
  } catch {
    // session storage blocked: ask the LMS
  }
  const res = await fetchImpl(launch.fetch, { method: "POST" });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  const token = body?.["auth-token"];
  if (!res.ok || typeof token !== "string" || !token) {
    throw new Error(`cmi5 fetch URL refused the launch (HTTP ${res.status}${body?.["error-code"] !== undefined ? `, error ${String(body["error-code"])}` : ""})`);
  }
  try {
    storage.setItem(key, token);
  } catch {
    // a reload of this launch will not be reported; this page is
  }
  return token;
}

/**
 * A cmi5 session ends with `terminated`, sent when the page goes; nothing may follow it. A
 * reload of the same launch (same registration, same tab) therefore reports nothing more:
 * the learner opens the activity again from the LMS, which starts a new session.
 */
const endedKey = (registration: string) => `dealcraft:cmi5-ended:${registration}`;

export function sessionEnded(storage: Pick<Storage, "getItem">, registration: string): boolean {
  try {
    return storage.getItem(endedKey(registration)) === "1";
  } catch {
    return false;
  }
}

export function markSessionEnded(storage: Pick<Storage, "setItem">, registration: string): void {
  try {
    storage.setItem(endedKey(registration), "1");
  } catch {
    // not kept: a reload would report after terminated, which an LMS may ignore
  }
}

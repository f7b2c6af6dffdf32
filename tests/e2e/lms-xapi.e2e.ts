/**
 * xAPI to a fake LRS (a Node HTTP server on 127.0.0.1 in this test): one valid `selected`
 * statement per decision, none lost when the LRS is unreachable for a while and the page
 * reloads mid-run, and completion with the score at the end.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser, optionsOf, press, waitForHeading, type Mirror } from "./browser.ts";

const baseUrl = inject("baseUrl");
const SELECTED = "https://w3id.org/xapi/adb/verbs/selected";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Lrs {
  url: string;
  statements: Map<string, Record<string, unknown>>;
  /** cmi5: times the fetch URL was asked for the token (a launch may ask once). */
  fetches: number;
  /** Statements sent without the launch's token while a cmi5 launch is on. */
  unauthorised: number;
  cmi5: boolean;
  problems: string[];
  offline: boolean;
  close(): Promise<void>;
}

/** Checks what every statement must have (xAPI 1.0.3 data rules we rely on). */
function validate(s: Record<string, unknown>): string | null {
  if (typeof s.id !== "string" || !UUID.test(s.id)) return "id";
  const actor = s.actor as Record<string, unknown> | undefined;
  if (!actor || ["mbox", "account", "openid", "mbox_sha1sum"].filter((k) => actor[k] !== undefined).length !== 1) return "actor";
  const verb = s.verb as { id?: unknown } | undefined;
  if (typeof verb?.id !== "string" || !/^https?:\/\//.test(verb.id)) return "verb";
  const object = s.object as { id?: unknown } | undefined;
  if (typeof object?.id !== "string" || !/^https?:\/\//.test(object.id)) return "object";
  if (typeof s.timestamp !== "string" || Number.isNaN(Date.parse(s.timestamp))) return "timestamp";
  if (verb.id === SELECTED) {
    const result = s.result as { response?: unknown; extensions?: Record<string, unknown> } | undefined;
    if (typeof result?.response !== "string" || !result.response) return "result.response";
    if (!Object.keys(result.extensions ?? {}).some((k) => k.endsWith("/move-kind"))) return "move-kind";
    if (!Object.keys(result.extensions ?? {}).some((k) => k.endsWith("/score-change"))) return "score-change";
  }
  return null;
}

async function fakeLrs(): Promise<Lrs> {
  const lrs = { statements: new Map(), problems: [] as string[], offline: false, fetches: 0, unauthorised: 0, cmi5: false } as Omit<Lrs, "url" | "close">;
  const server: Server = createServer((req, res) => {
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "authorization, content-type, x-experience-api-version", "access-control-allow-methods": "GET, POST, PUT, OPTIONS" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    if (lrs.offline) return void res.writeHead(503, cors).end();
    // cmi5: the LMS's one-time token, and the launch data it keeps as a state document.
    if (req.method === "POST" && req.url?.startsWith("/fetch/")) {
      lrs.fetches++;
      const body = lrs.fetches === 1 ? { "auth-token": CMI5_TOKEN } : { "error-code": "1", "error-text": "already in use" };
      return void res.writeHead(lrs.fetches === 1 ? 200 : 400, { ...cors, "content-type": "application/json" }).end(JSON.stringify(body));
    }
    if (req.method === "GET" && req.url?.startsWith("/xapi/activities/state")) {
      const q = new URL(req.url, "http://x").searchParams;
      if (q.get("stateId") !== "LMS.LaunchData" || q.get("registration") !== CMI5_REG) return void res.writeHead(404, cors).end();
      return void res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(CMI5_LAUNCH_DATA));
    }
    if (lrs.cmi5 && req.headers.authorization !== `Basic ${CMI5_TOKEN}`) lrs.unauthorised++;
    if (req.method !== "POST" || !req.url?.startsWith("/xapi/statements")) return void res.writeHead(404, cors).end();
    if (!req.headers["x-experience-api-version"]) lrs.problems.push("no X-Experience-API-Version header");
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const s = JSON.parse(body) as Record<string, unknown>;
      const problem = validate(s);
      if (problem) lrs.problems.push(`${String(s.id)}: ${problem}`);
      lrs.statements.set(String(s.id), s);
      res.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify([s.id]));
    });
  });
  // The port the e2e build allows in its connect-src (global-setup.ts).
  await new Promise<void>((r) => server.listen(inject("lrsPort"), "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return Object.assign(lrs, { url: `http://127.0.0.1:${port}/xapi/`, close: () => new Promise<void>((r) => server.close(() => r())) });
}

const CMI5_TOKEN = "Y21pNTp0b2tlbg==";
const CMI5_REG = "8d5c1f3e-6b7a-4c2d-9e0f-a1b2c3d4e5f6";
const CMI5_AU = "https://lms.example/course/9/au/1";
const CMI5_LAUNCH_DATA = { contextTemplate: { contextActivities: { grouping: [{ id: "https://lms.example/course/9" }] }, extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "session-1" } }, launchMode: "Normal", masteryScore: 0.5 };

const browser = sharedBrowser();
let lrs: Lrs;
beforeAll(async () => {
  lrs = await fakeLrs();
});
afterAll(async () => {
  await lrs?.close();
});

const runState = (page: Page) =>
  page.evaluate(() => {
    const run = (window as unknown as { dealcraft: { store: { getState(): { run: { snapshot: { inputs: { choose?: string }[] } } | null } } } }).dealcraft.store.getState().run;
    const chosen = (run?.snapshot.inputs ?? []).filter((i) => i.choose !== undefined).map((i) => i.choose!);
    return { turn: chosen.length, chosen };
  });
const queued = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem("dealcraft:xapi-queue") ?? "[]").length as number);

async function playUntil(page: Page, m: Mirror, done: (turn: number, m: Mirror) => boolean): Promise<Mirror> {
  for (let step = 0; step < 300 && !done((await runState(page)).turn, m); step++) {
    m = await press(page, optionsOf(m).length ? "1" : "Space");
  }
  return m;
}

describe("xAPI statements to an LRS", () => {
  it("sends one valid statement per decision, and loses none while the LRS is down and the page reloads mid-run", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    const actor = encodeURIComponent(JSON.stringify({ mbox: "mailto:rep@example.com", name: "Rep" }));
    await page.goto(`${baseUrl}?lang=en&seed=8&scenario=ice-to-eskimos&xapi-endpoint=${encodeURIComponent(lrs.url)}&xapi-actor=${actor}`);
    let m = await waitForHeading(page, /^(?!Dealcraft$)./);
    m = await playUntil(page, m, (turn) => turn >= 1);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("dealcraft:xapi-queue") ?? "[]").length === 0, null, { timeout: 10_000 });
    const beforeOutage = lrs.statements.size;

    lrs.offline = true;
    await playUntil(page, m, (turn) => turn >= 2);
    expect(await queued(page)).toBeGreaterThanOrEqual(1); // the second decision waits in local storage
    expect(lrs.statements.size).toBe(beforeOutage);
    await page.reload(); // mid-run, with statements unsent

    await waitForHeading(page, /is in progress$/);
    lrs.offline = false;
    m = await press(page, "1"); // Continue
    m = await playUntil(page, m, (_turn, mm) => mm.heading === "Debrief");
    expect(m.heading).toBe("Debrief");
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("dealcraft:xapi-queue") ?? "[]").length === 0, null, { timeout: 40_000 });

    const { chosen } = await runState(page);
    const all = [...lrs.statements.values()];
    expect(lrs.problems).toEqual([]);
    const selected = all.filter((s) => (s.verb as { id: string }).id === SELECTED);
    const byDecision = new Map(selected.map((s) => [Object.entries((s.result as { extensions: Record<string, number> }).extensions).find(([k]) => k.endsWith("/decision"))![1], s]));
    expect(chosen.length).toBeGreaterThanOrEqual(3);
    expect(selected).toHaveLength(chosen.length); // one each, none twice
    expect([...byDecision.keys()].sort((a, b) => a - b)).toEqual(chosen.map((_c, i) => i + 1));
    expect(chosen.map((_c, i) => (byDecision.get(i + 1)!.result as { response: string }).response)).toEqual(chosen);
    const verbs = all.map((s) => (s.verb as { id: string }).id);
    expect(verbs).toContain("http://adlnet.gov/expapi/verbs/completed");
    expect(verbs.some((v) => v.endsWith("/passed") || v.endsWith("/failed"))).toBe(true);
    // (This short run ends in its first stage: `progressed` per stage is checked on the starter in tests/unit/lms-xapi.test.ts.)
    const done = all.find((s) => (s.verb as { id: string }).id.endsWith("/completed"))!;
    expect((done.result as { score: { scaled: number } }).score.scaled).toBeGreaterThanOrEqual(0);
    await context.close();
  });
});

describe("a cmi5 launch", () => {
  it("asks the fetch URL once, follows the profile, queues its statements through an outage like xAPI, and reports nothing after its session's terminated", async () => {
    lrs.statements.clear();
    lrs.cmi5 = true;
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    const actor = { objectType: "Agent", name: "Li Wei", account: { homePage: "https://lms.example", name: "u-42" } };
    const origin = lrs.url.replace(/\/xapi\/$/, "");
    const launch = new URLSearchParams({ lang: "en", seed: "8", scenario: "ice-to-eskimos", endpoint: lrs.url, fetch: `${origin}/fetch/1`, actor: JSON.stringify(actor), registration: CMI5_REG, activityId: CMI5_AU });
    const queueKey = `dealcraft:xapi-queue:cmi5:${CMI5_REG}`;
    const cmi5Queue = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "[]").length as number, queueKey);
    const drained = () => page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? "[]").length === 0, queueKey, { timeout: 40_000 });
    await page.goto(`${baseUrl}?${launch}`);
    let m = await waitForHeading(page, /^(?!Dealcraft$)./);
    m = await playUntil(page, m, (turn) => turn >= 1);
    await drained();
    lrs.offline = true;
    m = await playUntil(page, m, (turn) => turn >= 2);
    expect(await cmi5Queue()).toBeGreaterThanOrEqual(1); // waiting in local storage
    lrs.offline = false;
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    m = await playUntil(page, m, (_turn, mm) => mm.heading === "Debrief");
    expect(m.heading).toBe("Debrief");
    await drained();

    const { chosen } = await runState(page);
    let all = [...lrs.statements.values()];
    const verbs = all.map((s) => (s.verb as { id: string }).id);
    expect(verbs[0]).toBe("http://adlnet.gov/expapi/verbs/initialized");
    expect(verbs.filter((v) => v.endsWith("/initialized"))).toHaveLength(1);
    expect(all.filter((s) => (s.verb as { id: string }).id === SELECTED)).toHaveLength(chosen.length);
    for (const s of all) expect((s.context as { registration: string }).registration).toBe(CMI5_REG);
    const judged = all.find((s) => /\/(passed|failed)$/.test((s.verb as { id: string }).id))!;
    expect((judged.object as { id: string }).id).toBe(CMI5_AU);
    const cats = ((judged.context as { contextActivities: { category: { id: string }[] } }).contextActivities.category ?? []).map((c) => c.id);
    expect(cats).toEqual(["https://w3id.org/xapi/cmi5/context/categories/cmi5", "https://w3id.org/xapi/cmi5/context/categories/moveon"]);
    const score = (judged.result as { score: { scaled: number }; success: boolean }).score.scaled;
    expect((judged.result as { success: boolean }).success).toBe(score >= 0.5); // the LMS's mastery score, not the package's

    // A reload ends the session: terminated is its last statement, and nothing follows it.
    await page.reload();
    await page.waitForFunction(() => /This cmi5 session has ended/.test(document.getElementById("a11y-live")?.textContent ?? ""), null, { timeout: 15_000 });
    await drained();
    all = [...lrs.statements.values()];
    expect((all.at(-1)!.verb as { id: string }).id).toBe("http://adlnet.gov/expapi/verbs/terminated");
    expect(all.filter((s) => (s.verb as { id: string }).id.endsWith("/initialized"))).toHaveLength(1);
    expect(lrs.fetches).toBe(1); // the reload did not ask for a second token
    expect(lrs.unauthorised).toBe(0);
    expect(lrs.problems).toEqual([]);
    lrs.cmi5 = false;
    await context.close();
  });
});

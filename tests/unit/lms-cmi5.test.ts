import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, createRunner, loadScenario, POLICIES } from "../../src/engine/index.ts";
import { memoryStorage } from "../../src/store/index.ts";
import { RunFeed } from "../../src/lms/tracker.ts";
import { authToken, cmi5LaunchFrom, CMI5_CATEGORY, MASTERY_EXTENSION, MOVEON_CATEGORY, parseLaunchData, type Cmi5LaunchData } from "../../src/lms/cmi5.ts";
import { VisibleClock } from "../../src/game/visibleClock.ts";
import type { QueuedStatement } from "../../src/lms/xapi-queue.ts";
import { VERBS, XapiReporter } from "../../src/lms/xapi.ts";

const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));
const REG = "5e7c3a1e-2f4b-4c8d-9a0b-1c2d3e4f5a6b";
const AU = "https://lms.example/course/7/au/1";
const actor = { objectType: "Agent", name: "Li Wei", account: { homePage: "https://lms.example", name: "u-42" } };
const launchUrl = (over: Record<string, string> = {}) =>
  new URLSearchParams({ endpoint: "https://lrs.example/xapi", fetch: "https://lms.example/fetch/abc", actor: JSON.stringify(actor), registration: REG, activityId: AU, ...over });

describe("a cmi5 launch", () => {
  it("reads the five launch parameters and names the one that is wrong", () => {
    const l = cmi5LaunchFrom(launchUrl())!;
    expect(l).toMatchObject({ endpoint: "https://lrs.example/xapi/", registration: REG, activityId: AU });
    expect(cmi5LaunchFrom(new URLSearchParams("xapi-endpoint=https://x.example/"))).toBeNull();
    expect(() => cmi5LaunchFrom(launchUrl({ registration: "nope" }))).toThrow(/registration/);
    expect(() => cmi5LaunchFrom(launchUrl({ fetch: "javascript:alert(1)" }))).toThrow(/fetch/);
    expect(() => cmi5LaunchFrom(launchUrl({ actor: '{"mbox":"mailto:a@b.c"}' }))).toThrow(/actor\.account/);
  });

  it("checks the LMS's launch data", () => {
    expect(parseLaunchData({ contextTemplate: {}, launchMode: "Normal", masteryScore: 0.6 }).masteryScore).toBe(0.6);
    expect(() => parseLaunchData({ launchMode: "Normal" })).toThrow(/contextTemplate/);
    expect(() => parseLaunchData({ contextTemplate: {}, launchMode: "Play" })).toThrow(/launchMode/);
    expect(() => parseLaunchData({ contextTemplate: {}, launchMode: "Normal", masteryScore: 70 })).toThrow(/masteryScore/);
  });

  it("asks the fetch URL once per launch: a reload reuses the token", async () => {
    const storage = memoryStorage();
    let calls = 0;
    const fetchOnce = async () => {
      calls++;
      return calls === 1 ? { ok: true, status: 200, json: async () => ({ "auth-token": "dG9rZW4=" }) } : { ok: false, status: 400, json: async () => ({ "error-code": "1", "error-text": "already used" }) };
    };
    const l = cmi5LaunchFrom(launchUrl())!;
    expect(await authToken(l, storage, fetchOnce)).toBe("dG9rZW4=");
    expect(await authToken(l, storage, fetchOnce)).toBe("dG9rZW4=");
    expect(calls).toBe(1);
    await expect(authToken(l, memoryStorage(), fetchOnce)).rejects.toThrow(/HTTP 400, error 1/);
  });
});

function playIce(launch: Cmi5LaunchData, mastery = 50) {
  const sent: QueuedStatement[] = [];
  let n = 0;
  let spent = 0;
  const cfg = { endpoint: "https://lrs.example/xapi/", actor, base: "https://game.example/", mastery, cmi5: { activityId: AU, registration: REG, launch } };
  const reporter = new XapiReporter(cfg, (s) => sent.push(s), () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`, { now: () => Date.parse("2026-12-01T10:00:00Z"), spent: () => spent });
  reporter.begin({ id: ice.meta.id, title: ice.meta.title as Record<string, string> });
  const feed = new RunFeed(ice, reporter, "en");
  const r = createRunner(ice, 3);
  const rng = createRng(3);
  for (let i = 0; i < 2000 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
    if (r.status === "line") r.advance();
    else r.choose(POLICIES["spin-disciplined"]!.choose(r, rng));
    spent += 5000;
    feed.update(r);
  }
  reporter.begin({ id: ice.meta.id, title: ice.meta.title as Record<string, string> }); // a second run in the same launch
  reporter.leave();
  return sent;
}

const verb = (s: QueuedStatement) => (s.verb as { id: string }).id;
const categories = (s: QueuedStatement) => (((s.context as { contextActivities: { category?: { id: string }[] } }).contextActivities.category ?? []).map((c) => c.id));

describe("cmi5 statements", () => {
  const template = { contextActivities: { grouping: [{ id: "https://lms.example/course/7" }] }, extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" } };

  it("follow the profile: initialized first and once, the LMS's template on every statement, moveOn statements with their categories, terminated last", () => {
    const sent = playIce({ contextTemplate: template, launchMode: "Normal", masteryScore: 0.4 });
    const verbs = sent.map(verb);
    expect(verbs[0]).toBe(VERBS.initialized);
    expect(verbs.filter((v) => v === VERBS.initialized)).toHaveLength(1);
    expect(verbs.at(-1)).toBe(VERBS.terminated);
    expect(verbs).not.toContain(VERBS.suspended);
    for (const s of sent) {
      const ctx = s.context as { registration: string; extensions: Record<string, unknown>; contextActivities: { grouping: unknown[] } };
      expect(ctx.registration).toBe(REG);
      expect(ctx.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]).toBe("s-1");
      expect(ctx.contextActivities.grouping).toEqual(template.contextActivities.grouping);
    }
    const defined = sent.filter((s) => [VERBS.initialized, VERBS.completed, VERBS.passed, VERBS.failed, VERBS.terminated].includes(verb(s) as never));
    for (const s of defined) {
      expect((s.object as { id: string }).id).toBe(AU);
      expect(categories(s)).toContain(CMI5_CATEGORY);
    }
    const judged = sent.find((s) => verb(s) === VERBS.passed || verb(s) === VERBS.failed)!;
    expect(categories(judged)).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY]);
    expect((judged.context as { extensions: Record<string, unknown> }).extensions[MASTERY_EXTENSION]).toBe(0.4);
    expect((judged.result as { duration: string }).duration).toMatch(/^PT[1-9]\d*S$/);
    const selected = sent.filter((s) => verb(s) === VERBS.selected);
    expect(selected.length).toBeGreaterThan(3);
    for (const s of selected) expect(categories(s)).not.toContain(CMI5_CATEGORY); // "cmi5 allowed", not cmi5 defined
  });

  it("a browsed launch neither completes nor judges", () => {
    const verbs = playIce({ contextTemplate: template, launchMode: "Browse" }).map(verb);
    expect(verbs).toContain(VERBS.selected);
    expect(verbs).not.toContain(VERBS.completed);
    expect(verbs).not.toContain(VERBS.passed);
    expect(verbs).not.toContain(VERBS.failed);
  });
});

describe("the launch clock", () => {
  it("counts the time the page was visible, not the time it sat hidden", () => {
    let t = 0;
    const clock = new VisibleClock(() => t);
    t = 60_000;
    clock.pause(); // hidden for an hour
    t += 3_600_000;
    expect(clock.elapsed()).toBe(60_000);
    clock.resume();
    t += 30_000;
    expect(clock.elapsed()).toBe(90_000);
  });
});

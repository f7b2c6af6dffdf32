import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRng, createRunner, loadScenario, POLICIES } from "../../src/engine/index.ts";
import { memoryStorage } from "../../src/store/index.ts";
import { RunFeed } from "../../src/lms/tracker.ts";
import { StatementQueue, type QueuedStatement } from "../../src/lms/xapi-queue.ts";
import { DIALOG_TREE, parseActor, VERBS, xapiConfigFrom, XapiReporter } from "../../src/lms/xapi.ts";

const starter = loadScenario(JSON.parse(readFileSync("scenarios/first-meetings.json", "utf8")));
const cfg = xapiConfigFrom(new URLSearchParams("xapi-endpoint=http://127.0.0.1:9/lrs&xapi-actor=" + encodeURIComponent('{"mbox":"mailto:rep@example.com","name":"Rep"}')), "https://game.example/dealcraft/index.html", () => "anon", 50)!;

describe("xAPI statements for a run", () => {
  it("sends initialized, one selected per decision on the dialog tree, progressed per stage, then completed and passed/failed", () => {
    const sent: QueuedStatement[] = [];
    let n = 0;
    const reporter = new XapiReporter(cfg, (s) => sent.push(s), () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`);
    reporter.begin({ id: starter.meta.id, title: starter.meta.title as Record<string, string> });
    const chosen: string[] = [];
    const feed = new RunFeed(starter, reporter, "en");
    const r = createRunner(starter, 4);
    const rng = createRng(4);
    for (let i = 0; i < 2000 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
      if (r.status === "line") r.advance();
      else {
        const id = POLICIES["spin-disciplined"]!.choose(r, rng);
        chosen.push(id);
        r.choose(id);
      }
      feed.update(r);
    }
    reporter.leave();
    const verbs = sent.map((s) => (s.verb as { id: string }).id);
    expect(verbs[0]).toBe(VERBS.initialized);
    const selected = sent.filter((s) => (s.verb as { id: string }).id === VERBS.selected);
    expect(selected.map((s) => (s.result as { response: string }).response)).toEqual(chosen);
    for (const s of selected) {
      expect((s.object as { definition: { type: string } }).definition.type).toBe(DIALOG_TREE);
      const ext = (s.result as { extensions: Record<string, unknown> }).extensions;
      expect(typeof ext["https://game.example/dealcraft/xapi/move-kind"]).toBe("string");
      expect(typeof ext["https://game.example/dealcraft/xapi/score-change"]).toBe("object");
    }
    expect(verbs.filter((v) => v === VERBS.progressed).length).toBeGreaterThan(0);
    const endAt = verbs.indexOf(VERBS.completed);
    expect(endAt).toBeGreaterThan(verbs.lastIndexOf(VERBS.selected));
    expect(verbs.slice(0, endAt)).not.toContain(VERBS.passed);
    expect([VERBS.passed, VERBS.failed]).toContain(verbs[endAt + 1]);
    expect(verbs.at(-1)).toBe(VERBS.terminated);
    expect(new Set(sent.map((s) => s.id)).size).toBe(sent.length);
    expect(sent.every((s) => (s.actor as { mbox: string }).mbox === "mailto:rep@example.com")).toBe(true);
    const registration = new Set(sent.map((s) => (s.context as { registration: string }).registration));
    expect(registration.size).toBe(1);
  });

  it("reads the LRS from the launch URL and refuses what is not an http(s) endpoint or a valid actor", () => {
    expect(cfg.endpoint).toBe("http://127.0.0.1:9/lrs/");
    expect(cfg.base).toBe("https://game.example/dealcraft/");
    expect(xapiConfigFrom(new URLSearchParams("xapi-endpoint=javascript:alert(1)"), "https://g.example/", () => "a", 70)).toBeNull();
    expect(xapiConfigFrom(new URLSearchParams(""), "https://g.example/", () => "a", 70)).toBeNull();
    expect(parseActor('{"mbox":"rep@example.com"}')).toBeNull();
    expect(parseActor('{"mbox":"mailto:a@b.c","account":{"homePage":"x","name":"y"}}')).toBeNull();
    const anon = xapiConfigFrom(new URLSearchParams("xapi-endpoint=https://lrs.example/x/"), "https://g.example/p/", () => "anon-1", 70)!;
    expect(anon.actor).toEqual({ objectType: "Agent", account: { homePage: "https://g.example", name: "anon-1" } });
  });
});

describe("the statement queue", () => {
  afterEach(() => vi.useRealTimers());
  const st = (id: string): QueuedStatement => ({ id, verb: { id: VERBS.selected } });

  it("keeps statements through a failure and a reload, then delivers all of them, in order, once each", async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const delivered: string[] = [];
    let online = false;
    const send = async (s: QueuedStatement) => {
      if (!online) throw new Error("offline");
      delivered.push(s.id);
    };
    const q1 = new StatementQueue(storage, send);
    q1.add(st("a"));
    q1.add(st("b"));
    await vi.advanceTimersByTimeAsync(5000);
    expect(delivered).toEqual([]);
    // The page reloads: a new queue over the same storage still has both.
    const q2 = new StatementQueue(storage, send);
    expect(q2.pending().map((s) => s.id)).toEqual(["a", "b"]);
    online = true;
    q2.add(st("c"));
    await vi.advanceTimersByTimeAsync(100);
    expect(delivered).toEqual(["a", "b", "c"]);
    expect(q2.pending()).toEqual([]);
  });

  it("retries with a growing wait, and at once when back online", async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    let attempts = 0;
    let online = false;
    const q = new StatementQueue(storage, async () => {
      attempts++;
      if (!online) throw new Error("offline");
    });
    q.add(st("a"));
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1500);
    expect(attempts).toBe(2); // the second wait is 2 s
    online = true;
    q.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(3);
    expect(q.pending()).toEqual([]);
  });

  it("ignores a damaged stored queue instead of failing", () => {
    const storage = memoryStorage();
    storage.setItem("dealcraft:xapi-queue", "{nope");
    expect(new StatementQueue(storage, async () => {}).pending()).toEqual([]);
    storage.setItem("dealcraft:xapi-queue", JSON.stringify([{ id: "ok" }, 3, { noid: 1 }]));
    expect(new StatementQueue(storage, async () => {}).pending().map((s) => s.id)).toEqual(["ok"]);
  });
});

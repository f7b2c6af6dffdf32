/**
 * Saves live in a browser we do not control: damage the stored document in several ways
 * and check that the game always starts, tells the player what happened, and keeps what
 * was not damaged. Also a failed write (quota) mid-meeting, and a scene that throws.
 */
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser, optionsOf, press, screenshot, untilMirror, untilOptions, waitForHeading } from "./browser.ts";
import { createRunner, loadScenario, saveRun } from "../../src/engine/index.ts";

const baseUrl = inject("baseUrl");
const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));
const DEFAULTS = { locale: "en", musicVolume: 0.5, effectsVolume: 0.8, muted: false, textSpeed: "normal", fontScale: 1, reducedMotion: false, showMoveMarks: true };
const competencies = { questioning: 60, listening: 55, presenting: 40, relationships: 70, strategy: 50, outcome: 80 };
const attempt = { at: "2026-11-01T10:00:00.000Z", scenarioId: "ice-to-eskimos", mode: "practice", total: 59, competencies, ending: "won", seed: "7" };

function iceRun() {
  const r = createRunner(ice, 5);
  r.advance();
  return { scenarioId: ice.meta.id, title: ice.meta.title, snapshot: saveRun(r), savedAt: Date.parse("2026-11-20T09:00:00Z") };
}

const browser = sharedBrowser();

/** A page whose storage holds `entries` before the game's first script runs. */
async function pageWith(entries: Record<string, string>, extraInit?: () => void): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  await context.addInitScript((e: Record<string, string>) => {
    if (sessionStorage.getItem("seeded")) return; // only before the first load, not on reloads
    sessionStorage.setItem("seeded", "1");
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  if (extraInit) await context.addInitScript(extraInit);
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  return page;
}

const doc = (state: object, version = 3) => JSON.stringify({ version, state });

describe("a damaged store", () => {
  it("repairs part by part: one bad setting, one bad score record, one bad run; the rest is kept and the player told", async () => {
    const page = await pageWith({
      dealcraft: doc({
        settings: { ...DEFAULTS, fontScale: 42 },
        progress: { "ice-to-eskimos": { best: 61, last: 40, ending: "won", plays: 2 }, "first-meetings": { best: "lots" } },
        attempts: [attempt, { at: "never" }],
        runs: { "ice-to-eskimos": iceRun(), "first-meetings": { scenarioId: "first-meetings", snapshot: "gone" } },
        active: "ice-to-eskimos",
      }),
    });
    await page.goto(baseUrl);
    const m = await waitForHeading(page, "Dealcraft"); // the language setting survived
    expect(m.lines.join("\n")).toMatch(/only these were reset to defaults: fontScale/);
    expect(m.lines.join("\n")).toMatch(/Damaged score records were left out: first-meetings\.best/);
    expect(m.lines.join("\n")).toMatch(/saved game in progress was damaged and removed: first-meetings/);
    expect(m.lines.join("\n")).toMatch(/attempt history were left out: \[1\]\.at/);
    expect(m.lines.some((l) => l.startsWith("2. Continue") && l.includes(ice.meta.title.en!))).toBe(true);
    await screenshot(page, "store-repaired-en");
    const list = await untilOptions(page, await press(page, "1"));
    expect(list.lines.join("\n")).toMatch(/best 61/);
    await page.context().close();
  });

  it("restores the last good copy when the document is not JSON", async () => {
    const good = doc({ settings: { ...DEFAULTS, muted: true }, progress: {}, attempts: [attempt], runs: {}, active: null });
    const page = await pageWith({ dealcraft: "{\"version\":3,\"state\":{tru", "dealcraft:last-good": good });
    await page.goto(baseUrl);
    const m = await waitForHeading(page, "Dealcraft");
    expect(m.lines.some((l) => /^Saved data was damaged \(JSON\); the last good copy, from .+, was restored\.$/.test(l))).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("dealcraft:damaged"))).toContain("tru");
    await page.reload(); // repaired on disk: the notice is not met again
    const again = await waitForHeading(page, "Dealcraft");
    expect(again.lines.some((l) => l.startsWith("Saved data was damaged"))).toBe(false);
    await page.context().close();
  });

  it("starts fresh with a notice on a foreign document, and reads a newer version's document as far as it can", async () => {
    for (const [raw, expected] of [
      ['["not","ours"]', /^保存的数据已损坏（format），无法读取/],
      [doc({ settings: { ...DEFAULTS, locale: "zh-CN", textSpeed: "fast" }, progress: {}, runs: {}, hologram: true }, 7), /更新版本的游戏（第 7 版）/],
    ] as const) {
      const page = await pageWith({ dealcraft: raw });
      await page.goto(baseUrl);
      const m = await waitForHeading(page, "大客户攻防");
      expect(m.lines.some((l) => expected.test(l))).toBe(true);
      expect(m.lines).toContain("1. 开始");
      await page.context().close();
    }
  });

  it("explains a saved run whose scenario is gone and lets the player clear it", async () => {
    const orphan = { ...iceRun(), scenarioId: "retired-course", title: { "zh-CN": "旧课程", en: "Retired course" } };
    orphan.snapshot = { ...orphan.snapshot, scenario: { ...orphan.snapshot.scenario, id: "retired-course" } };
    const page = await pageWith({ dealcraft: doc({ settings: DEFAULTS, progress: {}, attempts: [], runs: { "retired-course": orphan }, active: "retired-course" }) });
    await page.goto(baseUrl);
    await waitForHeading(page, "Dealcraft");
    let m = await untilMirror(page, (x) => x.lines.some((l) => l.includes("Clear the saved game")), "the offer to clear the saved game");
    const clear = optionsOf(m).find((l) => l.includes(`Clear the saved game of "Retired course"`));
    expect(clear).toBeDefined();
    expect(optionsOf(m).some((l) => l.includes("Continue"))).toBe(false);
    m = await press(page, clear!.slice(0, 1));
    expect(optionsOf(m).some((l) => l.includes("Retired course"))).toBe(false);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("dealcraft")!).state.runs)).toEqual({});
    await page.context().close();
  });

  it("tells the player mid-meeting when saving fails (quota), keeps playing from memory, and clears the notice once saving works", async () => {
    const page = await pageWith({}, () => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if ((window as unknown as { storageFull?: boolean }).storageFull && k === "dealcraft") throw new DOMException("full", "QuotaExceededError");
        return real.call(this, k, v);
      };
    });
    await page.goto(`${baseUrl}?lang=en&seed=3&scenario=ice-to-eskimos`);
    let m = await waitForHeading(page, /^(?!Dealcraft$)./);
    await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = true));
    for (let i = 0; i < 6; i++) m = await press(page, optionsOf(m).length ? "1" : "Space");
    const banner = page.locator("#live-notice");
    expect(await banner.textContent()).toMatch(/Could not save/);
    expect(await banner.isVisible()).toBe(true);
    await screenshot(page, "store-quota-en");
    await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = false));
    // The next step that saves (a key may only finish the typewriter) writes the run kept in memory.
    for (let i = 0; i < 5 && (await banner.isVisible()); i++) m = await press(page, optionsOf(m).length ? "1" : "Space");
    expect(await banner.isVisible()).toBe(false);
    // Every step made in memory while saving failed is on disk now.
    const [onDisk, inMemory] = await page.evaluate(() => [
      JSON.stringify(JSON.parse(localStorage.getItem("dealcraft")!).state.runs["ice-to-eskimos"].snapshot),
      JSON.stringify((window as unknown as { dealcraft: { store: { getState(): { run: { snapshot: unknown } } } } }).dealcraft.store.getState().run.snapshot),
    ]);
    expect(onDisk).toBe(inMemory);
    expect(JSON.parse(onDisk!).inputs.length).toBeGreaterThan(1);
    await page.context().close();
  });

  it("returns to the title with a notice when a scene throws, instead of a frozen screen", async () => {
    const page = await pageWith({});
    await page.goto(`${baseUrl}?lang=en`);
    await waitForHeading(page, "Dealcraft");
    // The scenario list loads behind the title, with the run's scenes.
    await page.waitForFunction(() => !!(window as unknown as { dealcraft: { game: { scene: { getScene(k: string): unknown } } } }).dealcraft.game.scene.getScene("ScenarioSelect"));
    await page.evaluate(() => {
      const game = (window as unknown as { dealcraft: { game: { scene: { getScene(k: string): { update: () => void } } } } }).dealcraft.game;
      game.scene.getScene("ScenarioSelect").update = () => {
        throw new Error("boom in the list");
      };
    });
    await page.keyboard.press("Enter");
    const m = await untilMirror(page, (x) => x.lines.some((l) => l.includes("boom")), "the notice of the scene's error");
    expect(m.heading).toBe("Dealcraft");
    expect(m.lines.some((l) => /went wrong on the scenario list screen \(Error: boom in the list\)/.test(l))).toBe(true);
    expect(m.lines).toContain("1. Start");
    await page.context().close();
  });
});

describe("runs in progress, one per scenario", () => {
  it("asks before a ?scenario= link or a scenario card replaces a saved run, and Continue resumes it", async () => {
    const saved = iceRun();
    const page = await pageWith({ dealcraft: doc({ settings: DEFAULTS, progress: {}, attempts: [], runs: { "ice-to-eskimos": saved }, active: null }) });
    await page.goto(`${baseUrl}?scenario=ice-to-eskimos`);
    let m = await waitForHeading(page, `A game of "${ice.meta.title.en}" is in progress`);
    expect(optionsOf(m)).toEqual(["1. Continue where you left off", "2. Start over (replaces the saved game)", "3. Back"]);
    await screenshot(page, "resume-ask-en");
    m = await press(page, "3");
    expect(m.heading).toBe("Dealcraft");
    m = await untilOptions(page, await press(page, "1"));
    const card = optionsOf(m).findIndex((l) => l.includes(ice.meta.title.en!));
    expect(m.lines.find((l) => l.includes(ice.meta.title.en!))).toContain("In progress");
    m = await press(page, String(card + 1));
    expect(m.heading).toBe(`A game of "${ice.meta.title.en}" is in progress`);
    await page.keyboard.press("1");
    await waitForHeading(page, /^(?!A game of)(?!Dealcraft$)./);
    const resumed = await page.evaluate(() => JSON.parse(localStorage.getItem("dealcraft")!).state.runs["ice-to-eskimos"].snapshot.seed);
    expect(resumed).toBe(saved.snapshot.seed);
    await page.context().close();
  });
});

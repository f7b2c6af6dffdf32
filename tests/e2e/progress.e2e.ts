/**
 * The progress screen after real play: three attempts of the short bundled scenario,
 * then the list, a trend per competency, the weakest skill and what trains it, in both
 * languages and on a phone; the history exported as CSV and imported on another device.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { sharedBrowser, optionsOf, press, screenshot, untilMirror, waitForHeading, type Mirror } from "./browser.ts";

const baseUrl = inject("baseUrl");
const ice = JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8"));

const browser = sharedBrowser();

async function newContext(viewport = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  return { context, page };
}

/** Time the export test moves the page's clock on by in each attempt (its context's clock is installed). */
const THINK_MS = 75_000;

/** Plays the scenario to its debrief, choosing a different option each attempt (`think`: moves the installed clock on first). */
async function playIce(page: Page, attempt: number, mode: "practice" | "assessment" = "practice", think = false): Promise<void> {
  await page.goto(`${baseUrl}?lang=en&seed=${100 + attempt}&scenario=ice-to-eskimos&mode=${mode}`);
  let m: Mirror = await waitForHeading(page, /^(?!Dealcraft$)./);
  if (think) await page.context().clock.fastForward(THINK_MS);
  for (let step = 0; step < 200 && m.heading !== "Debrief"; step++) {
    const options = optionsOf(m);
    m = await press(page, options.length ? String(((attempt + step) % options.length) + 1) : "Space");
  }
  expect(m.heading).toBe("Debrief");
}

async function openProgress(page: Page, lang: "en" | "zh-CN"): Promise<Mirror> {
  await page.goto(`${baseUrl}?lang=${lang}`);
  const m = await waitForHeading(page, lang === "en" ? "Dealcraft" : "大客户攻防");
  const progress = optionsOf(m).find((l) => l.includes(lang === "en" ? "Progress" : "练习进度"))!;
  await page.keyboard.press(progress.slice(0, 1));
  const heading = lang === "en" ? "Your progress" : "练习进度";
  const recommended = lang === "en" ? "Recommended order" : "推荐的练习顺序";
  await waitForHeading(page, heading);
  // The recommendations follow once the scenarios have loaded.
  return untilMirror(page, (p) => p.heading === heading && p.lines.some((l) => l.startsWith(recommended)), "the recommended order");
}

describe("the progress screen", () => {
  it("opens on the newest attempts, keeps practice and assessment apart in the trends and the weakest skill, in both languages and on a phone", async () => {
    const { context, page } = await newContext();
    for (let i = 0; i < 2; i++) await playIce(page, i);
    await playIce(page, 2, "assessment");
    // Five older attempts from another month, so the list has two pages.
    await page.evaluate(() => {
      const c = { questioning: 40, listening: 45, presenting: 50, relationships: 55, strategy: 60, outcome: 30 };
      const old = [1, 2, 3, 4, 5].map((d) => ({ at: `2026-01-0${d}T09:00:00.000Z`, scenarioId: "first-meetings", mode: "practice" as const, total: 40 + d, competencies: c, ending: "lost", seed: `old-${d}` }));
      (window as unknown as { dealcraft: { store: { getState(): { mergeAttempts(a: unknown[]): number } } } }).dealcraft.store.getState().mergeAttempts(old);
    });
    let m = await openProgress(page, "en");
    expect(m.lines[0]).toBe("8 finished attempts, newest first. ← → to turn the pages.");
    expect(m.lines).toContain("Page 1/2");
    const rows = m.lines.filter((l) => l.includes(" — "));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain(ice.meta.title.en);
    expect(rows[0]).toMatch(/Assessment/); // the last one played
    expect(rows.filter((l) => l.includes(ice.meta.title.en))).toHaveLength(3);
    // A trend per competency, each mode its own series: seven practice points (with the old ones), one assessment point.
    const trendLines = m.lines.filter((l) => /^(Questioning|Listening|Presenting|Relationships|Strategy|Outcome): Practice (-?\d+ → ){6}-?\d+, Assessment -?\d+$/.test(l));
    expect(trendLines, m.lines.join("\n")).toHaveLength(6);
    expect(m.lines.some((l) => /^Weakest in Assessment: \w+ \(recent average -?\d+\)$/.test(l))).toBe(true);
    expect(m.lines.some((l) => /^Weakest in Practice: \w+ \(recent average -?\d+\)$/.test(l))).toBe(true);
    expect(m.lines.some((l) => l.startsWith("Train it next: "))).toBe(true);
    expect(m.lines.some((l) => l.startsWith("1. ") && (l.includes(ice.meta.title.en) || l.includes("First")))).toBe(true);
    await screenshot(page, "progress-en");
    m = await press(page, "ArrowRight");
    expect(m.lines).toContain("Page 2/2");
    expect(m.lines.filter((l) => l.includes(" — "))).toHaveLength(3); // the oldest three

    m = await openProgress(page, "zh-CN");
    expect(m.lines[0]).toMatch(/^共完成 8 次练习/);
    expect(m.lines.some((l) => l.startsWith("考核中最弱的一项："))).toBe(true);
    expect(m.lines.some((l) => l.startsWith("练习中最弱的一项："))).toBe(true);
    await screenshot(page, "progress-zh-CN");
    await page.setViewportSize({ width: 390, height: 844 }); // a phone held upright
    await openProgress(page, "zh-CN");
    await screenshot(page, "progress-phone-portrait-zh-CN");
    await context.close();
  });

  it("exports the history as CSV with the learner's name, the time spent and the ending titles, and imports it on another device without duplicates", async () => {
    const { context, page } = await newContext();
    // The page's clock runs as usual, but the test moves it on in each attempt: the time spent is then known.
    await context.clock.install();
    // The learner's name, typed once in the settings (no LMS gives one here).
    await page.goto(`${baseUrl}?lang=en`);
    await waitForHeading(page, "Dealcraft");
    let s = await press(page, "Escape");
    const nameAt = s.lines.findIndex((l) => /^\d+\. Your name \(in exports\): not set$/.test(l));
    expect(nameAt).toBeGreaterThan(0);
    for (let i = 0; i < nameAt; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("#learner-name").waitFor();
    await page.locator("#learner-name").fill("Li Wei 1");
    await screenshot(page, "settings-name-en");
    s = await press(page, "Enter");
    expect(s.lines).toContain(`${nameAt + 1}. Your name (in exports): Li Wei 1`); // the digit typed went into the name, not the menu
    for (let i = 0; i < 2; i++) await playIce(page, i + 5, "practice", true);
    await openProgress(page, "en");
    const download = page.waitForEvent("download");
    let m = await press(page, "1");
    const file = await download;
    const path = join(mkdtempSync(join(tmpdir(), "dealcraft-")), file.suggestedFilename());
    await file.saveAs(path); // the download itself goes with its browser context
    const csv = readFileSync(path, "utf8");
    expect(file.suggestedFilename()).toMatch(/^dealcraft-history-\d{4}-\d\d-\d\d\.csv$/);
    expect(csv.trim().split("\n")).toHaveLength(3);
    const [head, ...rows] = csv.replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));
    for (const row of rows) {
      const cell = (c: string) => row[head!.indexOf(c)]!;
      expect(cell("learner")).toBe("Li Wei 1");
      expect(Number(cell("seconds"))).toBeGreaterThanOrEqual(THINK_MS / 1000);
      expect(cell("ending_en")).toBe(ice.endings[cell("ending")].title.en);
      expect(cell("ending_zh_cn")).toBe(ice.endings[cell("ending")].title["zh-CN"]);
    }
    expect(m.lines).toContain("Exported 2 attempts.");
    await context.close();

    const other = await newContext({ width: 844, height: 390 }); // a phone in landscape
    await playIce(other.page, 9);
    await openProgress(other.page, "en");
    // The picker opens on the key press; the file goes into its input (headless Chromium shows no dialog).
    const importFile = async () => {
      await other.page.keyboard.press("2");
      await other.page.locator("#history-import").waitFor({ state: "attached" });
      await other.page.setInputFiles("#history-import", path);
    };
    await importFile();
    m = await waitForHeading(other.page, "Your progress");
    for (let i = 0; i < 30 && !m.lines.some((l) => l.startsWith("Imported")); i++) m = await waitForHeading(other.page, "Your progress");
    expect(m.lines).toContain("Imported: 2 new, 0 already here, 0 rows with problems.");
    expect(m.lines[0]).toMatch(/^3 finished attempts/);
    await screenshot(other.page, "progress-phone-en");
    await importFile();
    for (let i = 0; i < 30 && !m.lines.some((l) => l.startsWith("Imported: 0 new")); i++) m = await waitForHeading(other.page, "Your progress");
    expect(m.lines).toContain("Imported: 0 new, 2 already here, 0 rows with problems.");
    await other.context.close();
  });
});

/**
 * A scenario file that fails to download is not a retired scenario (issue 24): the saved
 * game is kept, the title says the file could not be fetched and offers a retry, and once
 * the file arrives Continue is back. A link to a scenario that does not exist says so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page, Route } from "playwright-core";
import { afterSteps, sharedBrowser, screenshot, untilMirror, waitForHeading, type Mirror } from "./browser.ts";
import { createRunner, loadScenario, saveRun } from "../../src/engine/index.ts";

const baseUrl = inject("baseUrl");
const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));
const DEFAULTS = { musicVolume: 0.5, effectsVolume: 0.8, muted: false, textSpeed: "normal", fontScale: 1, reducedMotion: false, showMoveMarks: true };
const browser = sharedBrowser();

function iceRun() {
  const r = createRunner(ice, 5);
  r.advance();
  return { scenarioId: ice.meta.id, title: ice.meta.title, snapshot: saveRun(r), savedAt: Date.parse("2026-11-20T09:00:00Z") };
}

async function pageWith(locale: string, store?: object, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser().newContext({ viewport, deviceScaleFactor: 1 });
  const doc = JSON.stringify({ version: 3, state: { settings: { ...DEFAULTS, locale }, ...store } });
  await context.addInitScript((d: string) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("dealcraft", d);
  }, doc);
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  return page;
}

/** Waits until a line of the mirror matches `re`. */
const untilLine = (page: Page, re: RegExp): Promise<Mirror> => untilMirror(page, (m) => m.lines.some((l) => re.test(l)), `a line matching ${re}`);

const ICE_FILE = /ice-to-eskimos[^/]*\.json(\?|$)/;

describe("a scenario file that fails to download", () => {
  it.each([
    ["en", "dropped connection", (r: Route) => r.abort("connectionreset")],
    ["zh-CN", "404", (r: Route) => r.fulfill({ status: 404, body: "not found" })],
  ])("%s, %s: the save is kept, a retry is offered, and Continue returns when the file arrives", async (locale, _how, fail) => {
    const page = await pageWith(locale, { runs: { "ice-to-eskimos": iceRun() }, active: "ice-to-eskimos" });
    let failing = true;
    await page.route(ICE_FILE, (route) => (failing ? fail(route) : route.continue()));
    await page.goto(baseUrl);
    await waitForHeading(page, locale === "en" ? "Dealcraft" : /大客户/);
    const retry = locale === "en" ? /Retry the download/ : /重新下载场景文件/;
    const m = await untilLine(page, retry);
    const text = m.lines.join("\n");
    expect(text).not.toMatch(/no longer available|已不存在/);
    expect(text).not.toMatch(/^\d+\. (Continue|继续)/m);
    await screenshot(page, `fetch-failed-${locale}`);
    // The run is still stored.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("dealcraft")!).state.runs["ice-to-eskimos"] !== undefined)).toBe(true);

    // The network is back: retry (second item, after Start) and Continue is offered again.
    failing = false;
    await page.keyboard.press("ArrowDown");
    await afterSteps(page, 2); // the focus moves in the game's next step
    await page.keyboard.press("Enter");
    const after = await untilLine(page, locale === "en" ? /^\d+\. Continue/ : /^\d+\. 继续/);
    expect(after.lines.join("\n")).not.toMatch(retry);
    await screenshot(page, `fetch-retried-${locale}`);
    await page.context().close();
  });

  it("on a phone, the retry fits the title screen", async () => {
    const page = await pageWith("zh-CN", { runs: { "ice-to-eskimos": iceRun() }, active: "ice-to-eskimos" }, { width: 390, height: 844 });
    await page.route(ICE_FILE, (route) => route.abort("failed"));
    await page.goto(baseUrl);
    await untilLine(page, /重新下载场景文件/);
    await screenshot(page, "fetch-failed-phone");
    await page.context().close();
  });
});

describe("a link to a scenario that does not exist", () => {
  it.each([
    ["en", /No scenario "no-such-scenario" was found/],
    ["zh-CN", /找不到场景「no-such-scenario」/],
  ])("%s: says the scenario was not found", async (locale, said) => {
    const page = await pageWith(locale);
    await page.goto(`${baseUrl}?scenario=no-such-scenario&lang=${locale}`);
    await untilLine(page, said);
    await screenshot(page, `scenario-not-found-${locale}`);
    await page.context().close();
  });
});

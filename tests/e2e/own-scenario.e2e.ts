import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser, optionsOf, press, readMirror, screenshot, untilMirror, untilOptions, waitForHeading, type Mirror } from "./browser.ts";
import { parseScenarioText } from "../../src/engine/check.ts";

const baseUrl = inject("baseUrl");

// Scenario files that are not in the repo: written to a temp folder by the test.
const dir = mkdtempSync(join(tmpdir(), "dealcraft-own-"));
const mini = JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8"));
const valid = { ...mini, meta: { ...mini.meta, id: "own-visit", title: { "zh-CN": "自己的拜访", en: "My own visit" } } };
const validPath = join(dir, "my-visit.json");
writeFileSync(validPath, JSON.stringify(valid, null, 2));
const zhOnly = readFileSync("tests/fixtures/own/zh-only.json", "utf8");
const zhOnlyPath = join(dir, "zh-only.json");
writeFileSync(zhOnlyPath, zhOnly);
// Broken in many places at once, so the problems need more than one page.
const broken = JSON.parse(JSON.stringify(valid));
broken.meta.id = "own-broken";
broken.cast.buyer.department = "marketing";
for (let i = 0; i < 14; i++) broken.nodes[`extra-${i}`] = { lines: [{ speaker: `ghost-${i}`, text: { "zh-CN": "……" } }], next: `missing-${i}` };
const brokenText = JSON.stringify(broken, null, 2);
const brokenPath = join(dir, "broken.json");
writeFileSync(brokenPath, brokenText);
const expectedProblems = parseScenarioText(brokenText).problems;
// The same files on the game's own origin (the built site serves dist/): links work there
// under the site's Content-Security-Policy (connect-src 'self').
mkdirSync("dist/e2e-own", { recursive: true });
writeFileSync("dist/e2e-own/my-visit.json", JSON.stringify(valid));
writeFileSync("dist/e2e-own/broken.json", brokenText);

const browser = sharedBrowser();
let server: Server;
let otherOrigin: string;
beforeAll(async () => {
  // Another origin that allows the game (CORS), as a course site hosting a scenario would.
  server = createServer((req, res) => {
    const body = req.url?.startsWith("/broken.json") ? brokenText : JSON.stringify(valid);
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  otherOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
});

async function newPage(lang = "en"): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl}?lang=${lang}&seed=3`);
  return page;
}

async function toScenarioList(page: Page, title = "Dealcraft"): Promise<Mirror> {
  await waitForHeading(page, title);
  // "1" is Start (Enter would pick "Continue" once a run is saved); a key pressed while the
  // title redraws its menu is dropped by design, so press again until the list shows.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("1");
    const left = await page
      .waitForFunction((t) => document.querySelector("#a11y-live h2")?.textContent !== t, title, { timeout: 1_000 })
      .then(() => true, () => false);
    if (left) return untilOptions(page, await readMirror(page));
  }
  throw new Error("the scenario list never opened");
}

/** Waits until the mirror's heading matches, following updates. */
const until = (page: Page, test: (m: Mirror) => boolean): Promise<Mirror> => untilMirror(page, test);

/** Turns the scenario list's pages (three cards a page) until a card containing `text` shows. */
async function pageTo(page: Page, m: Mirror, text: string): Promise<Mirror> {
  for (let i = 0; i < 5 && !m.lines.some((l) => l.includes(text)); i++) {
    const more = optionsOf(m).find((l) => l.includes("More scenarios"));
    if (!more) break;
    m = await press(page, more.split(".")[0]!);
  }
  return m;
}

/** Pages through the problems overlay and returns every "n. path: message" line shown. */
async function allProblemLines(page: Page, m: Mirror): Promise<string[]> {
  const lines: string[] = [];
  for (let pages = 0; pages < 20; pages++) {
    lines.push(...m.lines.filter((l) => /^\d+\. \$/.test(l)));
    const range = m.lines.map((l) => /^Problems \d+–(\d+) of (\d+)$/.exec(l)).find(Boolean);
    if (!range || range[1] === range[2]) break;
    m = await press(page, "ArrowRight");
  }
  return lines;
}

describe("playing a scenario file that is not in the repo", () => {
  it("opens a file with the button, plays it at once, keeps it after a reload, and removes it", async () => {
    const page = await newPage();
    // Playwright starts catching the file dialog asynchronously: ask well before the key that opens it.
    const chooser = page.waitForEvent("filechooser", { timeout: 60_000 });
    let m = await toScenarioList(page);
    expect(m.lines.some((l) => l.includes("Open a scenario file"))).toBe(true);
    await screenshot(page, "own-1-select-en");
    const open = optionsOf(m).find((l) => l.includes("Open a scenario file"))!;
    await page.keyboard.press(open.split(".")[0]!);
    expect((await chooser).isMultiple()).toBe(false); // the button opens the browser's file dialog
    await page.setInputFiles("#scenario-file-input", validPath); // what choosing a file in it does
    await until(page, (x) => x.lines.some((l) => l.includes("A meeting room.")));
    await page.reload();
    m = await pageTo(page, await toScenarioList(page), "My own visit");
    const card = m.lines.find((l) => l.includes("My own visit"));
    expect(card).toContain("[your file]");
    await screenshot(page, "own-2-library-en");
    for (let i = 1; i < Number(card!.split(".")[0]); i++) await page.keyboard.press("ArrowDown"); // focus, not start
    await page.keyboard.press("Delete");
    m = await until(page, (x) => x.lines.some((l) => l.startsWith("Removed from this browser: My own visit")));
    expect(m.lines.some((l) => l.includes("[your file]"))).toBe(false);
    await page.context().close();
  });

  it("plays a file dropped on the page; a zh-CN-only one is marked 中文 in the English list", async () => {
    const page = await newPage();
    await toScenarioList(page);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "zh-only.json", { type: "application/json" }));
      window.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, cancelable: true }));
    }, zhOnly);
    await until(page, (x) => x.lines.some((l) => l.includes("会议室。")));
    await page.goto(`${baseUrl}?lang=en`); // the library keeps it across visits
    const m = await pageTo(page, await toScenarioList(page), "小测试");
    expect(m.lines.find((l) => l.includes("小测试"))).toContain("[中文]");
    await page.context().close();
  });

  it("plays a link (?src=), relative or absolute, on the site's own origin", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=en&src=e2e-own/my-visit.json`);
    await until(page, (x) => x.lines.some((l) => l.includes("A meeting room.")));
    await page.goto(`${baseUrl}?lang=en&src=${encodeURIComponent(new URL("e2e-own/my-visit.json", baseUrl).href)}`);
    await until(page, (x) => x.lines.some((l) => l.includes("A meeting room.")));
    await page.context().close();
  });

  it("says on screen why a link to another origin could not be opened, and keeps running", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=en&src=${encodeURIComponent(otherOrigin + "/my-visit.json")}`);
    const m = await until(page, (x) => x.heading === "my-visit.json: 1 problem(s)");
    expect(m.lines.find((l) => l.startsWith("1. $: could not be downloaded from 127.0.0.1"))).toMatch(/CORS.*Content-Security-Policy/);
    expect((await press(page, "Escape")).heading).toBe("Choose a scenario");
    await page.context().close();
  });

  it.each([
    ["a file", "file"],
    ["a link", "src"],
  ])("shows every problem of an invalid %s on screen, with its path, and the game keeps running", async (_what, how) => {
    const page = await newPage();
    let m: Mirror;
    if (how === "src") {
      await page.goto(`${baseUrl}?lang=en&src=e2e-own/broken.json`);
    } else {
      await toScenarioList(page);
      await page.setInputFiles("#scenario-file-input", brokenPath);
    }
    m = await until(page, (x) => x.heading.startsWith("broken.json: "));
    expect(m.heading).toBe(`broken.json: ${expectedProblems.length} problem(s)`);
    expect(expectedProblems.length).toBeGreaterThan(20);
    if (how === "file") await screenshot(page, "own-3-problems-en");
    const shown = await allProblemLines(page, m);
    expect(shown).toEqual(expectedProblems.map((p, i) => `${i + 1}. ${p.path}: ${p.message}`));
    m = await press(page, "Escape");
    expect(m.heading).toBe("Choose a scenario"); // still running: back on the list
    await page.context().close();
  });
});

import { mkdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";

export const SCREENSHOT_DIR = "tests/e2e/screenshots";

/** Debian's Chromium (or CHROMIUM_PATH); Playwright adds the headless flags itself. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** One browser for the test file: launched before its tests, closed after them. Call it at the file's top level. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A fresh page in its own context at the desktop size; an uncaught page error fails the test. */
export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  return page;
}

/** What the aria-live mirror says now. */
export interface Mirror {
  heading: string;
  lines: string[];
  updates: number;
}

export async function readMirror(page: Page): Promise<Mirror> {
  return page.evaluate(() => {
    const root = document.getElementById("a11y-live")!;
    return {
      heading: root.querySelector("h2")?.textContent ?? "",
      lines: [...root.querySelectorAll("p")].map((p) => p.textContent ?? ""),
      updates: Number(root.dataset.updates ?? 0),
    };
  });
}

/** Waits until the mirror changes after `since` updates, then returns it. */
export async function nextMirror(page: Page, since: number): Promise<Mirror> {
  await page.waitForFunction((n) => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0) > n, since, { timeout: 15_000 });
  return readMirror(page);
}

/** Presses a key and waits for what the screen says next. */
export async function press(page: Page, key: string): Promise<Mirror> {
  const before = (await readMirror(page)).updates;
  await page.keyboard.press(key);
  return nextMirror(page, before);
}

export async function waitForHeading(page: Page, heading: string | RegExp): Promise<Mirror> {
  for (let i = 0; i < 150; i++) {
    const m = await readMirror(page);
    if (typeof heading === "string" ? m.heading === heading : heading.test(m.heading)) return m;
    await page.waitForTimeout(100);
  }
  throw new Error(`mirror heading never became ${heading}; it says ${JSON.stringify(await readMirror(page))}`);
}

/** Saves a screenshot; `settleMs` lets the typewriter and tweens finish first. */
export async function screenshot(page: Page, name: string, settleMs = 150): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** Numbered options on screen ("1. …"). */
export function optionsOf(m: Mirror): string[] {
  return m.lines.filter((l) => /^[1-9]\. /.test(l));
}

/** Waits until the screen lists numbered options (the scenario list fills in once scenarios load). */
export async function untilOptions(page: Page, m: Mirror): Promise<Mirror> {
  while (optionsOf(m).length === 0) m = await nextMirror(page, m.updates);
  return m;
}

import { mkdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";

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

export async function readMirror(page: Page | Frame): Promise<Mirror> {
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
export async function nextMirror(page: Page | Frame, since: number, timeout = 15_000): Promise<Mirror> {
  await page.waitForFunction((n) => Number(document.getElementById("a11y-live")?.dataset.updates ?? 0) > n, since, { timeout });
  return readMirror(page);
}

/** Presses a key and waits for what the screen says next. */
export async function press(page: Page, key: string): Promise<Mirror> {
  const before = (await readMirror(page)).updates;
  await page.keyboard.press(key);
  return nextMirror(page, before);
}

/** Follows the mirror's updates until what it says passes `test` (at most `updates` more updates). */
export async function untilMirror(page: Page | Frame, test: (m: Mirror) => boolean, what = "the expected screen", updates = 150): Promise<Mirror> {
  let m = await readMirror(page);
  for (let i = 0; i < updates && !test(m); i++) {
    m = await nextMirror(page, m.updates).catch(async () => {
      throw new Error(`never showed ${what}; the mirror says ${JSON.stringify(await readMirror(page))}`);
    });
  }
  if (!test(m)) throw new Error(`never showed ${what}; the mirror says ${JSON.stringify(m)}`);
  return m;
}

export async function waitForHeading(page: Page | Frame, heading: string | RegExp): Promise<Mirror> {
  const matches = (m: Mirror) => (typeof heading === "string" ? m.heading === heading : heading.test(m.heading));
  return untilMirror(page, matches, `the heading ${heading}`);
}

type GameWindow = {
  dealcraft?: {
    game: {
      renderGate: { stats: { drawn: number; skipped: number } };
      scene: { getScenes(active: boolean): { tweens: { getTweens(): unknown[] }; dialogue?: { typing?: boolean } | null }[] };
    };
  };
};

/** The game loop's steps so far (drawn and skipped frames), or null on a page without the game. */
export const gameSteps = (page: Page | Frame): Promise<number | null> =>
  page.evaluate(() => {
    const stats = (window as unknown as GameWindow).dealcraft?.game.renderGate.stats;
    return stats ? stats.drawn + stats.skipped : null;
  });

/**
 * Waits until the game loop has run `n` more steps (input is read and the screen redrawn in a step):
 * what "nothing happened" or "the key is on screen" can be judged after, on a loaded machine too.
 * On a page without the game, waits for two painted frames instead.
 */
export async function afterSteps(page: Page | Frame, n: number): Promise<void> {
  const at = await gameSteps(page);
  if (at === null) {
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    return;
  }
  await page.waitForFunction(
    ([from, more]) => {
      const stats = (window as unknown as GameWindow).dealcraft!.game.renderGate.stats;
      return stats.drawn + stats.skipped >= from! + more!;
    },
    [at, n],
    { timeout: 15_000 },
  );
}

/**
 * Waits until the game's screen is settled: no line still typing out, no tween running (toasts,
 * fades), and a frame drawn since. Reads the Meeting scene's dialogue, a private field, because
 * the typewriter has no public sign of its own. On a page without the game: two painted frames.
 */
export async function untilSettled(page: Page | Frame): Promise<void> {
  await page.waitForFunction(
    () => {
      const game = (window as unknown as GameWindow).dealcraft?.game;
      return !game || game.scene.getScenes(true).every((s) => s.tweens.getTweens().length === 0 && !s.dialogue?.typing);
    },
    undefined,
    { timeout: 20_000 },
  );
  await afterSteps(page, 2);
}

/** Saves a screenshot once the screen is settled (the typewriter done, tweens finished). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await untilSettled(page);
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

/**
 * The game under its own Content-Security-Policy (the <meta> in the page and the header
 * from public/_headers, which `vite preview` sends as a static host would): the starter is
 * played to the debrief with sound on, and the browser must report no violation, neither
 * as a `securitypolicyviolation` event nor as a console error, in the page or its workers.
 */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { sharedBrowser, optionsOf, press, untilOptions, waitForHeading } from "./browser.ts";

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();

interface Watch {
  page: Page;
  console: string[];
  violations: () => Promise<string[]>;
}

const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy|Refused to/i;

/** A page that records every CSP violation event and every console error, its workers' included. */
async function watchedPage(): Promise<Watch> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const messages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || CSP_MESSAGE.test(m.text())) messages.push(m.text());
  });
  page.on("worker", (w) => w.on("console", (m) => messages.push(`worker: ${m.text()}`)));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  return {
    page,
    console: messages,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** Violation reports the server received since the last call (from the page and its workers). */
async function reports(): Promise<unknown[]> {
  return (await fetch(`${baseUrl}__csp`)).json() as Promise<unknown[]>;
}

const soundLog = (page: Page) => page.evaluate(() => (window as unknown as { dealcraft: { sound: { log: string[] } } }).dealcraft.sound.log);

describe("Content-Security-Policy", () => {
  it("is sent as a header and as a <meta>, strict: no eval, no inline scripts, frames only from the site", async () => {
    const w = await watchedPage();
    const res = await w.page.goto(`${baseUrl}?lang=en`);
    const header = res!.headers()["content-security-policy"] ?? "";
    const meta = await w.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "");
    for (const policy of [header, meta]) {
      expect(policy).toMatch(/default-src 'self'/);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
      expect(policy).toMatch(/object-src 'none'/);
    }
    expect(header).toMatch(/frame-ancestors 'self'/);
    expect(meta).not.toMatch(/frame-ancestors/); // ignored (with a console error) in a <meta>
    expect(header.replace(/; frame-ancestors [^;]+/, "").replace(/; report-uri \S+$/, "")).toBe(meta);
    await w.page.context().close();
  });

  it("plays the starter to the debrief with music and effects, reloading and continuing halfway, and reports no violation", async () => {
    await reports(); // drop what earlier files left
    const w = await watchedPage();
    const { page } = w;
    await page.goto(`${baseUrl}?lang=en&seed=3`);
    await waitForHeading(page, "Dealcraft");
    let m = await untilOptions(page, await press(page, "Enter"));
    m = await press(page, "1");
    const play = async (steps: number) => {
      for (let step = 0; step < steps && m.heading !== "Debrief"; step++) m = await press(page, optionsOf(m).length > 0 ? "1" : "Space");
    };
    await play(12);
    // Continue restores the autosave on the main thread (the save schema: zod there too).
    await page.reload();
    m = await waitForHeading(page, "Dealcraft");
    expect(m.lines.some((l) => l.startsWith("2. Continue"))).toBe(true);
    m = await press(page, "2");
    await play(300);
    expect(m.heading).toBe("Debrief");
    await page.waitForFunction(() => (window as unknown as { dealcraft: { sound: { log: string[] } } }).dealcraft.sound.log.includes("music"), undefined, { timeout: 10_000 });
    const log = await soundLog(page);
    expect(log).toContain("confirm");
    expect(log.filter((l) => l.startsWith("error:"))).toEqual([]);
    expect(await w.violations()).toEqual([]);
    expect(w.console).toEqual([]);
    await page.context().close();
    expect(await reports()).toEqual([]);
  });

  it("would notice a violation: an injected inline script is blocked and reported", async () => {
    const w = await watchedPage();
    await w.page.goto(`${baseUrl}?lang=en`);
    await waitForHeading(w.page, "Dealcraft");
    const ran = await w.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.injected = true";
      document.body.appendChild(s); // an allowed inline script would have run by now
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    // The event, the console error and the report arrive after the block: wait for each.
    await expect.poll(async () => (await w.violations()).some((v) => v.startsWith("script-src"))).toBe(true);
    await expect.poll(() => w.console.some((c) => CSP_MESSAGE.test(c))).toBe(true);
    const received: unknown[] = [];
    await expect
      .poll(async () => {
        received.push(...(await reports()));
        return JSON.stringify(received);
      })
      .toMatch(/script-src/);
    await w.page.context().close();
  });
});

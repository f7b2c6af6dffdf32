import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startRoomServer, type RunningRoomServer } from "../../server/app.ts";
import { SCREENSHOT_DIR, sharedBrowser, screenshot, untilSettled, waitForHeading } from "./browser.ts";

// The room server serves the build global-setup made (dist/) and the session protocol, on a free loopback port.
let server: RunningRoomServer;
const browser = sharedBrowser();
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startRoomServer({ host: "127.0.0.1", port: 0, distDir: process.env.DEALCRAFT_OUT ?? "dist", scenariosDir: "scenarios" });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await server?.close();
});

async function newPage(options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  const context = await browser().newContext({ acceptDownloads: true, ...options });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  page.on("dialog", (d) => void d.accept());
  return page;
}

/** A screenshot of the page in its current locale, then in the other, and back (`full`: the whole page, scrolled). */
async function both(page: Page, name: string, full = false): Promise<void> {
  const shoot = async (locale: string) => {
    if (!full) return screenshot(page, `room-${name}-${locale}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await untilSettled(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/room-${name}-${locale}.png`, fullPage: true });
  };
  const first = await page.evaluate(() => document.documentElement.lang);
  await shoot(first);
  await page.click("button.lang");
  const second = await page.evaluate(() => document.documentElement.lang);
  expect(second).not.toBe(first);
  await shoot(second);
  await page.click("button.lang");
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

/**
 * The index of the first SPIN question among the options shown ("S 背景问题", "P Problem"…), else 0.
 * The options' order is shuffled per room, and a question never ends a run at once (a gift over the cap
 * disqualifies), so a majority voting this way plays more than one round whatever the shuffle.
 */
async function questionIndex(page: Page): Promise<number> {
  const moves = await page.locator(".options button.option").evaluateAll((buttons) => buttons.map((b) => b.querySelector(".move")?.textContent ?? ""));
  return Math.max(0, moves.findIndex((m) => /^[SPIN] /.test(m)));
}

describe("a team session in real Chromium: a facilitator and three phones", () => {
  it("runs the shorter bundled scenario from setup to the session debrief", async () => {
    const host = await newPage({ viewport: { width: 1366, height: 900 } });
    await host.goto(`${server.url}/host.html?lang=zh-CN`);
    await host.waitForSelector("input[name=scenario]");
    await both(host, "host-setup");

    await host.check("input[name=scenario][value=ice-to-eskimos]");
    await host.check("input[name=mode][value=room]");
    await host.selectOption("select[name=timer]", "120");
    await host.click("form button[type=submit]");
    await host.waitForSelector(".lobby .room-code");
    const code = (await text(host, ".room-code")).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    // The QR code (an SVG the server draws for this room's join link) has loaded.
    await host.waitForFunction(() => ((document.querySelector("img.qr") as HTMLImageElement | null)?.naturalWidth ?? 0) > 50);

    // Phone 1: a phone with touch, joining by the QR code's link. Phone 2 types the code. Phone 3 in English.
    const phone = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const tablet = await newPage({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    const laptop = await newPage({ viewport: { width: 1024, height: 768 } });
    await phone.goto(`${server.url}/join.html?room=${code}&lang=zh-CN`);
    await tablet.goto(`${server.url}/join.html?lang=zh-CN`);
    await laptop.goto(`${server.url}/join.html?lang=en`);
    await both(phone, "join-form");
    await phone.fill("#name", "王芳");
    await phone.tap("form button[type=submit]");
    await tablet.fill("#code", code.toLowerCase());
    await tablet.fill("#name", "李雷");
    await tablet.click("form button[type=submit]");
    await laptop.fill("#code", code);
    await laptop.fill("#name", "<b>Sam</b>");
    await laptop.click("form button[type=submit]");
    for (const p of [phone, tablet, laptop]) await p.waitForSelector(".who");
    await host.waitForFunction(() => document.querySelectorAll(".chip").length === 3);
    // A name with markup is shown as text, never as HTML.
    expect(await host.locator(".chip .name").allInnerTexts()).toContain("<b>Sam</b>");
    await both(host, "host-lobby");
    await both(phone, "join-waiting");

    await host.click("button.primary");
    await host.waitForSelector(".live.phase-reading");
    await both(host, "host-reading");
    await phone.waitForSelector(".phase-reading");
    await both(phone, "join-reading");

    let round = 0;
    while (!(await host.locator(".debrief").count())) {
      round++;
      expect(round).toBeLessThan(30);
      await host.click("[data-action=primary]"); // open the vote
      await host.waitForSelector(".live.phase-voting");
      for (const p of [phone, tablet, laptop]) await p.waitForSelector(".options button.option");
      const count = await phone.locator(".options button.option").count();
      await phone.locator(".options button.option").nth(await questionIndex(phone)).tap();
      await phone.waitForSelector(".option.mine");
      await tablet.locator(".options button.option").nth(await questionIndex(tablet)).click();
      await laptop.locator(".options button.option").nth(Math.min(1, count - 1)).click();
      if (round === 1) {
        // A phone reloads mid-vote: it comes back in its place, its vote still marked.
        await tablet.waitForSelector(".option.mine");
        await tablet.reload();
        await tablet.waitForSelector(".option.mine");
        await host.waitForFunction(() => document.querySelectorAll(".chip.voted").length === 3);
        expect(await text(host, ".tally")).toMatch(/3/);
        expect(await host.locator(".bars").count()).toBe(0); // count only until closed
        await both(host, "host-voting");
        await both(phone, "join-voting");
      }
      await host.waitForFunction(() => document.querySelectorAll(".chip.voted").length === 3);
      await host.click("[data-action=primary]"); // close
      await host.waitForSelector(".live.phase-closed");
      await host.click("[data-action=primary]"); // reveal
      await host.waitForSelector(".bars");
      await phone.waitForSelector(".bars");
      if (round === 1) {
        expect(await host.locator(".bars .bar.chosen").count()).toBe(1);
        await both(host, "host-revealed");
        await both(phone, "join-revealed");
        await host.click("text=/显示客户地图|Show the account map/");
        await host.waitForSelector(".account");
        await phone.waitForSelector(".account");
        await both(host, "host-account-map");
        await both(phone, "join-account-map", true);
        await host.click("text=/隐藏客户地图|Hide the account map/");
        await host.waitForFunction(() => !document.querySelector(".live .account"));
      }
      await host.click("[data-action=primary]"); // play the room's choice
      await host.waitForFunction(() => !!document.querySelector(".live.phase-reading, .debrief"));
    }

    expect(round).toBeGreaterThan(1);
    await host.waitForSelector(".debrief .decision");
    expect(await host.locator(".debrief .decision").count()).toBe(round);
    expect(await host.locator(".board li").count()).toBe(3);
    await host.evaluate(() => window.scrollTo(0, 0));
    await both(host, "host-debrief", true);
    for (const p of [phone, tablet, laptop]) await p.waitForSelector(".result");
    await both(phone, "join-debrief", true);
    await screenshot(laptop, "room-join-debrief-laptop-en");

    const download = host.waitForEvent("download");
    await host.click("text=/导出 CSV|Export CSV/");
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv.trim().split("\n")).toHaveLength(1 + 3 * round);
    expect(csv).toContain("<b>Sam</b>");
  });

  it("runs competing teams: each team's deal on the projector, team scores in the debrief", async () => {
    // The facilitator comes from the game's title menu (the game as the room server serves it).
    const host = await newPage({ viewport: { width: 1366, height: 900 } });
    await host.goto(`${server.url}/?lang=en`);
    const title = await waitForHeading(host, "Dealcraft");
    expect(title.lines).toContain("4. Host a team session");
    await host.keyboard.press("4");
    await host.waitForURL(/\/host\.html\?lang=en$/);
    await host.waitForSelector("input[name=scenario]");
    expect(await host.evaluate(() => document.documentElement.lang)).toBe("en");
    await host.check("input[name=scenario][value=ice-to-eskimos]");
    await host.check("input[name=mode][value=compete]");
    await host.fill("input[name=team-0]", "Red");
    await host.fill("input[name=team-1]", "Blue");
    await both(host, "host-setup-teams");
    await host.selectOption("select[name=timer]", "0");
    await host.click("form button[type=submit]");
    await host.waitForSelector(".lobby .room-code");
    const code = (await text(host, ".room-code")).trim();

    const red = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const blue = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const [page, name, team] of [[red, "Ada", "Red"], [blue, "Bo", "Blue"]] as const) {
      await page.goto(`${server.url}/join.html?room=${code}&lang=en`);
      await page.waitForSelector("#team option[value=" + team + "]", { state: "attached" });
      await page.fill("#name", name);
      await page.selectOption("#team", team);
      await page.tap("form button[type=submit]");
      await page.waitForSelector(".who");
      expect(await text(page, ".who")).toContain(team);
    }
    await host.waitForFunction(() => document.querySelectorAll(".chip").length === 2);
    await both(host, "host-lobby-teams");
    await host.click("button.primary");
    await host.waitForSelector(".live.phase-reading");
    expect(await host.locator(".track").count()).toBe(2);
    await host.click("[data-action=primary]");
    await red.waitForSelector(".options button.option");
    await red.locator(".options button.option").nth(1).tap();
    await blue.waitForSelector(".options button.option");
    await blue.locator(".options button.option").nth(3).tap();
    await host.waitForFunction(() => document.querySelectorAll(".chip.voted").length === 2);
    await host.click("text=Reveal the votes");
    await host.waitForFunction(() => document.querySelectorAll(".track .bars").length === 2);
    await both(host, "host-revealed-teams");
    await both(red, "join-revealed-team");
    await host.click("[data-action=primary]");
    await host.waitForSelector(".live.phase-reading");
    await host.click("text=End the session");
    await host.waitForSelector(".debrief .teams-board li");
    expect(await host.locator(".teams-board li").count()).toBe(2);
    await both(host, "host-debrief-teams", true);
  });
});

/**
 * The SCORM packages in a stand-in LMS (scorm-again's run-time, 1.2 and 2004): the game
 * as the SCO in a frame plays the short bundled scenario; we check what it set (status,
 * score, one interaction per decision, never passed before the end, each launch's own
 * session time and exit = suspend committed without waiting for the page to close), then a
 * reload mid-run resumes from the suspend data. Also: an LMS whose SetValue answers false
 * for a while, and a SCO in a frame of a popup window the LMS opened.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { sharedBrowser, screenshot } from "./browser.ts";
import { serveHarness } from "./lms/serve.ts";
import { createRunner, loadScenario } from "../../src/engine/index.ts";

const MASTERY = 30;
const browser = sharedBrowser();

/** Builds the package from the e2e build (dist/) with the CLI and unpacks it. */
function packageAndUnpack(standard: "1.2" | "2004"): { dir: string; launch: string; manifest: string } {
  const dir = mkdtempSync(join(tmpdir(), `dealcraft-sco${standard}-`));
  const zip = join(dir, "package.zip");
  execFileSync("npx", ["tsx", "src/cli/package-scorm.ts", "--standard", standard, "--scenario", "ice-to-eskimos", "--mastery", String(MASTERY), "--dist", "dist", "--out", zip], { stdio: "pipe" });
  const files = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, "sco", name)), { recursive: true });
    writeFileSync(join(dir, "sco", name), data);
  }
  const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
  const href = /<resource [^>]*href="([^"]+)"/.exec(manifest)![1]!;
  const params = /<item [^>]*parameters="([^"]+)"/.exec(manifest)![1]!.replace(/&amp;/g, "&");
  return { dir: join(dir, "sco"), launch: `${href}${params}&lang=en&seed=${LONG_SEED}`, manifest };
}

/**
 * A seed on which taking the first listed option every time makes several decisions before the
 * ending (on some seeds the first option listed is the lavish gift, which ends the run at once),
 * found with the engine so a change of content does not silently shorten the test.
 */
const LONG_SEED = (() => {
  const ice = loadScenario(JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8")));
  for (let seed = 1; seed < 200; seed++) {
    const r = createRunner(ice, String(seed), { advise: false }); // the game reads ?seed= as a string
    let decisions = 0;
    for (let i = 0; i < 500 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
      if (r.status === "line") r.advance();
      else {
        r.choose(r.options[0]!.id);
        decisions++;
      }
    }
    if (decisions >= 6) return seed;
  }
  throw new Error("no seed of ice-to-eskimos lasts six first-option decisions");
})();

interface Screen {
  heading: string;
  lines: string[];
  updates: number;
}
const read = (f: Frame): Promise<Screen> =>
  f.evaluate(() => {
    const root = document.getElementById("a11y-live")!;
    return { heading: root.querySelector("h2")?.textContent ?? "", lines: [...root.querySelectorAll("p")].map((p) => p.textContent ?? ""), updates: Number(root.dataset.updates ?? 0) };
  });
const options = (s: Screen) => s.lines.filter((l) => /^[1-9]\. /.test(l));

async function key(page: Page, f: Frame, k: string): Promise<Screen> {
  const before = (await read(f)).updates;
  await page.keyboard.press(k);
  await f.waitForFunction((n) => Number(document.getElementById("a11y-live")!.dataset.updates ?? 0) > n, before, { timeout: 15_000 });
  return read(f);
}

/** Decisions made so far in the game's run. */
const turn = (f: Frame): Promise<number> =>
  f.evaluate(() => (((window as unknown as { dealcraft: { store: { getState(): { run: { snapshot: { inputs: { choose?: string }[] } } | null } } } }).dealcraft.store.getState().run?.snapshot.inputs ?? []).filter((i) => i.choose !== undefined).map((i) => i.choose!)).length);
/** The options chosen so far, in order. */
const chosen = (f: Frame): Promise<string[]> => f.evaluate(() => (((window as unknown as { dealcraft: { store: { getState(): { run: { snapshot: { inputs: { choose?: string }[] } } | null } } } }).dealcraft.store.getState().run?.snapshot.inputs ?? []).filter((i) => i.choose !== undefined).map((i) => i.choose!)));

/** The SCO's frame, once the game in it has reached its meeting (past the title). */
async function gameFrame(page: Page): Promise<Frame> {
  const f = await (await page.waitForSelector('iframe[src*="/sco/"]', { timeout: 15_000 })).contentFrame();
  if (!f) throw new Error("the SCO's iframe has no frame");
  await f
    .waitForFunction(
      () => {
        const heading = document.getElementById("a11y-live")?.querySelector("h2")?.textContent;
        return !!heading && heading !== "Dealcraft";
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(async (e: unknown) => {
      throw new Error(`the SCO never reached its meeting; it says ${JSON.stringify(await read(f).catch(() => null))} (${String(e)})`);
    });
  return f;
}

/** Time the tests move the page's clock on by within a launch. */
const SPENT_MS = 90_000;

/** Session time and exit mode as the LMS holds them (seconds; 1.2 keeps HH:MM:SS, 2004 an ISO duration). */
const lmsSession = (page: Page, v2004: boolean) =>
  page.evaluate((is2004) => {
    const s = (window as unknown as { lms: { state(): Record<string, Record<string, unknown>> } }).lms.state();
    const t = String(is2004 ? s.session_time : s.core!.session_time);
    const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(t);
    const [h, m, sec] = iso ? [iso[1], iso[2], iso[3]].map((x) => Number(x ?? 0)) : t.split(":").map(Number);
    return { seconds: h! * 3600 + m! * 60 + sec!, raw: t, exit: String(is2004 ? s.exit : s.core!.exit), suspend: String(s.suspend_data ?? "") };
  }, v2004);

const lmsStatus = (page: Page, v2004: boolean) =>
  page.evaluate((is2004) => {
    const s = (window as unknown as { lms: { state(): Record<string, Record<string, unknown>> } }).lms.state();
    return is2004 ? { status: String(s.success_status), completion: String(s.completion_status), raw: String((s.score as Record<string, unknown>).raw) } : { status: String((s.core as Record<string, unknown>).lesson_status), completion: "", raw: String(((s.core as Record<string, Record<string, unknown>>).score as Record<string, unknown>).raw) };
  }, v2004);

describe.each(["1.2", "2004"] as const)("the SCORM %s package in an LMS", (standard) => {
  const v2004 = standard === "2004";
  let sco: ReturnType<typeof packageAndUnpack>;
  let server: Awaited<ReturnType<typeof serveHarness>>;
  beforeAll(async () => {
    sco = packageAndUnpack(standard);
    server = await serveHarness(sco.dir, `node_modules/scorm-again/dist/${v2004 ? "scorm2004" : "scorm12"}.min.js`);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("has a manifest naming its schema files and the game as one SCO locked to the scenario", () => {
    expect(sco.manifest).toContain(v2004 ? "<schemaversion>2004 4th Edition</schemaversion>" : "<schemaversion>1.2</schemaversion>");
    expect((sco.manifest.match(/<resource /g) ?? []).length).toBe(1);
    expect(sco.launch).toMatch(/^index\.html\?scenario=ice-to-eskimos&mode=assessment&mastery=30/);
    for (const [, file] of sco.manifest.matchAll(/ (\S+\.xsd)/g)) expect(readFileSync(join(sco.dir, file!), "utf8")).toContain("<xs:schema");
  });

  it("reports status, score and one interaction per decision; resumes after a reload; never passed before the end", async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 740 }, deviceScaleFactor: 1 });
    // The page's clock runs as usual, but the test can move it on: time spent is then known, not a race.
    await context.clock.install();
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`${server.url}/harness.html?std=${standard}&launch=${encodeURIComponent(sco.launch)}`);
    let f = await gameFrame(page);
    await context.clock.fastForward(SPENT_MS); // the learner thinks a while before the first decision
    await page.locator("iframe").click({ position: { x: 640, y: 700 } }); // keyboard focus into the game
    let s = await read(f);
    const seen = new Set<string>();
    // Three decisions (a key may only finish the typewriter), then the learner leaves mid-run.
    for (let step = 0; step < 100 && (await turn(f)) < 3; step++) {
      s = await key(page, f, options(s).length ? "1" : "Space");
      seen.add((await lmsStatus(page, v2004)).status);
    }
    expect(await page.evaluate(() => (window as unknown as { lms: { interactions(): unknown[] } }).lms.interactions().length)).toBe(3);
    // Committed with the steps, not at page close: this launch's time so far and exit = suspend.
    const firstLaunch = await lmsSession(page, v2004);
    expect(firstLaunch.seconds, firstLaunch.raw).toBeGreaterThanOrEqual(SPENT_MS / 1000);
    expect(firstLaunch.exit).toBe("suspend");
    const before = await chosen(f);
    await page.evaluate(() => (window as unknown as { lms: { keep(): void } }).lms.keep());
    await page.reload();

    f = await gameFrame(page);
    await context.clock.fastForward(SPENT_MS);
    expect(await chosen(f)).toEqual(before); // resumed with the same decisions
    expect(before).toHaveLength(3);
    await screenshot(page, `lms-scorm${standard}-resumed`);
    await page.locator("iframe").click({ position: { x: 640, y: 700 } });
    s = await read(f);
    for (let step = 0; step < 200 && s.heading !== "Debrief"; step++) {
      s = await key(page, f, options(s).length ? "1" : "Space");
      if (s.heading !== "Debrief") seen.add((await lmsStatus(page, v2004)).status);
    }
    expect(s.heading).toBe("Debrief");
    expect([...seen]).not.toContain("passed");
    expect([...seen]).not.toContain("failed");
    const end = await lmsStatus(page, v2004);
    const total = Number(/^Total score: (-?\d+)$/.exec(s.lines.find((l) => l.startsWith("Total score")) ?? "")?.[1]);
    expect(Number(end.raw)).toBe(Math.max(0, Math.min(100, total)));
    expect(end.status).toBe(total >= MASTERY ? "passed" : "failed");
    if (v2004) expect(end.completion).toBe("completed");
    // The resumed launch reports the time spent in it (it read 00:00:00 when only page close wrote it), and a normal exit.
    const secondLaunch = await lmsSession(page, v2004);
    expect(secondLaunch.seconds, secondLaunch.raw).toBeGreaterThanOrEqual(SPENT_MS / 1000);
    expect(secondLaunch.exit).toBe(v2004 ? "normal" : "");
    const interactions = await page.evaluate(() => (window as unknown as { lms: { interactions(): Record<string, string>[] } }).lms.interactions());
    const decisions = await turn(f);
    expect(decisions).toBeGreaterThan(3);
    expect(interactions).toHaveLength(decisions);
    expect(new Set(interactions.map((i) => i.id)).size).toBe(decisions);
    for (const i of interactions) {
      expect(i.type).toBe("choice");
      expect(i[v2004 ? "learner_response" : "student_response"]).toMatch(/^[\w.-]+$/);
      expect(["correct", "wrong", "incorrect", "neutral"]).toContain(i.result);
    }
    if (v2004) expect(interactions.filter((i) => i.description).length).toBeGreaterThan(0);
    await context.close();
  });

  it("keeps playing when the LMS refuses the suspend data for a while, says so, and writes it once the LMS takes it", async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 740 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`${server.url}/harness.html?std=${standard}&refuse=1&launch=${encodeURIComponent(sco.launch)}`);
    const f = await gameFrame(page);
    await page.locator("iframe").click({ position: { x: 640, y: 700 } });
    let s = await read(f);
    for (let step = 0; step < 100 && (await turn(f)) < 1; step++) s = await key(page, f, options(s).length ? "1" : "Space");
    await f.waitForFunction(() => /did not accept cmi\.suspend_data \(error 101/.test(document.getElementById("live-notice")?.textContent ?? ""), null, { timeout: 10_000 });
    await screenshot(page, `lms-scorm${standard}-refused`);
    expect(await page.evaluate(() => (window as unknown as { lms: { refused: number } }).lms.refused)).toBeGreaterThan(1); // tried again
    await page.evaluate(() => ((window as unknown as { lms: { down: boolean } }).lms.down = false)); // the LMS recovers
    for (let step = 0; step < 100 && (await turn(f)) < 3; step++) s = await key(page, f, options(s).length ? "1" : "Space");
    await f.waitForFunction(() => !(document.getElementById("live-notice")?.textContent ?? ""), null, { timeout: 10_000 }); // the banner went
    const held = await lmsSession(page, v2004);
    const decided = await chosen(f);
    expect(JSON.parse(held.suspend).d.map((x: string) => x.split("/")[1])).toEqual(decided);
    await context.close();
  });

  it("finds the API on the opener when the LMS opens the SCO in a window of its own", async () => {
    const context = await browser().newContext({ viewport: { width: 1300, height: 740 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const popup = context.waitForEvent("page");
    await page.goto(`${server.url}/harness.html?std=${standard}&popup=1&launch=${encodeURIComponent(sco.launch)}`);
    const player = await popup;
    player.on("pageerror", (e) => {
      throw e;
    });
    const f = await gameFrame(player);
    await player.locator("iframe").click({ position: { x: 640, y: 700 } });
    let s = await read(f);
    for (let step = 0; step < 100 && (await turn(f)) < 1; step++) s = await key(player, f, options(s).length ? "1" : "Space");
    expect(await page.evaluate(() => (window as unknown as { lms: { interactions(): unknown[] } }).lms.interactions().length)).toBe(1);
    const st = await lmsStatus(page, v2004);
    expect(v2004 ? st.completion : st.status).toBe("incomplete");
    await context.close();
  });
});

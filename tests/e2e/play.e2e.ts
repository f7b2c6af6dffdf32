import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { afterSteps, desktopPage, sharedBrowser, nextMirror, optionsOf, press, readMirror, screenshot, untilOptions, untilSettled, waitForHeading, type Mirror } from "./browser.ts";
import { createRunner, loadScenario, POLICIES, simulate, type Runner } from "../../src/engine/index.ts";

const baseUrl = inject("baseUrl");
const starter = JSON.parse(readFileSync("scenarios/first-meetings.json", "utf8"));
const LOCALES = [
  { locale: "zh-CN", app: "大客户攻防", select: "选择场景", debrief: "复盘", total: /^总分：(-?\d+)$/, title: starter.meta.title["zh-CN"] },
  { locale: "en", app: "Dealcraft", select: "Choose a scenario", debrief: "Debrief", total: /^Total score: (-?\d+)$/, title: starter.meta.title.en },
] as const;

const browser = sharedBrowser();

const newPage = (): Promise<Page> => desktopPage(browser());

/** The scenes Phaser draws this frame, bottom to top (LOADING <= status < SLEEPING, visible). */
function drawnScenes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { dealcraft: { game: { scene: { scenes: { sys: { settings: { key: string; visible: boolean; status: number } } }[] } } } }).dealcraft.game.scene.scenes
      .map((sc) => sc.sys.settings)
      .filter((st) => st.visible && st.status >= 3 && st.status < 7)
      .map((st) => st.key),
  );
}

/** Opens the game in `lang` with `seed`, and starts the first scenario in the list by keyboard. */
async function startStarter(page: Page, lang: "zh-CN" | "en", seed: number): Promise<Mirror> {
  await page.goto(`${baseUrl}?lang=${lang}&seed=${seed}`);
  await waitForHeading(page, lang === "zh-CN" ? "大客户攻防" : "Dealcraft");
  await untilOptions(page, await press(page, "Enter"));
  await press(page, "1"); // the scenario…
  return press(page, "1"); // …in practice mode
}

/** Plays on (first option, or the next line) until the first meeting, where the account panel shows the listening stance. */
async function untilInMeeting(page: Page, m: Mirror): Promise<Mirror> {
  for (let i = 0; i < 50 && !m.lines.some((l) => l.startsWith("做笔录：")); i++) {
    m = optionsOf(m).length ? await press(page, "1") : await press(page, "Space");
  }
  return m;
}

/** The same play in the pure engine: first option at every choice. */
function engineFirstOptionRun(seed: string): Runner {
  const r = createRunner(loadScenario(starter), seed);
  for (let i = 0; i < 500 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
    if (r.status === "line") r.advance();
    else r.choose(r.options[0]!.id);
  }
  return r;
}

describe.each(LOCALES)("playing the starter scenario by keyboard in $locale", (L) => {
  it("goes from the title through the scenario list and meetings to a debrief whose score matches the engine", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=${L.locale}&seed=7`);
    let m = await waitForHeading(page, L.app);
    expect(m.lines).toContain(`1. ${L.locale === "zh-CN" ? "开始" : "Start"}`);
    await screenshot(page, `1-title-${L.locale}`);

    m = await untilOptions(page, await press(page, "Enter"));
    expect(m.heading).toBe(L.select);
    expect(optionsOf(m)[0]).toContain(`1. ${L.title}`);
    await screenshot(page, `2-select-${L.locale}`);

    m = await press(page, "1");
    expect(m.lines).toEqual(expect.arrayContaining([`1. ${L.locale === "zh-CN" ? "练习" : "Practice"} — ${L.locale === "zh-CN" ? "显示招式标记、提示和即时讲解。不计入成绩记录。" : "Shows move marks, hints and instant explanations. Does not count as a record."}`]));
    await screenshot(page, `2b-mode-${L.locale}`);
    m = await press(page, "1");
    await screenshot(page, `3-meeting-line-${L.locale}`);
    let shotChoice = false;
    let choices = 0;
    for (let step = 0; step < 300 && m.heading !== L.debrief; step++) {
      const options = optionsOf(m);
      if (options.length > 0) {
        if (!shotChoice) {
          await screenshot(page, `4-meeting-choice-${L.locale}`);
          shotChoice = true;
        }
        if (choices === 3) await screenshot(page, `4b-meeting-portraits-${L.locale}`);
        expect(m.lines[0]).toMatch(/[：:]/); // "speaker: line" comes first
        if (choices === 0) {
          // No option is focused before the player moves: Enter alone picks nothing.
          const before = m.lines.join("\n");
          await page.keyboard.press("Enter");
          await afterSteps(page, 10); // the game has read the key and redrawn
          expect((await readMirror(page)).lines.join("\n")).toBe(before);
        }
        choices++;
        m = await press(page, "1");
      } else {
        m = await press(page, "Space");
      }
    }
    expect(m.heading).toBe(L.debrief);
    expect(choices).toBeGreaterThanOrEqual(3);
    await screenshot(page, `5-debrief-${L.locale}`);
    await page.keyboard.press("ArrowRight");
    await screenshot(page, `6-debrief-timeline-${L.locale}`);

    const totalLine = m.lines.find((l) => L.total.test(l));
    expect(totalLine, JSON.stringify(m.lines)).toBeDefined();
    const expected = engineFirstOptionRun("7");
    const shown = Number(L.total.exec(totalLine!)![1]);
    expect(shown).toBe(Math.round(expected.score.total));
    // Taking the first listed option every time scores like random play, far from play by the course.
    const scenario = loadScenario(starter);
    const random = simulate(scenario, POLICIES.random!, 200, "e2e").total.median;
    const good = simulate(scenario, POLICIES["spin-disciplined"]!, 200, "e2e").total.median;
    expect(Math.abs(shown - random)).toBeLessThan(Math.abs(shown - good));
    const endingTitle = starter.endings[expected.state.ending!].title[L.locale];
    expect(m.lines.some((l) => l.includes(endingTitle))).toBe(true);
    await page.context().close();
  });
});

describe("settings and sound", () => {
  it("pauses a meeting with Esc, switches language in the overlay, and the meeting follows without losing the run", async () => {
    const page = await newPage();
    await startStarter(page, "zh-CN", 8);
    let m = await press(page, "Space");
    const before = m.lines[0];
    m = await press(page, "Escape");
    expect(m.heading).toBe("设置 · 暂停");
    expect(m.lines).toContain("2. 语言：中文");
    expect(await drawnScenes(page)).toEqual(["Meeting", "Settings"]); // the overlay on top of the paused meeting
    await screenshot(page, "8-settings-zh-CN");
    m = await press(page, "2");
    expect(m.heading).toBe("Settings · Paused");
    expect(m.lines).toContain("2. Language: English");
    await screenshot(page, "8-settings-en");
    m = await press(page, "1"); // resume
    expect(m.heading).not.toBe("Settings · Paused");
    expect(m.lines.some((l) => l.includes("Account") || l.includes("weeks left"))).toBe(true);
    expect(m.lines[0]).not.toBe(before); // same line, now in English
    m = await press(page, "m");
    expect(m.heading).toBe("Account map");
    expect(m.lines.some((l) => l.startsWith("Procurement: Zhou Min"))).toBe(true);
    await screenshot(page, "9-account-map-en");
    await page.context().close();
  });

  it("plays music and effects through Howler after the first key press", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=en&seed=2`);
    await waitForHeading(page, "Dealcraft");
    expect(await page.evaluate(() => (window as unknown as { dealcraft: { sound: { log: string[] } } }).dealcraft.sound.log)).toEqual([]);
    await startStarter(page, "en", 2);
    await page.waitForFunction(() => (window as unknown as { dealcraft: { sound: { log: string[] } } }).dealcraft.sound.log.includes("music"), undefined, { timeout: 10_000 });
    const log = await page.evaluate(() => (window as unknown as { dealcraft: { sound: { log: string[] } } }).dealcraft.sound.log);
    expect(log).toContain("confirm");
    expect(log.filter((l) => l.startsWith("error:"))).toEqual([]);
    await page.context().close();
  });
});

describe("the bonus scenario", () => {
  it("is listed second and plays from the list by keyboard in English", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=en&seed=6`);
    await waitForHeading(page, "Dealcraft");
    let m = await untilOptions(page, await press(page, "Enter"));
    const ice = JSON.parse(readFileSync("scenarios/ice-to-eskimos.json", "utf8"));
    expect(optionsOf(m)[1]).toContain(`2. ${ice.meta.title.en}`);
    await press(page, "2");
    m = await press(page, "2"); // assessment: no move marks
    for (let i = 0; i < 20 && optionsOf(m).length === 0; i++) m = await press(page, "Space");
    expect(optionsOf(m).every((o) => !/\(.*(问题|Question|F |B )/.test(o))).toBe(true);
    expect(optionsOf(m).length).toBeGreaterThan(1);
    await screenshot(page, "11-bonus-meeting-en");
    await page.context().close();
  });
});

describe("touch on a phone in landscape", () => {
  it("letterboxes the 16:9 game and plays by taps: the line, an option, the account map", async () => {
    const context = await browser().newContext({ viewport: { width: 844, height: 390 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?lang=zh-CN&seed=4&scenario=first-meetings`);
    let m = await waitForHeading(page, /客户调研|华锐|初次/);
    // Game coordinates → page: FIT scaling, centred.
    const box = (await page.locator("canvas").boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
    const tap = async (gx: number, gy: number) => {
      const before = (await readMirror(page)).updates;
      await page.touchscreen.tap(box.x + (gx / 1280) * box.width, box.y + (gy / 720) * box.height);
      return nextMirror(page, before);
    };
    await screenshot(page, "10-phone-meeting-zh-CN"); // once the typewriter is done
    for (let i = 0; i < 6 && optionsOf(m).length === 0; i++) m = await tap(400, 280); // the dialogue box
    expect(optionsOf(m).length).toBeGreaterThan(0);
    const turn = m.lines.length;
    await untilSettled(page); // a tap while the line types out only finishes it
    m = await tap(400, 400); // the first option card
    expect(m.lines.length === turn && optionsOf(m).length > 0 ? m.lines : "changed").toBe("changed");
    m = await tap(1150, 24); // the account-map button in the top bar
    expect(m.heading).toBe("客户地图");
    await screenshot(page, "10-phone-account-map-zh-CN");
    await context.close();
  });
});

describe("listening during a meeting", () => {
  it("switches posture with L and note-taking with N, and says so in the account panel", async () => {
    const page = await newPage();
    let m = await untilInMeeting(page, await startStarter(page, "zh-CN", 5));
    expect(m.lines).toContain("做笔录：关（N 切换）");
    expect(m.lines).toContain("姿态：一般（L 切换）");
    m = await press(page, "n");
    expect(m.lines).toContain("做笔录：开（N 切换）");
    m = await press(page, "l");
    expect(m.lines).toContain("姿态：积极（前倾·眼神·点头）（L 切换）");
    expect(m.lines.some((l) => l.startsWith("入围五项任务："))).toBe(true);
    await screenshot(page, "7-meeting-listening-zh-CN");
    m = await press(page, "m");
    expect(m.heading).toBe("客户地图");
    // The map covers the meeting: only the map is drawn (the canvas is transparent, so a
    // meeting left drawing underneath would show through).
    expect(await drawnScenes(page)).toEqual(["AccountMap"]);
    expect(m.lines.some((l) => l.startsWith("采购：周敏"))).toBe(true);
    expect(m.lines.some((l) => l.startsWith("3 成功入围"))).toBe(true);
    await screenshot(page, "9-account-map-zh-CN");
    m = await press(page, "Escape");
    expect(m.lines).toContain("做笔录：开（N 切换）"); // back in the same meeting, nothing lost
    await page.context().close();
  });

  it("handles each key once when keys come faster than frames (N and L in one task)", async () => {
    const page = await newPage();
    let m = await untilInMeeting(page, await startStarter(page, "zh-CN", 5));
    // One script task: no frame between the keys (a quick typist, or any two keys on a slow phone).
    const burst = (keys: [string, number][]) =>
      page.evaluate((ks) => {
        for (const [key, keyCode] of ks) for (const type of ["keydown", "keyup"]) window.dispatchEvent(new KeyboardEvent(type, { key, keyCode } as KeyboardEventInit));
      }, keys);
    const before = m.updates;
    await burst([["n", 78], ["l", 76]]);
    m = await nextMirror(page, before + 1);
    expect(m.lines).toContain("做笔录：开（N 切换）"); // switched once, not on, off and on again
    expect(m.lines).toContain("姿态：积极（前倾·眼神·点头）（L 切换）"); // one step, not two
    await page.context().close();
  });
});

describe("keeping what the player did", () => {
  it("resumes the run at the same line after a reload, from the title's Continue", async () => {
    const page = await newPage();
    let m: Mirror = await startStarter(page, "zh-CN", 3);
    let made = 0;
    while (made < 2) {
      if (optionsOf(m).length > 0) {
        m = await press(page, "1");
        made++;
      } else m = await press(page, "Space");
    }
    const before = m;
    await page.reload();
    m = await waitForHeading(page, "大客户攻防");
    const cont = m.lines.find((l) => l.startsWith("2. 继续上次"));
    expect(cont).toContain(starter.meta.title["zh-CN"]);
    m = await press(page, "2");
    // The notes that floated up after the last choice ("+3 提问") are of that moment, not of the line: they are not replayed.
    const lasting = (lines: string[]) => lines.filter((l) => !/^[+-]\d+ /.test(l));
    expect(lasting(m.lines)).toEqual(lasting(before.lines));
    await page.context().close();
  });

  it("switches language at the title and keeps it after a reload", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    let m = await waitForHeading(page, "大客户攻防");
    expect(m.lines).toContain("3. 语言：中文");
    expect(m.lines).toContain("2. 设置");
    m = await press(page, "2");
    expect(m.heading).toBe("设置"); // over the title nothing is paused
    m = await press(page, "Escape");
    expect(m.heading).toBe("大客户攻防");
    m = await press(page, "3");
    expect(m.heading).toBe("Dealcraft");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.reload();
    m = await waitForHeading(page, "Dealcraft");
    expect(m.lines).toContain("3. Language: English");
    await page.context().close();
  });

  it("says so, in the player's language, when the URL asks for an unknown locale", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=fr`);
    const m = await waitForHeading(page, "大客户攻防");
    expect(m.lines).toContain("不支持的语言“fr”，已使用中文。");
    await page.context().close();
  });

  it("recovers with a notice from a corrupt save instead of failing to start", async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await waitForHeading(page, "大客户攻防");
    await page.evaluate(() => localStorage.setItem("dealcraft", "{oops"));
    await page.reload();
    const m = await waitForHeading(page, "大客户攻防");
    expect(m.lines.some((l) => l.startsWith("保存的数据已损坏"))).toBe(true);
    expect((await readMirror(page)).lines).toContain("1. 开始");
    await page.context().close();
  });
});

/** Whether the meeting's line is still typing out (the Meeting scene's private dialogue: no public sign exists). */
const typing = (page: Page) =>
  page.evaluate(() => {
    const game = (window as unknown as { dealcraft: { game: { scene: { getScene(k: string): { dialogue?: { typing?: boolean } | null } | null } } } }).dealcraft.game;
    return game.scene.getScene("Meeting")?.dialogue?.typing === true;
  });

describe("the typewriter", () => {
  it("ends at a number key, which shows the options and picks none; the next key picks", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}?lang=en`);
    await waitForHeading(page, "Dealcraft");
    // Slow typing, so the key surely lands while the line is still typing out.
    await page.evaluate(() => {
      const doc = JSON.parse(localStorage.getItem("dealcraft") ?? '{"version":3,"state":{}}') as { state: { settings?: Record<string, unknown> } };
      doc.state.settings = { ...doc.state.settings, textSpeed: "slow" };
      localStorage.setItem("dealcraft", JSON.stringify(doc));
    });
    let m = await startStarter(page, "en", 4);
    const prepared = () => page.evaluate(() => performance.getEntriesByName("meeting: options prepared").length);
    let before = await prepared();
    for (let i = 0; i < 30 && optionsOf(m).length < 2; i++) {
      before = await prepared();
      m = await press(page, "Space");
    }
    const offered = optionsOf(m);
    expect(offered.length).toBeGreaterThan(1);
    // The options are built, hidden, while the line types out.
    await page.waitForFunction((n) => performance.getEntriesByName("meeting: options prepared").length > n, before, { timeout: 15_000 });
    expect(await typing(page)).toBe(true);
    m = await press(page, "2"); // ends the line's typing
    expect(await typing(page)).toBe(false);
    expect(optionsOf(m)).toEqual(offered);
    m = await press(page, "2"); // now picks the second option
    expect(optionsOf(m)).not.toEqual(offered);
    await page.context().close();
  });
});

describe("drawing only what changed", () => {
  it("draws no frames while a meeting is still, and shows a key press on screen at once", async () => {
    const page = await newPage();
    let m = await startStarter(page, "en", 3);
    for (let i = 0; i < 20 && optionsOf(m).length < 2; i++) m = await press(page, "Space");
    expect(optionsOf(m).length).toBeGreaterThan(1);
    // The mirror has the whole line at once; on screen the typewriter and the toasts take a few seconds.
    await untilSettled(page);
    // Watch 60 steps of the still meeting: only the once-a-second heartbeat may draw (one more
    // for a heartbeat due as the window opens), however long a loaded machine takes for them.
    const idle = await page.evaluate(
      (steps) =>
        new Promise<{ drawn: number; skipped: number; ms: number }>((done) => {
          const stats = (window as unknown as { dealcraft: { game: { renderGate: { stats: { drawn: number; skipped: number } } } } }).dealcraft.game.renderGate.stats;
          const from = { ...stats, at: performance.now() };
          const look = () => {
            if (stats.drawn + stats.skipped - from.drawn - from.skipped < steps) return void requestAnimationFrame(look);
            done({ drawn: stats.drawn - from.drawn, skipped: stats.skipped - from.skipped, ms: performance.now() - from.at });
          };
          requestAnimationFrame(look);
        }),
      60,
    );
    expect(idle.drawn).toBeLessThanOrEqual(Math.floor(idle.ms / 1000) + 1);
    expect(idle.skipped).toBeGreaterThan(idle.drawn);
    const still = await page.screenshot();
    await page.keyboard.press("ArrowDown"); // moves the focus to the second option
    await afterSteps(page, 3); // a few steps, far fewer than a heartbeat's second
    const moved = await page.screenshot();
    expect(moved.equals(still)).toBe(false);
    await page.context().close();
  });
});

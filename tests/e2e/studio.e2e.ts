import { describe, expect, inject, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { afterSteps, nextMirror, readMirror, sharedBrowser, screenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");

const browser = sharedBrowser();

interface StudioHandle {
  studio: {
    editor: { text(): string; view: { dispatch(spec: unknown): void; focus(): void } };
    analysis(): { errors: number; warnings: number; problems: { path: string; message: string }[] } | undefined;
  };
}

async function openStudio(lang: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser().newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${baseUrl}studio.html?lang=${lang}`);
  await page.waitForFunction(() => (window as unknown as StudioHandle).studio?.analysis()?.errors === 0, undefined, { timeout: 20_000 });
  return page;
}

/** Selects the first occurrence of `find` in the editor (after `after`, if given) and types `replacement` over it, key by key. */
async function typeOver(page: Page, find: string, replacement: string, after = ""): Promise<void> {
  await page.evaluate(
    ([find, after]: [string, string]) => {
      const ed = (window as unknown as StudioHandle).studio.editor;
      const text = ed.text();
      const from = text.indexOf(find, after ? text.indexOf(after) : 0);
      if (from < 0) throw new Error(`"${find}" is not in the editor`);
      ed.view.dispatch({ selection: { anchor: from, head: from + find.length } });
      ed.view.focus();
    },
    [find, after] as [string, string],
  );
  if (replacement) await page.keyboard.type(replacement, { delay: 15 });
  else await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape"); // close the completion list, if it opened
}

/** The game's screen-reader mirror inside the preview iframe. */
async function previewLines(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.getElementById("a11y-live")?.textContent ?? "");
}

describe("the studio", () => {
  it("shows a broken edit as a squiggle and a listed problem, and the map, preview and balance follow the fix", async () => {
    const page = await openStudio("en");
    await page.click('[data-tab="play"]');
    const frame = await (await page.waitForSelector("#preview")).contentFrame();
    await expect.poll(() => previewLines(frame!), { timeout: 20_000 }).toContain("Hello, what brings you here?");
    // Make a choice in the game: the studio keeps it and replays it after edits.
    await expect.poll(() => previewLines(frame!), { timeout: 10_000 }).toContain("What troubles you");
    // Options come in an order shuffled per run: pick this one by its text.
    const lines = await frame!.evaluate(() => [...document.querySelectorAll("#a11y-live p")].map((p) => p.textContent ?? ""));
    const ask = lines.find((l) => /^\d\. What troubles you/.test(l))!;
    await page.click("#preview");
    // A key pressed while the line is still typing only finishes it: press until the choice is made.
    for (let i = 0; i < 10 && !(await previewLines(frame!)).includes("Downtime is a big problem"); i++) {
      const before = (await readMirror(frame!)).updates;
      await frame!.press("body", ask[0]!);
      // A handled key updates the preview's mirror (finishing the line re-announces it); a dropped one is pressed again.
      await nextMirror(frame!, before, 2_000).catch(() => undefined);
    }
    await expect.poll(() => previewLines(frame!), { timeout: 10_000 }).toContain("Downtime is a big problem");

    await page.click('[data-tab="map"]');
    await typeOver(page, "good", "nowhere", '"next"');
    await page.waitForSelector(".cm-lintRange-error", { timeout: 10_000 });
    const problems = page.locator("#problem-list li");
    await expect.poll(() => problems.allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('$.nodes.hello.options[0].next (line'));
    expect((await problems.allTextContents()).join("\n")).toContain('no node "nowhere"');
    await page.waitForSelector(".map-edge.broken");
    expect(await page.locator(".map-node.missing").count()).toBe(1);
    await screenshot(page, "studio-broken-en");

    await typeOver(page, "nowhere", "good");
    await page.waitForSelector(".cm-lintRange-error", { state: "detached", timeout: 10_000 });
    await expect.poll(() => page.locator(".map-edge.broken").count()).toBe(0);
    await expect.poll(() => problems.allTextContents()).toEqual(["No problems found."]);
    // An edit to the line after the choice: the preview restarts, replays the choice, shows the new line.
    await typeOver(page, "Downtime is a big problem", "Downtime costs us every week");
    await expect.poll(() => page.locator(".map-node", { hasText: "good" }).count()).toBe(1);
    await page.click('[data-tab="play"]');
    await expect.poll(() => previewLines(frame!), { timeout: 20_000 }).toContain("Downtime costs us every week");
    await expect.poll(() => page.locator("#play-note").textContent()).toContain("Replayed 1 of 1");
    expect(await page.locator("#live").textContent()).toMatch(/Manager Wang \(buyer\)/);
    await screenshot(page, "studio-play-en");
    // Restarting from the studio hands the keyboard back to the game.
    await page.click("#play-restart");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe("preview");

    await page.click('[data-tab="balance"]');
    await page.fill("#bal-runs", "60");
    await page.click("#bal-run");
    await page.waitForSelector("#bal-charts svg", { timeout: 30_000 });
    expect(await page.locator("#bal-charts svg").count()).toBe(2);
    const share = async (policy: string) => {
      const row = page.locator("#bal-charts tr", { hasText: policy });
      const headers = await page.locator("#bal-charts tr").first().locator("th").allTextContents();
      const cells = await row.locator("td").allTextContents();
      return Number(cells[headers.indexOf("next-step")]!.replace("%", ""));
    };
    expect(await share("spin-disciplined")).toBeGreaterThan(await share("pushy-closer"));
    await page.selectOption("#bal-ending", "next-step");
    await page.click("#bal-path");
    await expect.poll(() => page.locator("#bal-why-out li").allTextContents(), { timeout: 20_000 }).toEqual(["hello → ask"]);
    await page.selectOption("#bal-policy", "pushy-closer");
    await page.click("#bal-trace");
    await expect.poll(() => page.locator("#bal-trace-out li").first().textContent()).toContain("hello → push");
    await screenshot(page, "studio-balance-en");
    await page.context().close();
  });

  it("completes the file's own ids and shows schema help, in Chinese too", async () => {
    const page = await openStudio("zh-CN");
    expect(await page.locator('[data-tab="map"]').textContent()).toBe("地图");
    await typeOver(page, "good", "", '"next"');
    await page.keyboard.press("Control+Space");
    const options = page.locator(".cm-tooltip-autocomplete li");
    await expect.poll(() => options.allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining("good"), expect.stringContaining("bad")]));
    await screenshot(page, "studio-complete-zh-CN");
    await page.keyboard.press("Escape");
    await page.keyboard.type("good");
    await page.waitForFunction(() => (window as unknown as StudioHandle).studio.analysis()?.errors === 0);
    // Hover help: the schema's description of the field under the pointer.
    const at = await page.evaluate(() => {
      const ed = (window as unknown as { studio: { editor: { text(): string; view: { coordsAtPos(p: number): { left: number; top: number; bottom: number } | null; dispatch(s: unknown): void } } } }).studio.editor;
      const pos = ed.text().indexOf('"department"') + 3;
      ed.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      return pos;
    });
    await afterSteps(page, 2); // the editor scrolls to the selection in its next frames
    const box = await page.evaluate((pos) => {
      const c = (window as unknown as { studio: { editor: { view: { coordsAtPos(p: number): { left: number; top: number; bottom: number } | null } } } }).studio.editor.view.coordsAtPos(pos);
      return c && { x: c.left + 2, y: (c.top + c.bottom) / 2 };
    }, at);
    await page.mouse.move(box!.x, box!.y);
    await expect.poll(() => page.locator(".studio-hover").textContent(), { timeout: 10_000 }).toContain("决定哪位同事与其对接");
    // The map's boxes carry the node's words in Chinese, the id beneath.
    expect(await page.locator(".map-node .map-label").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/[\u4e00-\u9fff]/)]));
    await screenshot(page, "studio-zh-CN");
    await page.context().close();
  });

  it("fits a phone in landscape", async () => {
    const page = await openStudio("en", { width: 844, height: 390 });
    await screenshot(page, "studio-phone-en");
    await page.context().close();
  });
});

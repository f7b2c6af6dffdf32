/**
 * The team view (team.html) as a manager uses it: two reps' history exports, two team-session
 * records and one broken file chosen at once; per learner the attempts and trend, per decision
 * the room's choices against the best move, a clear message naming the bad file and its row,
 * one combined CSV; both languages, a phone held upright, and no request leaves the page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { attemptsToCsv } from "../../src/progress/csv.ts";
import type { Attempt } from "../../src/store/index.ts";
import { sessionRecord } from "../unit/roomSessionFile.ts";
import { sharedBrowser, screenshot } from "./browser.ts";

const baseUrl = inject("baseUrl");
const browser = sharedBrowser();
const c = (v: number) => ({ questioning: v, listening: v - 5, presenting: v + 5, relationships: v, strategy: v - 10, outcome: v });
const attempt = (day: number, learner: string, mode: Attempt["mode"], total: number): Attempt => ({
  at: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  scenarioId: "ice-to-eskimos",
  title: { "zh-CN": "把冰卖给爱斯基摩人", en: "Selling Ice to the Inuit" },
  mode,
  total,
  competencies: c(total),
  ending: "polite-no",
  endingTitle: { "zh-CN": "客气的拒绝", en: "A Polite No" },
  seed: String(day),
  learner,
  seconds: 420,
});

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "dealcraft-team-"));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return [
    write("li-wei.csv", "\uFEFF" + attemptsToCsv([attempt(1, "Li Wei", "practice", 35), attempt(3, "Li Wei", "practice", 52), attempt(6, "Li Wei", "assessment", 61)])),
    write("wang-fang.csv", attemptsToCsv([attempt(2, "Wang Fang", "practice", 48), attempt(5, "Wang Fang", "assessment", 44)])),
    write("monday-session.json", JSON.stringify(sessionRecord("MON123", ["Ann", "Bo", "Cy"]))),
    write("tuesday-session.json", JSON.stringify(sessionRecord("TUE456", ["Di", "Ed", "Fa"], 6))),
    // A row a spreadsheet mangled: the total is text.
    write("zhao-broken.csv", attemptsToCsv([attempt(4, "Zhao Lei", "practice", 40), attempt(7, "Zhao Lei", "practice", 41)]).replace(",41,", ",forty-one,")),
  ];
}

describe("the team view", () => {
  it("reads many learners' exports and sessions offline, shows trends and the decisions' heat map, names a bad row, and exports one combined CSV", async () => {
    await fetch(`${baseUrl}__csp`); // earlier files' reports, if any
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const requests: string[] = [];
    await page.goto(`${baseUrl}team.html?lang=en`);
    await page.locator("#team-files").waitFor({ state: "attached" });
    page.on("request", (r) => requests.push(r.url())); // from here on, reading the files must stay in the page
    await page.setInputFiles("#team-files", files());
    await page.locator("#learners table").waitFor();

    const learners = await page.locator("#learners tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
    expect(learners.map((r) => r[0])).toEqual(["Li Wei", "Wang Fang", "Zhao Lei"]);
    expect(learners[0]!.slice(1, 4)).toEqual(["2 / 1", "61", "21 min"]);
    expect(await page.locator('#learners tr[data-learner="Li Wei"] svg.trend').getAttribute("aria-label")).toBe("Li Wei: practice 35 → 52; assessment 61");
    expect(await page.locator("#learners svg.trend").first().locator("text").allTextContents()).toEqual(["0", "50", "100", "11/1", "11/6"]);
    // The broken file: its good row is in, its bad row is named by file, line and column.
    expect(await page.locator("#problems").textContent()).toContain("zhao-broken.csv: line 3: total (row left out)");

    const rows = page.locator(".heat-row");
    expect(await rows.count()).toBeGreaterThan(3);
    const first = await rows.first().evaluate((r) => ({
      best: Number((r as HTMLElement).dataset.bestShare),
      cells: [...r.querySelectorAll(".heat-cell")].map((c) => ({ best: c.classList.contains("best"), share: Number(/^(\d+)%/.exec(c.querySelector(".share")!.textContent ?? "")![1]) })),
      head: r.querySelector(".heat-head")!.textContent ?? "",
    }));
    expect(first.cells[0]!.best).toBe(true); // best-ranked first, starred
    expect(first.cells.reduce((s, x) => s + x.share, 0)).toBeGreaterThanOrEqual(98); // rounded shares of all votes
    expect(first.head).toMatch(/6 votes in 2 sessions · \d+% on the best move/);
    expect(await page.locator("#voters tbody tr").count()).toBe(6);
    await screenshot(page, "team-en");
    await page.locator("#heat").evaluate((e) => e.scrollIntoView());
    await screenshot(page, "team-en-heat");

    const download = page.waitForEvent("download");
    await page.locator("#export").click();
    const file = await download;
    const path = join(mkdtempSync(join(tmpdir(), "dealcraft-team-out-")), file.suggestedFilename());
    await file.saveAs(path);
    const csv = readFileSync(path, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(file.suggestedFilename()).toMatch(/^dealcraft-team-\d{4}-\d\d-\d\d\.csv$/);
    expect(csv).toHaveLength(1 + 6); // header + 3 + 2 + the good row of the broken file
    expect(csv[0]).toMatch(/^at,learner,learner_id,scenario_id,.*,source_file$/);
    expect(csv.filter((l) => l.includes("Zhao Lei"))[0]).toMatch(/,zhao-broken\.csv$/);
    expect(await page.locator("#status").textContent()).toBe("Exported 6 attempts of 3 learners.");
    expect(requests.filter((u) => !u.startsWith("blob:"))).toEqual([]); // nothing uploaded, nothing fetched

    await page.getByRole("button", { name: "中文" }).click();
    expect(await page.locator("h1").textContent()).toBe("Dealcraft · 团队视图");
    expect(await page.locator("#problems").textContent()).toContain("zhao-broken.csv：line 3: total（该行未计入）");
    expect(await page.locator("#heat h2").first().textContent()).toBe("决策：全场的选择与最佳做法对比");
    await screenshot(page, "team-zh-CN");

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "team-phone-zh-CN");
    for (const part of ["learners", "heat"]) {
      await page.locator(`#${part}`).evaluate((e) => e.scrollIntoView());
      await screenshot(page, `team-phone-zh-CN-${part}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0); // wide tables scroll in their box, the page does not
    expect(errors).toEqual([]);
    await context.close();
    expect(await (await fetch(`${baseUrl}__csp`)).json()).toEqual([]); // the page's styles and SVG pass the site's Content-Security-Policy
  });
});

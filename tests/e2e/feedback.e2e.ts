/**
 * Feedback that tells the truth (issue #21), as a player meets it: an assessment reveals no
 * points, competencies or move marks while it is played (everything the screen says reaches
 * the screen-reader mirror, so the mirror is what is checked), and the debrief's first page
 * says what the engine's debrief says — never "the best ending" for a lesser one. In
 * practice the last explanation comes back with E.
 */
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { desktopPage, sharedBrowser, optionsOf, press, screenshot, untilOptions, waitForHeading, type Mirror } from "./browser.ts";
import { createRunner, loadScenario, COMPETENCIES, type Runner } from "../../src/engine/index.ts";
import { debriefView } from "../../src/engine/view/debrief.ts";
import { reasonText, turningText } from "../../src/content/dealText.ts";
import { t, type StringKey } from "../../src/content/i18n.ts";
import type { Locale } from "../../src/engine/vocabulary.ts";

const baseUrl = inject("baseUrl");
const starter = JSON.parse(readFileSync("scenarios/first-meetings.json", "utf8"));
const scenario = loadScenario(starter);
const browser = sharedBrowser();

const newPage = (): Promise<Page> => desktopPage(browser());

/** Title → scenario list → the starter in the given mode (1 practice, 2 assessment). */
async function start(page: Page, lang: Locale, seed: number, mode: "1" | "2"): Promise<Mirror> {
  await page.goto(`${baseUrl}?lang=${lang}&seed=${seed}`);
  await waitForHeading(page, lang === "zh-CN" ? "大客户攻防" : "Dealcraft");
  await untilOptions(page, await press(page, "Enter"));
  await press(page, "1");
  return press(page, mode);
}

/** The same play in the engine: the first listed option at every choice. */
function firstOptionRun(seed: string): Runner {
  const r = createRunner(scenario, seed);
  for (let i = 0; i < 500 && (r.status === "line" || r.status === "awaiting-choice"); i++) {
    if (r.status === "line") r.advance();
    else r.choose(r.options[0]!.id);
  }
  return r;
}

/** Words that would give the assessment away: a move's mark, a competency's name after points. */
function tells(locale: Locale): string[] {
  const keys = ["move.pitch.feature", "move.pitch.advantage", "move.pitch.benefit", "move.pitch.evidence", "move.spin.situation", "move.spin.problem", "move.spin.implication", "move.spin.need-payoff"];
  return keys.map((k) => t(locale, k as StringKey));
}

describe.each(["zh-CN", "en"] as const)("feedback in %s", (locale) => {
  const debrief = locale === "zh-CN" ? "复盘" : "Debrief";

  it("an assessment shows no points, competencies or move marks during play, and its debrief says what the engine's does", async () => {
    const page = await newPage();
    let m = await start(page, locale, 7, "2");
    const seen: string[] = [];
    for (let step = 0; step < 400 && m.heading !== debrief; step++) {
      seen.push(...m.lines);
      m = optionsOf(m).length ? await press(page, "1") : await press(page, "Space");
    }
    expect(m.heading).toBe(debrief);
    // What the rival or an event did to a client's meters is the simulation, and is shown; what the player's move earned is not.
    const notMine = [t(locale, "toast.competitor"), t(locale, "toast.event")];
    const points = seen.filter((l) => /^[+\-−]\d+ /.test(l) && !notMine.some((w) => l.endsWith(w)));
    expect(points, "points floated up during an assessment").toEqual([]);
    const marks = tells(locale);
    expect(seen.filter((l) => marks.some((mark) => l.includes(mark))), "move marks during an assessment").toEqual([]);
    const competencyPoints = COMPETENCIES.map((c) => t(locale, `competency.${c}` as StringKey));
    expect(seen.filter((l) => competencyPoints.some((c) => new RegExp(`[+-]\\d+ ${c}`).test(l)))).toEqual([]);

    const v = debriefView(firstOptionRun("7"));
    const page1 = m.lines.join("\n");
    expect(page1).toContain(reasonText(v, scenario, locale).text);
    expect(page1).toContain(turningText(v, locale));
    if (v.reason?.kind !== "best") expect(page1).not.toContain(t(locale, "debrief.reason-best"));
    await screenshot(page, `feedback-debrief-${locale}`);
    await page.context().close();
  });

  it("practice brings the last explanation back with E, after its lines have gone by", async () => {
    const page = await newPage();
    let m = await start(page, locale, 3, "1");
    const why = t(locale, "meeting.why");
    // Choose until an explanation has been shown and its lines have gone by, leaving the next options without it.
    let explained: string | undefined;
    for (let step = 0; step < 300; step++) {
      if (optionsOf(m).length) {
        if (explained && !m.lines.some((l) => l.startsWith(why))) break;
        m = await press(page, "1");
        explained = m.lines.find((l) => l.startsWith(why)) ?? explained;
      } else m = await press(page, "Space");
    }
    expect(explained, "no explanation after a choice in practice").toBeDefined();
    expect(optionsOf(m).length).toBeGreaterThan(0);
    expect(m.lines.some((l) => l.startsWith(why)), "the explanation stays hidden once the next options are up").toBe(false);
    m = await press(page, "e");
    expect(m.lines).toContain(explained);
    await screenshot(page, `feedback-explain-again-${locale}`);
    m = await press(page, "e");
    expect(m.lines).not.toContain(explained);
    await page.context().close();
  });
});

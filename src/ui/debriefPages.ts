/**
 * The debrief's pages, drawn from the engine's DebriefView: the deal (the ending's reason,
 * the turning point, three lessons), the scorecard (radar, tasks, relationships, talk),
 * and the timeline by meeting. Each returns its lines for the screen-reader mirror.
 */
import type { Phaser } from "../phaser/index.ts";
import { localize, t, taskLines, type StringKey } from "../content/i18n.ts";
import { optionText as quoteOption, reasonText, turningText } from "../content/dealText.ts";
import type { DebriefView, LessonEvent, OptionRef } from "../engine/view/debrief.ts";
import type { Scenario } from "../engine/loader.ts";
import { COMPETENCIES, type Locale } from "../engine/vocabulary.ts";
import { addText, textHeight } from "./text.ts";
import { COLORS, WIDTH } from "./theme.ts";

export interface PageContext {
  scene: Phaser.Scene;
  view: DebriefView;
  scenario: Scenario;
  locale: Locale;
  top: number;
  bottom: number;
}

function tr(c: PageContext, key: string, vars?: Record<string, string | number>): string {
  return t(c.locale, key as StringKey, vars);
}

function optionText(c: PageContext, o: OptionRef | undefined): string {
  return quoteOption(o, c.locale);
}

/** Page 1: the ending and *the* reason, the decision where it could have been won, three lessons. */
export function drawDealPage(c: PageContext): string[] {
  const { scene, view } = c;
  const mirror: string[] = [];
  let y = c.top;
  const block = (heading: string, body: string, color: string = COLORS.text) => {
    addText(scene, 60, y, heading, { size: 19, bold: true, color: COLORS.accent });
    y += 28;
    const b = addText(scene, 60, y, body, { size: 17, width: WIDTH - 120, lineSpacing: 5, color });
    y += b.height + 16;
    mirror.push(heading, body);
  };
  const reason = reasonText(view, c.scenario, c.locale);
  block(tr(c, "debrief.reason"), reason.text, reason.bad ? COLORS.bad : COLORS.good);
  block(tr(c, "debrief.turning"), turningText(view, c.locale));

  const lessons = view.lessons.map((l, i) => `${i + 1}. ${tr(c, "debrief.lesson", { points: l.points > 0 ? `+${l.points}` : l.points, text: localize(l.explain, c.locale) + (l.research ? tr(c, "debrief.research") : "") })}`);
  if (lessons.length) block(tr(c, "debrief.lessons"), lessons.join("\n"));
  return mirror;
}

/** Page 2: competencies as a radar, the stage tasks, the relationship map, talk share. */
export function drawScorecard(c: PageContext): string[] {
  const { scene, view } = c;
  const mirror: string[] = [];
  let y = c.top;
  addText(scene, 60, y, tr(c, "debrief.scorecard"), { size: 18, bold: true });
  y += 24;
  const cx = 270;
  const cy = y + 122;
  const R = 84;
  const n = COMPETENCIES.length;
  const at = (i: number, v: number) => {
    const ang = -Math.PI / 2 + (i * 2 * Math.PI) / n;
    return { x: cx + Math.cos(ang) * R * (v / 100), y: cy + Math.sin(ang) * R * (v / 100) };
  };
  // Graphics reads only x and y of each point; the typings ask for full vectors.
  const pts = (list: { x: number; y: number }[]) => list as unknown as Phaser.Math.Vector2[];
  const g = scene.add.graphics();
  for (const ring of [25, 50, 75, 100]) {
    g.lineStyle(1, COLORS.line, ring === 50 ? 0.9 : 0.45);
    g.strokePoints(pts(COMPETENCIES.map((_c, i) => at(i, ring))), true);
  }
  COMPETENCIES.forEach((_c, i) => {
    const p = at(i, 100);
    g.lineStyle(1, COLORS.line, 0.45);
    g.lineBetween(cx, cy, p.x, p.y);
  });
  const score = view.score.competencies;
  const shape = COMPETENCIES.map((comp, i) => at(i, Math.max(4, score[comp])));
  g.fillStyle(0xf2c14e, 0.35);
  g.fillPoints(pts(shape), true);
  g.lineStyle(3, 0xf2c14e, 1);
  g.strokePoints(pts(shape), true);
  COMPETENCIES.forEach((comp, i) => {
    const p = at(i, 128);
    const v = Math.round(score[comp]);
    addText(scene, p.x, p.y, `${tr(c, `competency.${comp}`)}\n${v}`, { size: 14, bold: true, align: "center", color: v >= 60 ? COLORS.good : v < 40 ? COLORS.bad : COLORS.text }).setOrigin(0.5);
  });
  y = cy + R + 46;
  mirror.push(COMPETENCIES.map((comp) => `${tr(c, `competency.${comp}`)} ${Math.round(score[comp])}`).join(tr(c, "format.list")));
  if (view.talk.length) {
    addText(scene, 60, y, tr(c, "debrief.talk"), { size: 16, bold: true, width: 500 });
    y += 26;
    const talk = view.talk.map((m) => tr(c, "debrief.talk-meeting", { meeting: localize(m.title, c.locale) || m.meeting, share: Math.round(m.share * 100) }));
    addText(scene, 60, y, talk.join("  ·  "), { size: 15, color: COLORS.textDim, width: 520 });
    mirror.push(tr(c, "debrief.talk"), ...talk);
  }

  let ry = c.top;
  const rx = 620;
  if (view.tasks.length) {
    addText(scene, rx, ry, tr(c, "panel.tasks"), { size: 18, bold: true });
    ry += 28;
    const tasks = taskLines(view.tasks, c.locale);
    const tt = addText(scene, rx, ry, tasks.join("\n"), { size: 15, width: 600, lineSpacing: 4 });
    ry += tt.height + 10;
    mirror.push(tr(c, "format.label", { label: tr(c, "panel.tasks"), text: tasks.join(tr(c, "format.list")) }));
  }
  addText(scene, rx, ry, tr(c, "debrief.relationships"), { size: 18, bold: true });
  ry += 28;
  const rel = view.relationships.map((r) => {
    const person = tr(c, "format.speaker", { name: localize(r.name, c.locale), title: localize(r.title, c.locale) });
    return tr(c, "format.label", { label: person, text: `${tr(c, `level.${r.from}`)} → ${tr(c, `level.${r.to}`)}` });
  });
  const pairs = view.pairs.length ? tr(c, "debrief.pairs", { pairs: view.pairs.map((p) => tr(c, `colleague.${p}`)).join(tr(c, "format.enum")) }) : tr(c, "debrief.no-pairs");
  const switching = tr(c, "debrief.switching", { n: view.switchingCost });
  addText(scene, rx, ry, [...rel, pairs, switching].join("\n"), { size: 15, width: 600, lineSpacing: 4 });
  mirror.push(...rel, pairs, switching);
  return mirror;
}

/** One block of the timeline: a meeting heading with how people felt, or one scored moment. */
interface TimelineBlock {
  head: string;
  body: string;
  color: string;
  heading: boolean;
}

function eventBlock(c: PageContext, e: LessonEvent): TimelineBlock {
  const pts = e.points.map((p) => `${tr(c, `competency.${p.competency}`)} ${p.points > 0 ? "+" : ""}${p.points}`).join(" · ");
  const head = `${tr(c, "debrief.step", { turn: e.turn })}\n${pts}`;
  const chosen = e.chosen ? optionText(c, e.chosen) : "";
  const better = e.better ? tr(c, "debrief.better", { option: optionText(c, e.better) }) : "";
  const body = [chosen, localize(e.explain, c.locale) + (e.research ? tr(c, "debrief.research") : ""), better].filter(Boolean).join("\n");
  return { head, body, color: e.total >= 0 ? COLORS.good : COLORS.bad, heading: false };
}

/** The timeline as blocks, by meeting: what the client felt (and whether a rival had a hand in it), then each scored moment. */
export function timelineBlocks(c: PageContext): TimelineBlock[] {
  const blocks: TimelineBlock[] = [];
  for (const m of c.view.meetings) {
    if (!m.events.length && !m.feelings.length) continue;
    const title = m.meeting ? tr(c, "debrief.meeting", { title: localize(m.title, c.locale) || m.meeting }) : tr(c, "debrief.outside");
    const felt = m.feelings.map((f) => {
      const changes = Object.entries(f.changes)
        .filter(([, d]) => d)
        .map(([meter, d]) => `${tr(c, `meter.${meter}`)} ${d! > 0 ? "+" : ""}${d}`)
        .join(" ");
      return tr(c, "debrief.felt", { who: localize(f.name, c.locale), changes }) + (f.byRival ? tr(c, "debrief.felt-rival") : "");
    });
    const notes = [...felt];
    if (m.talkShare !== undefined && m.meeting) notes.push(tr(c, "debrief.talk-share", { share: Math.round(m.talkShare * 100) }));
    if (m.cutShort) notes.push(tr(c, "debrief.cut-short"));
    blocks.push({ head: title, body: notes.join("  ·  "), color: COLORS.accent, heading: true });
    for (const e of m.events) blocks.push(eventBlock(c, e));
  }
  return blocks;
}

const HEAD_STYLE = { size: 16, bold: true, width: 230 } as const;
const BODY_STYLE = { size: 16, width: WIDTH - 360 } as const;
const MEETING_STYLE = { size: 18, bold: true, width: WIDTH - 120 } as const;

/** Splits the timeline into pages by measured height; returns each page's first block index. */
export function paginate(c: PageContext, blocks: readonly TimelineBlock[]): number[] {
  const starts = [0];
  let y = c.top;
  blocks.forEach((b, i) => {
    const h = blockHeight(c, b);
    if (y + h > c.bottom && y > c.top) {
      starts.push(i);
      y = c.top;
    }
    y += h;
  });
  return starts;
}

function blockHeight(c: PageContext, b: TimelineBlock): number {
  if (b.heading) return textHeight(c.scene, b.head, MEETING_STYLE) + (b.body ? textHeight(c.scene, b.body, { size: 15, width: WIDTH - 120 }) + 4 : 0) + 12;
  return Math.max(textHeight(c.scene, b.head, HEAD_STYLE), textHeight(c.scene, b.body, BODY_STYLE)) + 10;
}

/** Draws blocks [from, to) of the timeline. */
export function drawTimeline(c: PageContext, blocks: readonly TimelineBlock[], from: number, to: number): string[] {
  const mirror: string[] = [];
  let y = c.top;
  for (const b of blocks.slice(from, to)) {
    if (b.heading) {
      const h = addText(c.scene, 60, y, b.head, { ...MEETING_STYLE, color: b.color });
      let bottom = h.y + h.height;
      if (b.body) bottom = addText(c.scene, 60, bottom + 4, b.body, { size: 15, width: WIDTH - 120, color: COLORS.textDim }).y + textHeight(c.scene, b.body, { size: 15, width: WIDTH - 120 });
      y = bottom + 12;
    } else {
      addText(c.scene, 60, y, b.head, { ...HEAD_STYLE, color: b.color });
      addText(c.scene, 300, y, b.body, BODY_STYLE);
      y += blockHeight(c, b);
    }
    mirror.push(b.body ? `${b.head.replace("\n", " ")}: ${b.body.replace(/\n/g, " ")}` : b.head);
  }
  return mirror;
}

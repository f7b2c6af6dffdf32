/**
 * The account view beside a meeting: what a CRM would tell the rep. Reads the runner's
 * state; draws plain text (numbers and words, never colour alone); returns the same
 * facts as lines for the aria-live mirror.
 */
import type { Phaser } from "../game/phaser.ts";
import { localize, t, taskLines, type StringKey } from "../content/i18n.ts";
import { hasShortlistStage, switchingCost } from "../engine/account.ts";
import type { Runner } from "../engine/runner.ts";
import { TALK_SHARE_GOOD, TALK_SHARE_TOO_MUCH, type Locale } from "../engine/vocabulary.ts";
import { addText } from "./text.ts";
import { COLORS } from "./theme.ts";

/** Draws the panel at the largest text size that fits above `bottom`; returns the mirror lines. */
/** Taps on the listening lines change the stance (touch has no L or N key). */
export interface PanelActions {
  posture(): void;
  notes(): void;
}

/** Where and what the panel draws. */
export interface PanelSpec {
  scene: Phaser.Scene;
  x: number;
  y: number;
  width: number;
  /** Lowest y the panel may reach; it shrinks its text to fit. */
  bottom: number;
  runner: Runner;
  locale: Locale;
  actions?: PanelActions;
  /** The talk share the meter showed before this draw: it slides from there (0..1). */
  talkFrom?: number;
  /** Animate changes (off with reduced motion). */
  motion?: boolean;
}

const TALK_METER_H = 8;
const num = (css: string) => parseInt(css.slice(1), 16);

/** The rep's share of the talking in the current meeting so far (0..1), or null outside a meeting. */
export function meetingTalkShare(runner: Runner): number | null {
  const m = runner.state.account.meeting;
  if (!m) return null;
  const total = m.rep + m.client;
  return total ? m.rep / total : 0;
}

/**
 * The talk-share meter: a bar filled to the share, with a tick at the aim (40%). Its
 * length and the line above it carry the number; the colour (green at or under the aim,
 * red past the point where it costs) only repeats it. Slides from `talkFrom` when it changes.
 */
function drawTalkMeter(spec: PanelSpec, x: number, y: number, w: number, share: number, drawn: Phaser.GameObjects.GameObject[]): void {
  const g = spec.scene.add.graphics();
  drawn.push(g);
  const paint = (v: number) => {
    const fill = num(v <= TALK_SHARE_GOOD ? COLORS.good : v > TALK_SHARE_TOO_MUCH ? COLORS.bad : COLORS.accent);
    g.clear();
    g.fillStyle(COLORS.bg, 1).fillRect(x, y, w, TALK_METER_H);
    g.fillStyle(fill, 1).fillRect(x, y, Math.max(0, Math.min(1, v)) * w, TALK_METER_H);
    g.lineStyle(1, COLORS.line, 1).strokeRect(x, y, w, TALK_METER_H);
    g.fillStyle(num(COLORS.text), 1).fillRect(x + TALK_SHARE_GOOD * w - 1, y - 3, 2, TALK_METER_H + 6);
  };
  const from = spec.talkFrom;
  if (spec.motion && from !== undefined && Math.abs(from - share) > 0.005) {
    const t = { v: from };
    paint(from);
    const tween = spec.scene.tweens.add({ targets: t, v: share, duration: 350, ease: "Cubic.easeOut", onUpdate: () => paint(t.v) });
    g.once("destroy", () => tween.remove()); // a redraw (or a smaller text size) replaces the meter
  } else paint(share);
}

export function drawAccountPanel(spec: PanelSpec): string[] {
  for (const scale of [1, 0.9, 0.8]) {
    const drawn: Phaser.GameObjects.GameObject[] = [];
    const result = drawPanel(spec, scale, drawn);
    if (result.bottom <= spec.bottom || scale === 0.8) return result.mirror;
    for (const o of drawn) o.destroy();
  }
  return [];
}

function shorten(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join("") + "…";
}

function drawPanel(spec: PanelSpec, scale: number, drawn: Phaser.GameObjects.GameObject[]): { mirror: string[]; bottom: number } {
  const { scene, x, y, width, runner, locale, actions } = spec;
  const s = runner.scenario;
  const a = runner.state.account;
  const tr = (key: string, vars?: Record<string, string | number>) => t(locale, key as StringKey, vars);
  const mirror: string[] = [];
  let cy = y;
  const line = (text: string, o: { size?: number; color?: string; bold?: boolean } = {}) => {
    const obj = addText(scene, x + 12, cy, text, { size: Math.round((o.size ?? 15) * scale), color: o.color ?? COLORS.text, bold: o.bold ?? false, width: width - 24, lineSpacing: 2 });
    drawn.push(obj);
    cy += obj.height + 2;
    return obj;
  };
  const top = cy;
  line(tr("panel.account"), { size: 17, bold: true, color: COLORS.accent });
  const res = tr("panel.resources", { weeks: a.weeks, budget: a.budget });
  line(res, { color: COLORS.textDim });
  mirror.push(res);

  for (const [id, who] of Object.entries(s.cast)) {
    const st = a.stakeholders[id]!;
    const head = `${localize(who.name, locale)} — ${tr(`level.${st.level}`)}`;
    const meters = tr("meter.line", { trust: st.trust, interest: st.interest, emotion: st.emotion });
    // One text per stakeholder (fewer textures to upload on each redraw).
    line(`${head}\n${meters}`, { size: 14 });
    const needs = Object.entries(st.needs)
      .filter(([, state]) => state !== "hidden")
      .map(([need, state]) => {
        const n = who.needs![need]!;
        return tr("format.label", { label: tr(`need.${state}`), text: localize(state === "explicit" ? n.explicit : n.implied, locale) });
      });
    for (const n of needs) line(`· ${shorten(n, locale === "en" ? 64 : 30)}`, { size: 14, color: COLORS.good });
    const person = tr("format.speaker", { name: localize(who.name, locale), title: localize(who.title, locale) });
    const sep = tr("format.semicolon");
    mirror.push(`${person} — ${tr(`level.${st.level}`)}${tr("format.paren", { text: meters })}${needs.length ? sep + needs.join(sep) : ""}`);
  }

  if (hasShortlistStage(s)) {
    cy += 4;
    line(tr("panel.tasks"), { bold: true });
    const tasks = taskLines(a.tasks, locale);
    line(tasks.join("\n"), { size: 14, color: COLORS.textDim });
    mirror.push(tr("format.label", { label: tr("panel.tasks"), text: tasks.join(tr("format.list")) }));
  }

  const extra = [tr("panel.switching", { n: switchingCost(a) })];
  if (a.objections || a.pricePressure || a.risk) extra.push(tr("panel.objections", { objections: a.objections, pressure: a.pricePressure, risk: a.risk }));
  cy += 4;
  line(extra.join("\n"), { size: 14, color: COLORS.textDim });
  mirror.push(...extra);

  const m = a.meeting;
  if (m) {
    cy += 4;
    line(tr("panel.listening"), { bold: true });
    const posture = tr("panel.posture", { posture: tr(`posture.${m.posture}`) });
    const notes = tr("panel.notes", { state: tr(m.notes ? "title.on" : "title.off") });
    const share = meetingTalkShare(runner) ?? 0;
    const talk = tr("panel.talk", { share: Math.round(100 * share), target: Math.round(100 * TALK_SHARE_GOOD) });
    const book = tr("panel.notebook", { n: a.notebook.length });
    const p = line(posture, { size: 14, color: m.posture === "engaged" ? COLORS.good : COLORS.text });
    const n = line(notes, { size: 14 });
    if (actions) {
      p.setInteractive({ useHandCursor: true }).on("pointerup", actions.posture);
      n.setInteractive({ useHandCursor: true }).on("pointerup", actions.notes);
    }
    line(talk, { size: 14 });
    cy += 2;
    drawTalkMeter(spec, x + 12, cy, width - 24, share, drawn);
    cy += TALK_METER_H + 6;
    line(book, { size: 14 });
    mirror.push(posture, notes, talk, book);
    // Competitor moves since this meeting started.
    const log = runner.state.log;
    let i = log.length - 1;
    while (i >= 0 && !(log[i]!.type === "meeting-start")) i--;
    for (const e of log.slice(i + 1)) {
      if (e.type !== "competitor") continue;
      const news = tr("panel.news", { news: localize(e.news, locale) });
      line(news, { size: 14, color: COLORS.bad });
      mirror.push(news);
    }
  }
  const frame = scene.add.rectangle(x, top - 8, width, cy - top + 14, COLORS.panel).setOrigin(0, 0).setRounded(10).setDepth(-1);
  frame.setStrokeStyle(1, COLORS.line);
  drawn.push(frame);
  return { mirror, bottom: cy };
}

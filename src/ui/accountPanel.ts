/**
 * The account view beside a meeting: what a CRM would tell the rep. Draws the engine's
 * PanelView (numbers and words, never colour alone) and returns the same facts as lines
 * for the aria-live mirror. Redraws only what changed: each line keeps its Text object
 * while its words and size stay the same (re-rendering CJK text is most of a redraw).
 */
import type { Phaser } from "../phaser/index.ts";
import { localize, t, taskLines, type StringKey } from "../content/i18n.ts";
import type { PanelView } from "../engine/view/account.ts";
import { TALK_SHARE_GOOD, TALK_SHARE_TOO_MUCH, type Locale } from "../engine/vocabulary.ts";
import { addText } from "./text.ts";
import { COLORS } from "./theme.ts";

/** Taps on the listening lines change the stance (touch has no L or N key). */
export interface PanelActions {
  posture(): void;
  notes(): void;
}

/** Where the panel draws. */
export interface PanelLayout {
  x: number;
  y: number;
  width: number;
  /** Lowest y the panel may reach; it shrinks its text to fit. */
  bottom: number;
}

export interface PanelDraw {
  locale: Locale;
  /** The text-size setting (1, 1.15, 1.3): the panel follows it, shrinking only to fit. */
  fontScale: number;
  /** Animate changes (off with reduced motion). */
  motion: boolean;
}

const TALK_METER_H = 8;
const SCALES = [1, 0.9, 0.8, 0.7];
const num = (css: string) => parseInt(css.slice(1), 16);

function shorten(text: string, max: number): string {
  return [...text].length <= max ? text : [...text].slice(0, max - 1).join("") + "…";
}

interface Cached {
  text: Phaser.GameObjects.Text;
  content: string;
  style: string;
  used: boolean;
}

export class AccountPanel {
  private readonly texts = new Map<string, Cached>();
  private frame: Phaser.GameObjects.Rectangle | null = null;
  private meter: Phaser.GameObjects.Graphics | null = null;
  private meterTween: Phaser.Tweens.Tween | null = null;
  private talkShown: number | null = null;
  private scaleIndex = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layout: PanelLayout,
    private readonly actions?: PanelActions,
  ) {}

  /** Draws `view`; returns the mirror lines. */
  draw(view: PanelView, o: PanelDraw): string[] {
    for (;;) {
      const { mirror, bottom } = this.layoutPass(view, o, SCALES[this.scaleIndex]! * o.fontScale);
      if (bottom <= this.layout.bottom || this.scaleIndex === SCALES.length - 1) return mirror;
      this.scaleIndex++;
    }
  }

  /** Forgets every object (the scene cleared them). */
  reset(): void {
    this.texts.clear();
    this.frame = null;
    this.meter = null;
    this.meterTween = null;
    this.talkShown = null;
    this.scaleIndex = 0;
  }

  private line(key: string, content: string, y: number, size: number, color: string, bold = false): Phaser.GameObjects.Text {
    const style = `${size}|${color}|${bold}`;
    const c = this.texts.get(key);
    const { x, width } = this.layout;
    if (c && c.style === style) {
      if (c.content !== content) {
        c.text.setText(content);
        c.content = content;
      }
      c.text.setY(y);
      c.used = true;
      return c.text;
    }
    c?.text.destroy();
    const text = addText(this.scene, x + 12, y, content, { size, color, bold, width: width - 24, lineSpacing: 2 });
    this.texts.set(key, { text, content, style, used: true });
    return text;
  }

  private layoutPass(v: PanelView, o: PanelDraw, scale: number): { mirror: string[]; bottom: number } {
    const { locale } = o;
    const tr = (key: string, vars?: Record<string, string | number>) => t(locale, key as StringKey, vars);
    const size = (n: number) => Math.round(n * scale);
    for (const c of this.texts.values()) c.used = false;
    const mirror: string[] = [];
    const top = this.layout.y;
    let cy = top;
    const put = (key: string, content: string, px: number, color: string = COLORS.text, bold = false) => {
      const obj = this.line(key, content, cy, size(px), color, bold);
      cy += obj.height + 2;
      return obj;
    };

    put("head", tr("panel.account"), 17, COLORS.accent, true);
    const res = tr("panel.resources", { weeks: v.weeks, budget: v.budget });
    put("resources", res, 15, COLORS.textDim);
    mirror.push(res);

    for (const s of v.stakeholders) {
      const name = localize(s.name, locale);
      const level = tr(`level.${s.level}`) + (s.temperament ? ` · ${tr(`temperament.${s.temperament}`)}` : "");
      const meters = tr("meter.line", { trust: s.trust, interest: s.interest, emotion: s.emotion });
      put(`who:${s.id}`, `${name} — ${level}\n${meters}`, 14);
      const needs = s.needs.map((n) => tr("format.label", { label: tr(`need.${n.state}`), text: localize(n.text, locale) }));
      needs.forEach((n, i) => put(`need:${s.id}:${i}`, `· ${shorten(n, locale === "en" ? 64 : 30)}`, 14, COLORS.good));
      const person = tr("format.speaker", { name, title: localize(s.title, locale) });
      const sep = tr("format.semicolon");
      mirror.push(`${person} — ${level}${tr("format.paren", { text: meters })}${needs.length ? sep + needs.join(sep) : ""}`);
    }

    if (v.tasks.length) {
      cy += 4;
      put("tasks-head", tr("panel.tasks"), 15, COLORS.text, true);
      const tasks = taskLines(v.tasks, locale);
      put("tasks", tasks.join("\n"), 14, COLORS.textDim);
      mirror.push(tr("format.label", { label: tr("panel.tasks"), text: tasks.join(tr("format.list")) }));
    }

    const extra = [tr("panel.switching", { n: v.switchingCost })];
    if (v.objections || v.pricePressure || v.risk) extra.push(tr("panel.objections", { objections: v.objections, pressure: v.pricePressure, risk: Math.round(v.risk * 10) / 10 }));
    if (v.concessions) extra.push(tr("panel.concessions", { n: v.concessions }));
    cy += 4;
    put("extra", extra.join("\n"), 14, COLORS.textDim);
    mirror.push(...extra);

    const m = v.listening;
    if (m) {
      cy += 4;
      put("listen-head", tr("panel.listening"), 15, COLORS.text, true);
      const posture = tr("panel.posture", { posture: tr(`posture.${m.posture}`) });
      const notes = tr("panel.notes", { state: tr(m.notes ? "title.on" : "title.off") });
      const talk = tr("panel.talk", { share: Math.round(100 * m.talkShare), target: Math.round(100 * TALK_SHARE_GOOD) });
      const book = tr("panel.notebook", { n: m.notebook });
      const p = put("posture", posture, 14, m.posture === "engaged" ? COLORS.good : COLORS.text);
      const n = put("notes", notes, 14);
      if (this.actions && !p.input) p.setInteractive({ useHandCursor: true }).on("pointerup", this.actions.posture);
      if (this.actions && !n.input) n.setInteractive({ useHandCursor: true }).on("pointerup", this.actions.notes);
      put("talk", talk, 14);
      cy += 2;
      this.drawTalkMeter(cy, m.talkShare, o.motion);
      cy += TALK_METER_H + 6;
      put("notebook", book, 14);
      mirror.push(posture, notes, talk, book);
      v.news.forEach((item, i) => {
        const news = tr("panel.news", { news: localize(item, locale) });
        put(`news:${i}`, news, 14, COLORS.bad);
        mirror.push(news);
      });
    } else {
      this.meter?.destroy();
      this.meter = null;
      this.talkShown = null;
    }

    for (const [key, c] of this.texts) {
      if (c.used) continue;
      c.text.destroy();
      this.texts.delete(key);
    }
    if (!this.frame) {
      this.frame = this.scene.add.rectangle(this.layout.x, top - 8, this.layout.width, 10, COLORS.panel).setOrigin(0, 0).setRounded(10).setDepth(-1);
      this.frame.setStrokeStyle(1, COLORS.line);
    }
    this.frame.setSize(this.layout.width, cy - top + 14);
    return { mirror, bottom: cy };
  }

  /**
   * The talk-share meter: a bar filled to the share, with a tick at the aim (40%). Its
   * length and the line above it carry the number; the colour (green at or under the aim,
   * red past the point where it costs) only repeats it. Slides when it changes.
   */
  private drawTalkMeter(y: number, share: number, motion: boolean): void {
    const x = this.layout.x + 12;
    const w = this.layout.width - 24;
    const g = (this.meter ??= this.scene.add.graphics());
    const paint = (v: number) => {
      const fill = num(v <= TALK_SHARE_GOOD ? COLORS.good : v > TALK_SHARE_TOO_MUCH ? COLORS.bad : COLORS.accent);
      g.clear();
      g.fillStyle(COLORS.bg, 1).fillRect(x, y, w, TALK_METER_H);
      g.fillStyle(fill, 1).fillRect(x, y, Math.max(0, Math.min(1, v)) * w, TALK_METER_H);
      g.lineStyle(1, COLORS.line, 1).strokeRect(x, y, w, TALK_METER_H);
      g.fillStyle(num(COLORS.text), 1).fillRect(x + TALK_SHARE_GOOD * w - 1, y - 3, 2, TALK_METER_H + 6);
    };
    const from = this.talkShown;
    this.talkShown = share;
    this.meterTween?.remove();
    this.meterTween = null;
    if (motion && from !== null && Math.abs(from - share) > 0.005) {
      const tw = { v: from };
      paint(from);
      this.meterTween = this.scene.tweens.add({ targets: tw, v: share, duration: 350, ease: "Cubic.easeOut", onUpdate: () => paint(tw.v) });
    } else paint(share);
  }
}

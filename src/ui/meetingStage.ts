/**
 * The stage of a meeting: the room, the stakeholders present as portraits whose faces
 * follow how they feel, and the floating notes of what the last step changed. Toasts sit
 * where no face is: meter changes above each head, points in the top bar.
 */
import type { Phaser } from "../phaser/index.ts";
import { localize, moveLabel, t, type StringKey } from "../content/i18n.ts";
import type { AttendeeView, MeetingView, StepChange } from "../engine/view/meeting.ts";
import type { Locale } from "../engine/vocabulary.ts";
import { artDensity, portraitTexture, roomTexture } from "../art/textures.ts";
import { PORTRAIT_H } from "../art/draw.ts";
import { expressionOf } from "./expression.ts";
import { addText } from "./text.ts";
import { textPool } from "./textPool.ts";
import { COLORS } from "./theme.ts";

/** The dialogue column's width; the account panel takes the rest. */
export const MAIN_W = 860;
/** The stage: the room with the stakeholders in it, above the dialogue. */
export const STAGE_Y = 52;
export const STAGE_H = 186;
/** Portraits stand below this line; toasts above a head stay above it. */
const HEADROOM = 30;
/** Those not speaking are darkened, not made see-through: the room never shows through a face. */
const LISTENER_TINT = 0x9aa3ad;

/** One person on the stage: the portrait, and their name plate as a listener and as the speaker (each made when first needed). */
interface Person {
  img: Phaser.GameObjects.Image;
  face: string;
  plates: { speaking?: Phaser.GameObjects.Text; listening?: Phaser.GameObjects.Text };
}

export class MeetingStage {
  /** Everything on the stage now (kept across key presses, not part of what a step redraws). */
  private objects: Phaser.GameObjects.GameObject[] = [];
  /** The room, title and people it was laid out for: most key presses change only who speaks or a face. */
  private laidOutFor = "";
  private people = new Map<string, Person>();
  private where = new Map<string, number>();
  /** Notes floating up now, each with what takes it away (a tween or a timer). */
  private floating: { toast: Phaser.GameObjects.Text; gone: { remove(): unknown } }[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  owns(o: Phaser.GameObjects.GameObject): boolean {
    return this.objects.includes(o);
  }

  /** Takes the room and the portraits away (a choice with too many options goes without the room). */
  hide(): Map<string, number> {
    for (const o of this.objects) o.destroy();
    this.objects = [];
    this.laidOutFor = "";
    this.people = new Map();
    return (this.where = new Map());
  }

  /**
   * Draws the room and who is in it; returns each portrait's centre x by stakeholder id.
   * Lays the room out again only when the title or the people present change; otherwise
   * a face is swapped and the speaker's plate shown (each name plate is a text to render
   * and upload, and most key presses only advance a line). Not `shown`: the room is taken away.
   */
  draw(view: MeetingView, locale: Locale, shown = true): Map<string, number> {
    if (!shown) return this.hide();
    const scene = this.scene;
    const present = view.attendees;
    const layout = JSON.stringify([locale, artDensity(scene), view.title ?? null, present.map((p) => [p.id, localize(p.name, locale)])]);
    if (layout !== this.laidOutFor) this.layOut(view, locale, layout);
    const anyoneSpeaking = present.some((p) => p.speaking);
    for (const p of present) {
      const person = this.people.get(p.id)!;
      const face = portraitTexture(scene, p.id, p.department, expressionOf(p, p.delta), p.archetype);
      if (face !== person.face) {
        person.img.setTexture(face);
        person.face = face;
      }
      if (anyoneSpeaking && !p.speaking) person.img.setTint(LISTENER_TINT);
      else person.img.clearTint();
      const role = p.speaking ? "speaking" : "listening";
      person.plates[role] ??= this.plate(this.where.get(p.id)!, localize(p.name, locale), p.speaking);
      person.plates[role].setVisible(true);
      person.plates[p.speaking ? "listening" : "speaking"]?.setVisible(false);
    }
    return this.where;
  }

  private layOut(view: MeetingView, locale: Locale, layout: string): void {
    this.hide();
    const scene = this.scene;
    const track = <T extends Phaser.GameObjects.GameObject>(o: T): T => (this.objects.push(o), o);
    track(scene.add.image(24, STAGE_Y + 6, roomTexture(scene, MAIN_W, STAGE_H - 6)).setOrigin(0, 0).setScale(1 / artDensity(scene)));
    if (view.title) track(addText(scene, 36, STAGE_Y + 10, localize(view.title, locale), { size: 16, bold: true, background: "#14202ecc", padding: [8, 3] }));
    const gap = MAIN_W / (view.attendees.length + 1);
    const scale = (STAGE_H - HEADROOM) / PORTRAIT_H;
    view.attendees.forEach((p, i) => {
      const cx = 24 + gap * (i + 1);
      const face = portraitTexture(scene, p.id, p.department, expressionOf(p, p.delta), p.archetype);
      const img = track(scene.add.image(cx, STAGE_Y + STAGE_H - 2, face).setOrigin(0.5, 1).setScale(scale / artDensity(scene)));
      this.people.set(p.id, { img, face, plates: {} });
      this.where.set(p.id, cx);
    });
    this.laidOutFor = layout;
  }

  private plate(cx: number, name: string, speaking: boolean): Phaser.GameObjects.Text {
    const plate = addText(this.scene, cx, STAGE_Y + STAGE_H - 4, name, { size: 14, bold: speaking, background: speaking ? "#7a5b14" : "#14202ecc", padding: [6, 2] }).setOrigin(0.5, 1);
    this.objects.push(plate);
    return plate;
  }

  /** Takes away the notes still floating (all of them, or one whose time is up): their texts go back to the pool. */
  land(only?: Phaser.GameObjects.Text): void {
    const pool = textPool(this.scene);
    this.floating = this.floating.filter(({ toast, gone }) => {
      if (only && toast !== only) return true;
      gone.remove();
      pool.give(toast);
      return false;
    });
  }

  /**
   * Floating notes for what the last step changed: "+1 信任 · I 暗示问题" above a head, "+8 提问" in the top bar.
   * Without coaching (assessment) nothing of the player's own move is shown — no points, competencies or move
   * tags: the faces react and the client's words stay; a rival's or an event's doing is news and is shown.
   * Returns the notes' words, for the screen-reader mirror.
   */
  toasts(attendees: readonly AttendeeView[], portraits: Map<string, number>, change: StepChange, how: { locale: Locale; motion: boolean; coaching: boolean }): string[] {
    const { locale, motion, coaching } = how;
    const said: string[] = [];
    const scene = this.scene;
    const tr = (k: string, v?: Record<string, string | number>) => t(locale, k as StringKey, v);
    this.land();
    const pool = textPool(scene);
    const show = (x: number, y: number, text: string, color: string) => {
      said.push(text);
      const toast = pool.take(x, y, text, { size: 15, bold: true, color, background: "#0b121bee", padding: [6, 2] }).setOrigin(0.5, 1).setDepth(5);
      const gone = () => this.land(toast);
      this.floating.push({ toast, gone: motion ? scene.tweens.add({ targets: toast, y: y - 18, alpha: 0, delay: 1100, duration: 900, onComplete: gone }) : scene.time.delayedCall(2000, gone) });
    };
    // One note per person, with why their meters moved: the player's move, or a rival's.
    const byWho = new Map<string, { parts: string[]; sum: number; cause: string }>();
    for (const m of change.meters) {
      if (!coaching && m.cause === "player") continue;
      const e = byWho.get(m.who) ?? { parts: [], sum: 0, cause: m.cause };
      e.parts.push(`${m.delta > 0 ? "+" : ""}${m.delta} ${tr(`meter.${m.meter}`)}`);
      e.sum += m.delta;
      if (m.cause !== "player") e.cause = m.cause;
      byWho.set(m.who, e);
    }
    for (const a of attendees) {
      const e = byWho.get(a.id);
      const x = portraits.get(a.id);
      if (!e || x === undefined) continue;
      const why = e.cause === "competitor" ? tr("toast.competitor") : e.cause === "event" ? tr("toast.event") : change.move && coaching ? moveLabel(change.move, locale) : "";
      show(x, STAGE_Y + HEADROOM - 2, `${e.parts.join(" ")}${why ? ` · ${why}` : ""}`, e.sum >= 0 ? COLORS.good : COLORS.bad);
    }
    const scores = coaching ? change.scores.map((s) => `${s.points > 0 ? "+" : ""}${s.points} ${tr(`competency.${s.competency}`)}`) : [];
    if (scores.length) show(470, 44, scores.join("  "), change.scores.reduce((a, s) => a + s.points, 0) >= 0 ? COLORS.good : COLORS.bad);
    return said;
  }
}

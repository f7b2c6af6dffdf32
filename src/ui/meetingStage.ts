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

export class MeetingStage {
  constructor(private readonly scene: Phaser.Scene) {}

  /** Draws the room and who is in it; returns each portrait's centre x by stakeholder id. */
  draw(view: MeetingView, locale: Locale): Map<string, number> {
    const scene = this.scene;
    scene.add.image(24, STAGE_Y + 6, roomTexture(scene, MAIN_W, STAGE_H - 6)).setOrigin(0, 0).setScale(1 / artDensity(scene));
    if (view.title) {
      const title = addText(scene, 36, STAGE_Y + 10, localize(view.title, locale), { size: 16, bold: true });
      title.setBackgroundColor("#14202ecc").setPadding(8, 3, 8, 3);
    }
    const where = new Map<string, number>();
    const present = view.attendees;
    const anyoneSpeaking = present.some((p) => p.speaking);
    const gap = MAIN_W / (present.length + 1);
    present.forEach((p, i) => {
      const cx = 24 + gap * (i + 1);
      const scale = (STAGE_H - HEADROOM) / PORTRAIT_H;
      const img = scene.add.image(cx, STAGE_Y + STAGE_H - 2, portraitTexture(scene, p.id, p.department, expressionOf(p, p.delta), p.archetype)).setOrigin(0.5, 1).setScale(scale / artDensity(scene));
      if (anyoneSpeaking && !p.speaking) img.setTint(LISTENER_TINT);
      const name = addText(scene, cx, STAGE_Y + STAGE_H - 4, localize(p.name, locale), { size: 14, bold: p.speaking }).setOrigin(0.5, 1);
      name.setBackgroundColor(p.speaking ? "#7a5b14" : "#14202ecc").setPadding(6, 2, 6, 2);
      where.set(p.id, cx);
    });
    return where;
  }

  /** Floating notes for what the last step changed: "+1 信任 · I 暗示问题" above a head, "+8 提问" in the top bar. */
  toasts(attendees: readonly AttendeeView[], portraits: Map<string, number>, change: StepChange, locale: Locale, motion: boolean): void {
    const scene = this.scene;
    const tr = (k: string, v?: Record<string, string | number>) => t(locale, k as StringKey, v);
    const show = (x: number, y: number, text: string, color: string) => {
      const toast = addText(scene, x, y, text, { size: 15, bold: true, color }).setOrigin(0.5, 1).setDepth(5);
      toast.setBackgroundColor("#0b121bee").setPadding(6, 2, 6, 2);
      if (motion) scene.tweens.add({ targets: toast, y: y - 18, alpha: 0, delay: 1100, duration: 900, onComplete: () => toast.destroy() });
      else scene.time.delayedCall(2000, () => toast.destroy());
    };
    // One note per person, with why their meters moved: the player's move, or a rival's.
    const byWho = new Map<string, { parts: string[]; sum: number; cause: string }>();
    for (const m of change.meters) {
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
      const why = e.cause === "competitor" ? tr("toast.competitor") : e.cause === "event" ? tr("toast.event") : change.move ? moveLabel(change.move, locale) : "";
      show(x, STAGE_Y + HEADROOM - 2, `${e.parts.join(" ")}${why ? ` · ${why}` : ""}`, e.sum >= 0 ? COLORS.good : COLORS.bad);
    }
    const scores = change.scores.map((s) => `${s.points > 0 ? "+" : ""}${s.points} ${tr(`competency.${s.competency}`)}`);
    if (scores.length) show(470, 44, scores.join("  "), change.scores.reduce((a, s) => a + s.points, 0) >= 0 ? COLORS.good : COLORS.bad);
  }
}

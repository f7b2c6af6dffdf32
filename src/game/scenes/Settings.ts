import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { LOCALES } from "../../engine/vocabulary.ts";
import { FONT_SCALES, TEXT_SPEEDS } from "../../store/index.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import type { MenuItem } from "../../ui/menu.ts";
import { askName } from "../../ui/nameField.ts";
import { MAX_NAME_CHARS } from "../../store/guards.ts";

export interface SettingsData {
  /** The scene paused underneath, resumed on close. */
  from: string;
}

const VOLUME_STEPS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const next = <T>(list: readonly T[], value: T): T => list[(list.indexOf(value) + 1) % list.length]!;
const nextVolume = (v: number) => VOLUME_STEPS[(VOLUME_STEPS.findIndex((s) => s >= v - 0.001) + 1) % VOLUME_STEPS.length]!;

/** Pause and settings, over any scene (Esc). Every change applies at once and persists. */
export class Settings extends BaseScene {
  private from = SceneKey.Title as string;

  constructor() {
    super(SceneKey.Settings);
  }

  create(data: SettingsData): void {
    this.from = data.from;
    this.input.keyboard?.on("keydown-ESC", () => this.close());
    this.drawWithLocale(() => this.draw());
  }

  private close(): void {
    this.svc.sound.play("move");
    this.scene.stop();
    this.scene.resume(this.from);
  }

  private draw(focus = 0): void {
    this.clear();
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x0b121b, 0.82).setOrigin(0, 0).setInteractive(); // blocks clicks beneath
    const s = this.svc.store.getState();
    const st = s.settings;
    const onOff = (b: boolean) => this.t(b ? "title.on" : "title.off");
    const change = (index: number, apply: () => void) => () => {
      apply();
      this.svc.sound.play("move");
      this.draw(index);
    };
    const items: MenuItem[] = [];
    const add = (label: string, apply: () => void) => items.push({ label, onSelect: change(items.length, apply) });
    items.push({ label: this.t("settings.resume"), onSelect: () => this.close() });
    add(this.t("settings.language"), () => s.setLocale(next(LOCALES, st.locale)));
    add(this.t("settings.music", { v: Math.round(st.musicVolume * 100) }), () => s.updateSettings({ musicVolume: nextVolume(st.musicVolume) }));
    add(this.t("settings.effects", { v: Math.round(st.effectsVolume * 100) }), () => s.updateSettings({ effectsVolume: nextVolume(st.effectsVolume) }));
    add(this.t("settings.mute", { state: onOff(st.muted) }), () => s.toggleMute());
    add(this.t("settings.text-speed", { speed: this.t(`speed.${st.textSpeed}`) }), () => s.updateSettings({ textSpeed: next(TEXT_SPEEDS, st.textSpeed) }));
    add(this.t("settings.font", { size: this.t(`font.${st.fontScale}` as "font.1") }), () =>
      s.updateSettings({ fontScale: next(FONT_SCALES as readonly number[], st.fontScale) }),
    );
    add(this.t("settings.motion", { state: onOff(st.reducedMotion) }), () => s.updateSettings({ reducedMotion: !st.reducedMotion }));
    add(this.t("settings.marks", { state: onOff(st.showMoveMarks) }), () => s.updateSettings({ showMoveMarks: !st.showMoveMarks }));
    // The name that goes with exports and xAPI; an LMS's own name for the learner wins and is only shown.
    const fromLms = this.svc.launch.learner?.name;
    if (fromLms) items.push({ label: this.t("settings.name-lms", { name: fromLms }), onSelect: () => {} });
    else {
      const index = items.length;
      items.push({
        label: this.t("settings.name", { name: st.learnerName || this.t("settings.name-none") }),
        onSelect: () =>
          askName({
            label: this.t("settings.name-ask"),
            initial: st.learnerName,
            maxLength: MAX_NAME_CHARS,
            onDone: (name) => {
              if (name !== null) this.svc.store.getState().updateSettings({ learnerName: name });
              if (this.sys.isActive()) this.draw(index);
            },
          }),
      });
    }
    if (this.from !== SceneKey.Title) {
      items.push({
        label: this.t("settings.to-title"),
        onSelect: () => {
          this.scene.stop(this.from);
          this.scene.start(SceneKey.Title);
        },
      });
    }
    // Over the title nothing is paused: the heading says so only over a meeting or a debrief.
    const heading = this.t(this.from === SceneKey.Title ? "settings.heading-title" : "settings.heading");
    addText(this, WIDTH / 2, 28, heading, { size: 30, bold: true, color: COLORS.accent }).setOrigin(0.5, 0);
    // Eleven items in a meeting (with "to the title"): sized to fit the 720-high design.
    const menu = this.menu(items, { x: WIDTH / 2 - 300, y: 78, width: 600, gap: 4, size: 18 });
    menu.focus(Math.min(focus, items.length - 1));
    addText(this, WIDTH / 2, Math.min(HEIGHT - 30, menu.bottom + 10), this.t("settings.keys"), { size: 16, color: COLORS.textDim }).setOrigin(0.5, 0);
    this.svc.mirror.show({ heading, lines: items.map((it, i) => `${i + 1}. ${it.label}`) });
  }
}



import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { localize, moveLabel, t, type StringKey } from "../../content/i18n.ts";
import { createRunner, type Runner, type RunEvent } from "../../engine/runner.ts";
import { saveRun, type RunSnapshot } from "../../engine/snapshot.ts";
import { ensureCatalogue, findScenario } from "../services.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { drawAccountPanel, meetingTalkShare } from "../../ui/accountPanel.ts";
import type { Posture } from "../../engine/vocabulary.ts";
import { CHIP_COLORS, COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import { expressionOf } from "../../ui/expression.ts";
import { wrapText } from "../../ui/wrap.ts";
import { artDensity, iconTexture, portraitTexture, roomTexture } from "../../art/textures.ts";
import { iconFor } from "../../art/icons.ts";
import { PORTRAIT_H } from "../../art/draw.ts";
import type { Phaser } from "../phaser.ts";

/** L moves neutral → engaged → distracted → neutral: the first press does what a player wants. */
const POSTURE_CYCLE: readonly Posture[] = ["neutral", "engaged", "distracted"];

/** The dialogue column's width; the account panel takes the rest. */
const MAIN_W = 860;
const PANEL_X = 24 + MAIN_W + 20;
/** The stage: the room with the stakeholders in it, above the dialogue. */
const STAGE_Y = 52;
const STAGE_H = 186;
const OPTIONS_BOTTOM = HEIGHT - 40;
/** Characters per second of the typewriter, by the text-speed setting. */
const TYPE_CPS = { slow: 18, normal: 40, fast: 90, instant: Infinity } as const;


/** Which stakeholders take part in each meeting: those who speak in it or are addressed in it. */
const attendeesCache = new WeakMap<Scenario, Map<string, string[]>>();
function attendees(s: Scenario, meeting: string): string[] {
  let byMeeting = attendeesCache.get(s);
  if (!byMeeting) {
    byMeeting = new Map();
    for (const node of Object.values(s.nodes)) {
      if (!node.meeting) continue;
      const list = byMeeting.get(node.meeting) ?? [];
      const add = (id: string | undefined) => {
        if (id && s.cast[id] && !list.includes(id)) list.push(id);
      };
      node.lines.forEach((l) => add(l.speaker));
      node.options?.forEach((o) => add(o.to));
      byMeeting.set(node.meeting, list);
    }
    attendeesCache.set(s, byMeeting);
  }
  return byMeeting.get(meeting) ?? [];
}

export interface MeetingData {
  scenarioId: string;
  /** Resume the autosaved run instead of starting a new one. */
  resume?: boolean;
  /** Start with this seed (replaying a deal: competitors act the same way). */
  seed?: string;
}

export interface DebriefData {
  scenarioId: string;
  snapshot: RunSnapshot;
}

/** A meeting: who speaks, what they say, and the rep's options. Reads the runner; forwards input. */
export class Meeting extends BaseScene {
  private runner!: Runner;
  /** False until the scenario is found and the run started or resumed. */
  private ready = false;
  private scenario!: Scenario;
  /** Events of the last step: faces react to them and toasts show them. */
  private lastEvents: RunEvent[] = [];
  /** The line being typed out, if the typewriter is running. */
  private typing: { text: Phaser.GameObjects.Text; full: string; shown: number; timer: Phaser.Time.TimerEvent } | null = null;
  private pendingOptions: (() => void) | null = null;
  /** Objects of the stage, dialogue and options: replaced on every line. */
  private body: Phaser.GameObjects.GameObject[] = [];
  /** The talk share the panel's meter last showed, so the next draw slides from it. */
  private talkShown: number | null = null;
  /** The account panel's mirror lines, while its drawing stays on screen. */
  private chromeMirror: string[] | null = null;

  constructor() {
    super(SceneKey.Meeting);
  }

  create(data: MeetingData): void {
    this.ready = false;
    this.chromeMirror = null;
    this.talkShown = null;
    this.body = [];
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive() || !this.ready) return;
      if (this.typing && (ev.key === " " || ev.key === "Enter" || /^[1-9]$/.test(ev.key))) this.finishTyping();
      else if ((ev.key === " " || ev.key === "Enter") && this.runner.status === "line") this.advance();
      else if (ev.key === "l" || ev.key === "L") this.changeListening("posture");
      else if (ev.key === "n" || ev.key === "N") this.changeListening("notes");
      else if (ev.key === "m" || ev.key === "M") this.openMap();
    });
    this.enablePause();
    this.clear();
    addText(this, WIDTH / 2, 320, this.t("loading"), { size: 28 }).setOrigin(0.5);
    void this.begin(data);
  }

  /** Finds the scenario (loading the catalogue if needed), then starts or resumes the run. */
  private async begin(data: MeetingData): Promise<void> {
    await ensureCatalogue(this.svc);
    if (!this.sys.isActive()) return;
    const scenario = findScenario(this.svc, data.scenarioId);
    if (!scenario) {
      this.scene.start(SceneKey.Title);
      return;
    }
    this.scenario = scenario;
    const store = this.svc.store.getState();
    if (data.resume && store.run?.scenarioId === data.scenarioId) {
      const { restoreRun } = await import("../../engine/save.ts");
      if (!this.sys.isActive()) return;
      try {
        this.runner = restoreRun(this.scenario, store.run.snapshot);
      } catch (e) {
        store.clearRun();
        store.notify({ key: "notice.run-reset", vars: { reason: e instanceof Error ? e.message : String(e) } });
        this.scene.start(SceneKey.Title);
        return;
      }
    } else {
      const seed = data.seed ?? this.svc.launch.seed ?? String(crypto.getRandomValues(new Uint32Array(1))[0]);
      this.runner = createRunner(this.scenario, seed);
      this.autosave();
    }
    this.ready = true;
    this.drawWithLocale(() => this.draw());
  }

  private openMap(): void {
    if (!this.sys.isActive() || !this.ready) return;
    this.svc.sound.play("move");
    this.scene.launch(SceneKey.AccountMap, { from: this.scene.key, runner: this.runner });
    this.scene.sleep(); // not drawn under the map (the map covers it: no frames spent on it)
  }

  /** A small button in the top bar, right-aligned at `right`, for mouse and touch. */
  private barButton(right: number, label: string, onTap: () => void): Phaser.GameObjects.Text {
    const b = addText(this, right, 11, label, { size: 17, bold: true }).setOrigin(1, 0);
    b.setBackgroundColor("#36597d").setPadding(10, 4, 10, 4);
    b.setInteractive({ useHandCursor: true });
    b.on("pointerup", onTap);
    return b;
  }

  /** L cycles the body-language posture, N toggles note-taking; both last for the meeting. */
  private changeListening(what: "posture" | "notes"): void {
    const m = this.runner.state.account.meeting;
    if (!m || (this.runner.status !== "awaiting-choice" && this.runner.status !== "line")) return;
    const posture = what === "posture" ? POSTURE_CYCLE[(POSTURE_CYCLE.indexOf(m.posture) + 1) % POSTURE_CYCLE.length]! : m.posture;
    const notes = what === "notes" ? !m.notes : m.notes;
    this.runner.setListening({ posture, notes });
    this.svc.sound.play("move");
    this.autosave();
    this.draw();
  }

  private autosave(): void {
    this.svc.store.getState().saveRun({ scenarioId: this.scenario.meta.id, title: this.scenario.meta.title, snapshot: saveRun(this.runner) });
  }

  private advance(): void {
    const at = this.runner.state.log.length;
    this.runner.advance();
    this.afterStep(at);
  }

  private choose(optionId: string): void {
    this.svc.sound.play("confirm");
    const at = this.runner.state.log.length;
    this.runner.choose(optionId);
    this.afterStep(at);
  }

  /** Sounds for what the last step did: a scored move, a stage reached, a competitor's move. */
  private cue(events: readonly RunEvent[]): void {
    const points = events.reduce((sum, e) => sum + (e.type === "score" && e.competency !== "outcome" ? e.points : 0), 0);
    if (events.some((e) => e.type === "competitor")) this.svc.sound.play("alert");
    else if (events.some((e) => e.type === "stage")) this.svc.sound.play("stage");
    else if (points > 0) this.svc.sound.play("good");
    else if (points < 0) this.svc.sound.play("bad");
  }

  private afterStep(logStart: number): void {
    this.autosave();
    this.lastEvents = this.runner.state.log.slice(logStart);
    this.cue(this.lastEvents);
    const accountChanged = this.lastEvents.some((e) => e.type !== "enter");
    if (this.runner.status === "ended") {
      const st = this.runner.state;
      this.svc.store.getState().recordAttempt({ scenarioId: this.scenario.meta.id, title: this.scenario.meta.title, mode: this.svc.launch.mode, ...st.score, ending: st.ending!, seed: this.runner.seed });
      const outcome = this.scenario.endings[st.ending!]!.outcome;
      this.svc.sound.play(outcome === "won" || outcome === "strategic-partner" ? "win" : "lose");
      const data: DebriefData = { scenarioId: this.scenario.meta.id, snapshot: saveRun(this.runner) };
      this.scene.start(SceneKey.Debrief, data);
      return;
    }
    this.draw(accountChanged);
  }

  private speakerLabel(id: string): { name: string; title: string } {
    if (id === "narrator") return { name: this.t("meeting.narrator"), title: "" };
    if (id === "rep") return { name: this.t("meeting.rep"), title: "" };
    const who = this.scenario.cast[id];
    return { name: localize(who?.name, this.locale), title: localize(who?.title, this.locale) };
  }

  /**
   * Redraws the meeting. `full` also redraws the chrome (top bar and account panel); a line
   * advance that changed nothing in the account redraws only the stage and the dialogue,
   * which keeps each key press well inside a frame's budget.
   */
  private draw(full = true): void {
    this.stopTyping();
    const start = performance.now();
    if (full || !this.chromeMirror) {
      this.clear();
      this.body = [];
      this.chromeMirror = this.drawChrome();
      performance.measure("meeting: account panel", { start });
    } else {
      this.clearMenus();
      for (const o of this.body) o.destroy();
    }
    const bodyStart = performance.now();
    const before = new Set(this.children.list);
    this.drawBody(this.chromeMirror);
    this.body = this.children.list.filter((o) => !before.has(o));
    // Named for bench:startup, which reports the game's measures that overlap a long task.
    performance.measure("meeting: line and options", { start: bodyStart });
  }

  /** The top bar and the account panel; returns the panel's mirror lines. */
  private drawChrome(): string[] {
    const r = this.runner;
    const meta = this.scenario.meta;
    const stage = this.scenario.stages.find((s) => s.id === r.state.stage)!;
    const stageName = stage.title ? localize(stage.title, this.locale) : this.t(`stage.${stage.pipeline}` as StringKey);

    // Top bar: the account, the stage of the deal, the step count.
    this.add.rectangle(0, 0, WIDTH, 52, COLORS.panel).setOrigin(0, 0);
    addText(this, 24, 13, localize(meta.client, this.locale), { size: 20, bold: true });
    const pause = this.barButton(WIDTH - 16, this.t("meeting.pause-button"), () => this.openSettings());
    const map = this.barButton(pause.x - pause.width - 10, this.t("meeting.map-button"), () => this.openMap());
    addText(this, map.x - map.width - 20, 13, this.t("meeting.stage-turn", { stage: stageName, n: r.state.turn + 1 }), { size: 20, color: COLORS.accent }).setOrigin(1, 0);
    const talkFrom = this.talkShown;
    this.talkShown = meetingTalkShare(r);
    return drawAccountPanel({
      scene: this,
      x: PANEL_X,
      y: 70,
      width: WIDTH - PANEL_X - 16,
      bottom: HEIGHT - 8,
      runner: r,
      locale: this.locale,
      actions: { posture: () => this.changeListening("posture"), notes: () => this.changeListening("notes") },
      ...(talkFrom !== null ? { talkFrom } : {}),
      motion: !this.svc.store.getState().settings.reducedMotion,
    });
  }

  /** The stage, the line, the options and the footer; publishes the mirror. */
  private drawBody(panelMirror: string[]): void {
    const r = this.runner;
    const meta = this.scenario.meta;
    const settings = this.svc.store.getState().settings;
    const portraits = this.drawStage(r);

    let y = STAGE_Y + STAGE_H + 8;
    const mirrorLines: string[] = [];
    const line = r.line;
    if (line) {
      const who = this.speakerLabel(line.speaker);
      const speaker = who.title ? this.t("format.speaker", { name: who.name, title: who.title }) : who.name;
      const size = Math.round(23 * settings.fontScale);
      const plate = addText(this, 44, y + 10, speaker, { size: 17, bold: true, color: COLORS.accent }).setDepth(1);
      const said = addText(this, 44, plate.y + plate.height + 4, "", { size, lineSpacing: Math.round(size * 0.3) }).setDepth(1);
      const text = localize(line.text, this.locale);
      const full = wrapText(text, MAIN_W - 40, (s) => said.context.measureText(s).width).join("\n");
      said.setText(full);
      const box = this.add
        .rectangle(24, y, MAIN_W, said.y + said.height - y + 14, COLORS.panel, 0.94)
        .setOrigin(0, 0)
        .setRounded(12)
        .setStrokeStyle(2, COLORS.line);
      box.setInteractive({ useHandCursor: true });
      box.on("pointerup", () => {
        if (this.typing) this.finishTyping();
        else if (this.runner.status === "line") this.advance();
      });
      y += box.height + 10;
      mirrorLines.push(this.t("format.says", { who: speaker, text }));
      const cps = settings.reducedMotion ? Infinity : TYPE_CPS[settings.textSpeed];
      if (Number.isFinite(cps) && full.length > 1) this.startTyping(said, full, cps);
    }

    if (r.status === "awaiting-choice") {
      const marks = settings.showMoveMarks;
      const items = r.options.map((o) => {
        const cost = o.cost.weeks || o.cost.budget ? ` · ${this.t("cost", { weeks: o.cost.weeks, budget: o.cost.budget })}` : "";
        const chip = moveLabel(o.move, this.locale) + cost;
        return {
          label: localize(o.text, this.locale),
          ...(marks ? { chip, chipColor: CHIP_COLORS[o.move.kind], chipIcon: iconTexture(this, iconFor(o.move)) } : {}),
          onSelect: () => this.choose(o.id),
        };
      });
      items.forEach((it, i) => mirrorLines.push(`${i + 1}. ${it.label}${it.chip ? this.t("format.paren", { text: it.chip }) : ""}`));
      const optionsY = y;
      const showOptions = () => {
        // Shrinks the text until every option fits above the footer.
        for (const base of [21, 19, 17, 15]) {
          const menu = this.menu(items, { x: 24, y: optionsY, width: MAIN_W, gap: 6, size: Math.round(base * settings.fontScale), numbered: true, chipWidth: marks ? 170 : 0 });
          if (menu.bottom <= OPTIONS_BOTTOM || base === 15) break;
          this.clearMenus();
        }
      };
      if (this.typing) this.pendingOptions = showOptions;
      else showOptions();
      const hint = this.t("meeting.choose", { n: items.length });
      this.footer(hint);
      mirrorLines.push(hint);
    } else if (r.status === "line") {
      const hint = this.t("meeting.continue");
      this.footer(hint);
      mirrorLines.push(hint);
    } else if (r.status === "stuck") {
      const ev = r.state.log.at(-1);
      const reason = ev && ev.type === "stuck" ? ev.reason : "?";
      const msg = t(this.locale, "meeting.stuck", { reason });
      addText(this, 24, y, msg, { size: 22, color: COLORS.bad, width: MAIN_W });
      mirrorLines.push(msg);
    }
    mirrorLines.push(...panelMirror);
    this.toasts(portraits);
    this.svc.mirror.show({ heading: localize(r.title, this.locale) || localize(meta.title, this.locale), lines: mirrorLines });
  }

  /** The room and the stakeholders of this meeting, each face showing how they feel now. Returns portrait centres by id. */
  private drawStage(r: Runner): Map<string, number> {
    this.add.image(24, STAGE_Y + 6, roomTexture(this, MAIN_W, STAGE_H - 6)).setOrigin(0, 0).setScale(1 / artDensity(this));
    if (r.title) {
      const title = addText(this, 36, STAGE_Y + 12, localize(r.title, this.locale), { size: 17, bold: true });
      title.setBackgroundColor("#14202ecc").setPadding(8, 4, 8, 4);
    }
    const where = new Map<string, number>();
    const meeting = r.state.account.meeting;
    if (!meeting) return where;
    const present = attendees(this.scenario, meeting.id).slice(0, 5);
    const speaking = r.line?.speaker;
    const gap = MAIN_W / (present.length + 1);
    present.forEach((id, i) => {
      const who = this.scenario.cast[id]!;
      const st = r.state.account.stakeholders[id]!;
      const delta = this.lastEvents.reduce((sum, e) => sum + (e.type === "meter" && e.who === id ? e.to - e.from : 0), 0);
      const cx = 24 + gap * (i + 1);
      const scale = (STAGE_H - 30) / PORTRAIT_H;
      const img = this.add.image(cx, STAGE_Y + STAGE_H - 2, portraitTexture(this, id, who.department, expressionOf(st, delta), who.archetype)).setOrigin(0.5, 1).setScale(scale / artDensity(this));
      if (speaking !== undefined && speaking !== id) img.setAlpha(0.75);
      const name = addText(this, cx, STAGE_Y + STAGE_H - 4, localize(who.name, this.locale), { size: 14, bold: speaking === id }).setOrigin(0.5, 1);
      name.setBackgroundColor(speaking === id ? "#7a5b14" : "#14202ecc").setPadding(6, 2, 6, 2);
      where.set(id, cx);
    });
    return where;
  }

  /** Floating notes for what the last step changed: "+1 信任" over a face, "+8 提问" over the dialogue. */
  private toasts(portraits: Map<string, number>): void {
    const motion = !this.svc.store.getState().settings.reducedMotion;
    let row = 0;
    // Why the meters moved: the move just made, or a competitor's action.
    const choice = this.lastEvents.find((e) => e.type === "choice");
    const reason = choice && choice.type === "choice" ? moveLabel(choice.move, this.locale) : "";
    const rival = this.lastEvents.some((e) => e.type === "competitor") ? this.t("toast.competitor") : "";
    const show = (x: number, y: number, text: string, color: string) => {
      const toast = addText(this, x, y, text, { size: 16, bold: true, color }).setOrigin(0.5, 1).setDepth(5);
      toast.setBackgroundColor("#0b121bdd").setPadding(6, 2, 6, 2);
      if (motion) this.tweens.add({ targets: toast, y: y - 36, alpha: 0, delay: 900, duration: 900, onComplete: () => toast.destroy() });
      else this.time.delayedCall(1800, () => toast.destroy());
    };
    for (const e of this.lastEvents) {
      if (e.type === "meter") {
        const x = portraits.get(e.who);
        const d = e.to - e.from;
        const why = rival && !choice ? rival : reason;
        const label = `${d > 0 ? "+" : ""}${d} ${this.t(`meter.${e.meter}` as StringKey)}${why ? ` · ${why}` : ""}`;
        if (x !== undefined) show(x, STAGE_Y + 40 + 22 * (row++ % 3), label, d > 0 ? COLORS.good : COLORS.bad);
      } else if (e.type === "score" && e.competency !== "outcome") {
        const label = `${e.points > 0 ? "+" : ""}${e.points} ${this.t(`competency.${e.competency}` as StringKey)}`;
        show(24 + MAIN_W - 90, STAGE_Y + 34 + 22 * (row++ % 4), label, e.points > 0 ? COLORS.good : COLORS.bad);
      }
    }
    this.lastEvents = [];
  }

  private startTyping(text: Phaser.GameObjects.Text, full: string, cps: number): void {
    const perTick = Math.max(1, Math.round(cps / 25));
    text.setText("");
    const typing = {
      text,
      full,
      shown: 0,
      timer: this.time.addEvent({
        delay: 40,
        loop: true,
        callback: () => {
          typing.shown = Math.min(full.length, typing.shown + perTick);
          text.setText(full.slice(0, typing.shown));
          if (typing.shown >= full.length) this.finishTyping();
        },
      }),
    };
    this.typing = typing;
  }

  /** Shows the whole line at once (Space, Enter, a number key or a click while typing). */
  private finishTyping(): void {
    const typing = this.typing;
    if (!typing) return;
    this.stopTyping();
    typing.text.setText(typing.full);
    const show = this.pendingOptions;
    this.pendingOptions = null;
    show?.();
    // Same content, but the mirror's update count tells tests the key was handled.
    const current = this.svc.mirror.current;
    if (current) this.svc.mirror.show(current);
  }

  private stopTyping(): void {
    this.typing?.timer.remove();
    this.typing = null;
  }

  private footer(hint: string): void {
    const keys = `${this.runner.state.account.meeting ? `   ·   ${this.t("meeting.listen-keys")}` : ""}   ·   ${this.t("meeting.map-key")}`;
    addText(this, 24, HEIGHT - 30, `${hint}${keys}   ·   ${this.t("meeting.back")}`, { size: 16, color: COLORS.textDim });
  }
}


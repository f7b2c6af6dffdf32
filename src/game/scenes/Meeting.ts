import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { localize, t, type StringKey } from "../../content/i18n.ts";
import { ensureCatalogue, findScenario } from "../catalogueService.ts";
import { createRunSession, type RunMode, type RunSession, type SessionEvent } from "../../session/index.ts";
import { debriefView } from "../../engine/view/debrief.ts";
import { instantExplanation, speakerLabel } from "../../content/meetingText.ts";
import type { MeetingView } from "../../engine/view/meeting.ts";
import type { Scenario } from "../../engine/loader.ts";
import type { Posture } from "../../engine/vocabulary.ts";
import { addText } from "../../ui/text.ts";
import { AccountPanel } from "../../ui/accountPanel.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import { optionItems } from "../../ui/optionItems.ts";
import { MeetingStage, STAGE_H, STAGE_Y, MAIN_W } from "../../ui/meetingStage.ts";
import { DialogueLine } from "../../ui/dialogueLine.ts";
import { textPool } from "../../ui/textPool.ts";
import type { Phaser } from "../../phaser/index.ts";
import type { AccountMapData } from "./AccountMap.ts";
import { Menu } from "../../ui/menu.ts";
import { RunTimer, runPorts } from "../runRecord.ts";
import { soundOfEvent } from "../../audio/eventSound.ts";

/** L moves neutral → engaged → distracted → neutral: the first press does what a player wants. */
const POSTURE_CYCLE: readonly Posture[] = ["neutral", "engaged", "distracted"];

const PANEL_X = 24 + MAIN_W + 20;
const OPTIONS_BOTTOM = HEIGHT - 40;
/** Characters per second of the typewriter, by the text-speed setting. */
const TYPE_CPS = { slow: 18, normal: 40, fast: 90, instant: Infinity } as const;
/** Options held back while a line types out are built this long after the key press (its frame drawn first). */
const PREPARE_AFTER_MS = 80;

export interface MeetingData {
  scenarioId: string;
  /** Resume the autosaved run instead of starting a new one. */
  resume?: boolean;
  /** Start with this seed (replaying a deal: competitors act the same way). */
  seed?: string;
  mode?: RunMode;
}

export interface DebriefData {
  scenarioId: string;
  mode: RunMode;
  view: ReturnType<typeof debriefView>;
}

/** A meeting: who speaks, what they say, and the rep's options. Reads the session's view models; forwards input. */
export class Meeting extends BaseScene {
  private session!: RunSession;
  /** False until the scenario is found and the run started or resumed. */
  private ready = false;
  private scenario!: Scenario;
  private unsubscribe: (() => void) | null = null;
  /** Shows this step's options once the line has typed out (or the key that ends it is pressed). */
  private pendingOptions: (() => void) | null = null;
  /** The timer that builds those options hidden, between key presses. */
  private preparing: Phaser.Time.TimerEvent | null = null;
  /** What a step drew anew (options, hints, toasts): replaced on every line. The stage, line and footer are kept. */
  private body: Phaser.GameObjects.GameObject[] = [];
  private chrome: Phaser.GameObjects.GameObject[] = [];
  private panel: AccountPanel | null = null;
  private panelMirror: string[] = [];
  private stage: MeetingStage | null = null;
  private dialogue: DialogueLine | null = null;
  /** The key hints at the bottom, one text per wording met so far (shown by turns: a text drawn once is not drawn again). */
  private footers = new Map<string, Phaser.GameObjects.Text>();
  /** Texts of this step only (the practice hint), from the scene's pool: handed back at the next draw. */
  private stepTexts: Phaser.GameObjects.Text[] = [];
  /** Log length when toasts were last shown. */
  private toastedAt = -1;
  /** Many or long options: the room is left out for this choice so every option fits above the footer. */
  private compact = false;
  /** Practice: the last decision's explanation, brought back at a choice point (E, or the top bar's button). */
  private explainOpen = false;

  constructor() {
    super(SceneKey.Meeting);
  }

  create(data: MeetingData): void {
    this.ready = false;
    this.body = [];
    this.chrome = [];
    this.panel = null;
    this.toastedAt = -1;
    this.explainOpen = false;
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive() || !this.ready) return;
      if (this.dialogue?.typing && (ev.key === " " || ev.key === "Enter" || /^[1-9]$/.test(ev.key))) this.finishTyping();
      else if ((ev.key === " " || ev.key === "Enter") && this.session.status === "line") this.advance();
      else if (ev.key === "l" || ev.key === "L") this.changeListening("posture");
      else if (ev.key === "n" || ev.key === "N") this.changeListening("notes");
      else if (ev.key === "m" || ev.key === "M") this.openMap();
      else if (ev.key === "e" || ev.key === "E") this.toggleExplanation();
    });
    this.events.once("shutdown", () => this.unsubscribe?.());
    this.enablePause();
    this.clear();
    addText(this, WIDTH / 2, 320, this.t("loading"), { size: 28 }).setOrigin(0.5);
    void this.begin(data);
  }

  private get mode(): RunMode {
    return this.session.mode;
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
    const saved = store.run;
    const mode: RunMode = this.svc.launch.mode ?? data.mode ?? (data.resume ? saved?.mode : undefined) ?? "practice";
    const timer = new RunTimer(data.resume && saved?.scenarioId === data.scenarioId ? (saved.spentMs ?? 0) : 0);
    this.events.once("shutdown", () => timer.dispose());
    const ports = runPorts(this.svc, scenario, mode, timer, () => this.session?.status === "ended");
    if (data.resume && saved?.scenarioId === data.scenarioId) {
      const { resumeRunSession } = await import("../../session/resume.ts");
      if (!this.sys.isActive()) return;
      try {
        this.session = resumeRunSession(scenario, saved.snapshot, ports);
      } catch (e) {
        store.clearRun();
        store.notify({ key: "notice.run-reset", vars: { reason: e instanceof Error ? e.message : String(e) } });
        this.scene.start(SceneKey.Title);
        return;
      }
    } else {
      const seed = data.seed ?? this.svc.launch.seed ?? String(crypto.getRandomValues(new Uint32Array(1))[0]);
      this.session = createRunSession({ scenario, seed, ...ports });
    }
    this.unsubscribe = this.session.subscribe((e) => this.onSessionEvent(e));
    this.svc.onSession?.(this.session);
    this.ready = true;
    this.drawWithLocale(() => this.draw(true));
  }

  private onSessionEvent(e: SessionEvent): void {
    const sound = soundOfEvent(e, this.coaching);
    if (sound) this.svc.sound.play(sound);
  }

  private openMap(): void {
    if (!this.sys.isActive() || !this.ready) return;
    this.svc.sound.play("move");
    const data: AccountMapData = { from: this.scene.key, view: this.session.map() };
    this.scene.launch(SceneKey.AccountMap, data);
    this.scene.sleep(); // not drawn under the map (the map covers it: no frames spent on it)
  }

  /** A small button in the top bar, right-aligned at `right`, for mouse and touch. */
  private barButton(right: number, label: string, onTap: () => void): Phaser.GameObjects.Text {
    const b = addText(this, right, 11, label, { size: 17, bold: true, background: "#36597d", padding: [10, 4] }).setOrigin(1, 0);
    b.setInteractive({ useHandCursor: true });
    b.on("pointerup", onTap);
    return b;
  }

  /** L cycles the body-language posture, N toggles note-taking; both last for the meeting. */
  private changeListening(what: "posture" | "notes"): void {
    const m = this.session.listening();
    if (!m || (this.session.status !== "awaiting-choice" && this.session.status !== "line")) return;
    const posture = what === "posture" ? POSTURE_CYCLE[(POSTURE_CYCLE.indexOf(m.posture) + 1) % POSTURE_CYCLE.length]! : m.posture;
    const notes = what === "notes" ? !m.notes : m.notes;
    this.session.setListening({ posture, notes });
    this.svc.sound.play("move");
    this.draw(false);
  }

  private advance(): void {
    this.compact = false;
    this.session.advance();
    this.afterStep();
  }

  /** Practice: shows or hides the last decision's explanation (it is shown by itself right after the decision). */
  private toggleExplanation(): void {
    if (!this.coaching || !this.session.meeting().judged) return;
    this.explainOpen = !this.explainOpen;
    this.svc.sound.play("move");
    this.draw(false);
  }

  private choose(optionId: string): void {
    this.compact = false;
    this.explainOpen = false;
    this.svc.sound.play("confirm");
    this.session.choose(optionId);
    this.afterStep();
  }

  private afterStep(): void {
    if (this.session.status === "ended") {
      const data: DebriefData = { scenarioId: this.scenario.meta.id, mode: this.mode, view: debriefView(this.session.runner) };
      this.scene.start(SceneKey.Debrief, data);
      return;
    }
    this.draw(false);
  }

  /**
   * Redraws the meeting. `full` (first draw, language or settings change) also rebuilds the
   * top bar; the account panel redraws only the lines whose words changed, so a key press
   * costs the line and options plus what actually moved.
   */
  private draw(full: boolean): void {
    this.dialogue?.stop();
    this.preparing?.remove();
    this.pendingOptions = null;
    const view = this.session.meeting();
    const start = performance.now();
    if (full || !this.panel) {
      this.clear();
      this.body = [];
      this.stepTexts = [];
      this.panel = new AccountPanel(this, { x: PANEL_X, y: 70, width: WIDTH - PANEL_X - 16, bottom: HEIGHT - 8 }, { posture: () => this.changeListening("posture"), notes: () => this.changeListening("notes") });
      this.stage = new MeetingStage(this);
      this.dialogue = new DialogueLine(this, 24, MAIN_W, () => {
        if (this.dialogue?.typing) this.finishTyping();
        else if (this.session.status === "line") this.advance();
      });
      this.footers = new Map();
      this.chrome = this.drawTopBar(view);
    } else {
      this.clearMenus();
      for (const o of this.body) o.destroy();
      this.body = [];
      this.stage?.land();
      for (const o of this.stepTexts) textPool(this).give(o);
      this.stepTexts = [];
    }
    const settings = this.svc.store.getState().settings;
    this.panelMirror = this.panel.draw(this.session.panel(), { locale: this.locale, fontScale: settings.fontScale, motion: !settings.reducedMotion });
    performance.measure("meeting: account panel", { start });
    const bodyStart = performance.now();
    const before = new Set(this.children.list);
    this.drawBody(view);
    // What this step drew anew is replaced on the next; the stage, the line's texts and the footer are kept and updated.
    this.body = this.children.list.filter((o) => !before.has(o) && !this.chrome.includes(o) && !this.kept(o));
    // Named for bench:startup, which reports the game's measures that overlap a long task.
    performance.measure("meeting: line and options", { start: bodyStart });
  }

  private kept(o: Phaser.GameObjects.GameObject): boolean {
    for (const f of this.footers.values()) if (f === o) return true;
    return !!this.stage?.owns(o) || !!this.dialogue?.owns(o) || textPool(this).owns(o);
  }

  private drawTopBar(view: MeetingView): Phaser.GameObjects.GameObject[] {
    const before = new Set(this.children.list);
    const stageName = view.stage.title ? localize(view.stage.title, this.locale) : this.t(`stage.${view.stage.pipeline}` as StringKey);
    this.add.rectangle(0, 0, WIDTH, 52, COLORS.panel).setOrigin(0, 0);
    addText(this, 24, 13, localize(view.client, this.locale), { size: 20, bold: true });
    const pause = this.barButton(WIDTH - 16, this.t("meeting.pause-button"), () => this.openSettings());
    const map = this.barButton(pause.x - pause.width - 10, this.t("meeting.map-button"), () => this.openMap());
    // Practice: the last explanation can be read again at any time (E), by touch too.
    const why = this.coaching ? this.barButton(map.x - map.width - 10, this.t("meeting.explain-button"), () => this.toggleExplanation()) : map;
    const mode = addText(this, why.x - why.width - 16, 15, this.t(`mode.${this.mode}`), { size: 16, bold: true, color: COLORS.bgText, background: this.mode === "assessment" ? "#f2c14e" : "#7fd99a", padding: [6, 2] }).setOrigin(1, 0);
    this.turnText = addText(this, mode.x - mode.width - 16, 13, this.t("meeting.stage-turn", { stage: stageName, n: view.turn + 1 }), { size: 20, color: COLORS.accent }).setOrigin(1, 0);
    return this.children.list.filter((o) => !before.has(o));
  }
  private turnText: Phaser.GameObjects.Text | null = null;

  /** This choice goes without the room, so the line and every option stay readable. */
  private goCompact(): void {
    this.compact = true;
    this.draw(false);
  }

  /** Whether this run shows move marks and hints now: practice, with marks on in settings. */
  private get coaching(): boolean {
    return this.mode === "practice";
  }

  /** The stage, the line, the options and the footer; publishes the mirror. */
  private drawBody(view: MeetingView): void {
    const settings = this.svc.store.getState().settings;
    const stageName = view.stage.title ? localize(view.stage.title, this.locale) : this.t(`stage.${view.stage.pipeline}` as StringKey);
    this.turnText?.setText(this.t("meeting.stage-turn", { stage: stageName, n: view.turn + 1 }));
    const portraits = this.stage!.draw(view, this.locale, !this.compact);

    let y = (this.compact ? STAGE_Y : STAGE_Y + STAGE_H) + 8;
    const mirrorLines: string[] = [];
    const line = view.line;
    if (line) {
      const speaker = speakerLabel(line, this.locale);
      const text = localize(line.text, this.locale);
      const cps = settings.reducedMotion || this.compact ? Infinity : TYPE_CPS[settings.textSpeed];
      const typed = Number.isFinite(cps) && text.length > 1;
      y = this.dialogue!.show({ speaker, text, reaction: line.reaction !== undefined }, y, Math.round(23 * settings.fontScale), typed) + 10;
      mirrorLines.push(this.t("format.says", { who: speaker, text }));
      if (typed) this.dialogue!.type(cps, () => this.finishTyping());
    } else this.dialogue!.hide();

    // The explanation stays while the decision's consequences play out, and comes back on request at the next choice.
    const judged = view.judged;
    const hint = this.coaching && judged && (judged.fresh || view.status === "line" || this.explainOpen) ? instantExplanation(view, this.locale) : null;
    if (hint) {
      const h = textPool(this).take(36, y, hint.text, { size: Math.round(16 * settings.fontScale), color: hint.good ? COLORS.good : COLORS.bad, width: MAIN_W - 24 });
      this.stepTexts.push(h);
      y += h.height + 8;
      mirrorLines.push(hint.text);
    }

    if (view.status === "awaiting-choice") {
      const marks = this.coaching && settings.showMoveMarks;
      const { items, mirror } = optionItems(this, view, this.locale, marks, (id) => this.choose(id));
      mirrorLines.push(...mirror);
      const optionsY = y;
      // Shrinks the text until every option fits above the footer (sizes measured, not built: each option is a text
      // or two to draw and upload). No option is focused before the player moves: the first listed is no free answer.
      // `hidden`: built ahead, shown later; null when the options need the room taken away first (not done while hidden).
      const buildOptions = (hidden: boolean): Menu | null => {
        const layout = (base: number) => ({ x: 24, y: optionsY, width: MAIN_W, gap: 6, size: Math.round(base * settings.fontScale), numbered: true, chipWidth: marks ? 170 : 0, initialFocus: -1 });
        const sizes = [21, 19, 17, 15];
        while (sizes.length && Menu.bottomFor(this, items, layout(sizes[0]!)) > OPTIONS_BOTTOM) sizes.shift();
        for (const base of sizes.length ? sizes : this.compact ? [15] : []) {
          const menu = this.menu(items, layout(base));
          if (menu.bottom <= OPTIONS_BOTTOM || (this.compact && base === 15)) {
            if (hidden) menu.setShown(false);
            return menu;
          }
          this.clearMenus();
        }
        if (!hidden) this.goCompact(); // too many or too long even at the smallest size
        return null;
      };
      if (this.dialogue?.typing) {
        // Built while the player reads the line, after this key press's frame; the key that ends the line only shows them.
        let ready: Menu | null = null;
        const pending = () => (ready ? ready.setShown(true) : void buildOptions(false));
        this.pendingOptions = pending;
        this.preparing = this.time.delayedCall(PREPARE_AFTER_MS, () => {
          if (this.pendingOptions !== pending) return;
          const start = performance.now();
          ready = buildOptions(true);
          performance.measure("meeting: options prepared", { start });
        });
      } else buildOptions(false);
      const footer = this.t("meeting.choose", { n: items.length });
      this.footer(footer, view.inMeeting);
      mirrorLines.push(footer);
    } else if (view.status === "line") {
      const footer = this.t("meeting.continue");
      this.footer(footer, view.inMeeting);
      mirrorLines.push(footer);
    } else if (view.status === "stuck") {
      const msg = t(this.locale, "meeting.stuck", { reason: view.stuck ?? "?" });
      addText(this, 24, y, msg, { size: 22, color: COLORS.bad, width: MAIN_W });
      this.footer(null, false); // no key moves a stuck run on
      mirrorLines.push(msg);
    }
    mirrorLines.push(...this.panelMirror);
    // Each step's changes float up once (not again when the map or settings close).
    const logLength = this.session.runner.state.log.length;
    if (logLength !== this.toastedAt) mirrorLines.push(...this.stage!.toasts(view.attendees, portraits, this.session.lastChange(), { locale: this.locale, motion: !settings.reducedMotion, coaching: this.coaching }));
    this.toastedAt = logLength;
    this.svc.mirror.show({ heading: localize(view.title, this.locale) || localize(view.scenarioTitle, this.locale), lines: mirrorLines });
  }

  /** Shows the whole line at once (Space, Enter, a number key or a click while typing), then the options held back. */
  private finishTyping(): void {
    if (!this.dialogue?.typing) return;
    this.dialogue.finish();
    const show = this.pendingOptions;
    this.pendingOptions = null;
    if (show) {
      // The options held back while the line typed out belong to the same step's redraw.
      const start = performance.now();
      show();
      performance.measure("meeting: line and options", { start });
    }
    // Same content, but the mirror's update count tells tests the key was handled.
    const current = this.svc.mirror.current;
    if (current) this.svc.mirror.show(current);
  }

  private footer(hint: string | null, inMeeting: boolean): void {
    const keys = `${inMeeting ? `   ·   ${this.t("meeting.listen-keys")}` : ""}   ·   ${this.t("meeting.map-key")}`;
    const words = hint === null ? null : `${hint}${keys}   ·   ${this.t("meeting.back")}`;
    for (const [w, text] of this.footers) text.setVisible(w === words);
    if (words !== null && !this.footers.has(words)) this.footers.set(words, addText(this, 24, HEIGHT - 30, words, { size: 16, color: COLORS.textDim }));
  }
}

import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { localize, moveLabel, t, type StringKey } from "../../content/i18n.ts";
import { createRunner, type Runner, type RunEvent } from "../../engine/runner.ts";
import { saveRun, type RunSnapshot } from "../../engine/snapshot.ts";
import { ensureCatalogue, findScenario } from "../services.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { drawAccountPanel } from "../../ui/accountPanel.ts";
import type { Posture } from "../../engine/vocabulary.ts";

/** L moves neutral → engaged → distracted → neutral: the first press does what a player wants. */
const POSTURE_CYCLE: readonly Posture[] = ["neutral", "engaged", "distracted"];
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";

/** The dialogue column's width; the account panel takes the rest. */
const MAIN_W = 860;
const PANEL_X = 24 + MAIN_W + 20;

export interface MeetingData {
  scenarioId: string;
  /** Resume the autosaved run instead of starting a new one. */
  resume?: boolean;
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

  constructor() {
    super(SceneKey.Meeting);
  }

  create(data: MeetingData): void {
    this.ready = false;
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive() || !this.ready) return;
      if ((ev.key === " " || ev.key === "Enter") && this.runner.status === "line") this.advance();
      else if (ev.key === "l" || ev.key === "L") this.changeListening("posture");
      else if (ev.key === "n" || ev.key === "N") this.changeListening("notes");
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
      const seed = this.svc.launch.seed ?? String(crypto.getRandomValues(new Uint32Array(1))[0]);
      this.runner = createRunner(this.scenario, seed);
      this.autosave();
    }
    this.ready = true;
    this.drawWithLocale(() => this.draw());
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
    this.cue(this.runner.state.log.slice(logStart));
    if (this.runner.status === "ended") {
      const st = this.runner.state;
      this.svc.store.getState().recordResult(this.scenario.meta.id, st.score.total, st.ending!);
      const outcome = this.scenario.endings[st.ending!]!.outcome;
      this.svc.sound.play(outcome === "won" || outcome === "strategic-partner" ? "win" : "lose");
      const data: DebriefData = { scenarioId: this.scenario.meta.id, snapshot: saveRun(this.runner) };
      this.scene.start(SceneKey.Debrief, data);
      return;
    }
    this.draw();
  }

  private speakerLabel(id: string): { name: string; title: string } {
    if (id === "narrator") return { name: this.t("meeting.narrator"), title: "" };
    if (id === "rep") return { name: this.t("meeting.rep"), title: "" };
    const who = this.scenario.cast[id];
    return { name: localize(who?.name, this.locale), title: localize(who?.title, this.locale) };
  }

  private draw(): void {
    this.clear();
    const r = this.runner;
    const meta = this.scenario.meta;
    const stage = this.scenario.stages.find((s) => s.id === r.state.stage)!;
    const stageName = stage.title ? localize(stage.title, this.locale) : this.t(`stage.${stage.pipeline}` as StringKey);

    // Top bar: the account, the stage of the deal, the step count.
    this.add.rectangle(0, 0, WIDTH, 52, COLORS.panel).setOrigin(0, 0);
    addText(this, 24, 13, localize(meta.client, this.locale), { size: 20, bold: true });
    addText(this, WIDTH - 24, 13, this.t("meeting.stage-turn", { stage: stageName, n: r.state.turn + 1 }), { size: 20, color: COLORS.accent }).setOrigin(1, 0);

    let y = 70;
    if (r.title) {
      addText(this, 24, y, localize(r.title, this.locale), { size: 20, color: COLORS.textDim });
      y += 32;
    }
    const mirrorLines: string[] = [];
    const line = r.line;
    if (line) {
      const who = this.speakerLabel(line.speaker);
      const plate = addText(this, 40, y, who.title ? `${who.name} · ${who.title}` : who.name, { size: 22, bold: true, color: COLORS.accent });
      y += plate.height + 8;
      const said = addText(this, 48, y + 16, localize(line.text, this.locale), { size: 24, width: MAIN_W - 48 }).setDepth(1);
      const box = this.add
        .rectangle(24, y, MAIN_W, said.height + 32, COLORS.panel)
        .setOrigin(0, 0)
        .setRounded(12)
        .setStrokeStyle(2, COLORS.line);
      box.setInteractive({ useHandCursor: r.status === "line" });
      box.on("pointerup", () => {
        if (this.runner.status === "line") this.advance();
      });
      y += box.height + 20;
      const speaker = who.title ? this.t("format.speaker", { name: who.name, title: who.title }) : who.name;
      mirrorLines.push(this.t("format.says", { who: speaker, text: localize(line.text, this.locale) }));
    }

    if (r.status === "awaiting-choice") {
      const options = r.options;
      const items = options.map((o) => {
        const cost = o.cost.weeks || o.cost.budget ? ` · ${this.t("cost", { weeks: o.cost.weeks, budget: o.cost.budget })}` : "";
        return { label: localize(o.text, this.locale), chip: moveLabel(o.move, this.locale) + cost, onSelect: () => this.choose(o.id) };
      });
      this.menu(items, { x: 24, y, width: MAIN_W, gap: 8, size: options.length > 4 ? 19 : 21, numbered: true });
      items.forEach((it, i) => mirrorLines.push(`${i + 1}. ${it.label}${this.t("format.paren", { text: it.chip })}`));
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
    mirrorLines.push(...drawAccountPanel(this, PANEL_X, 70, WIDTH - PANEL_X - 16, r, this.locale));
    this.svc.mirror.show({ heading: localize(r.title, this.locale) || localize(meta.title, this.locale), lines: mirrorLines });
  }

  private footer(hint: string): void {
    const keys = this.runner.state.account.meeting ? `   ·   ${this.t("meeting.listen-keys")}` : "";
    addText(this, 24, HEIGHT - 30, `${hint}${keys}   ·   ${this.t("meeting.back")}`, { size: 16, color: COLORS.textDim });
  }
}


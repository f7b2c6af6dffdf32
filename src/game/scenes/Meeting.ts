import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { localize, moveLabel, t, type StringKey } from "../../content/i18n.ts";
import { createRunner, type Runner } from "../../engine/runner.ts";
import { restoreRun, saveRun, SaveError, type RunSnapshot } from "../../engine/save.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";

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
  private scenario!: Scenario;

  constructor() {
    super(SceneKey.Meeting);
  }

  create(data: MeetingData): void {
    const entry = this.svc.catalogue.find((e) => e.ok && e.scenario.meta.id === data.scenarioId);
    if (!entry || !entry.ok) {
      this.scene.start(SceneKey.Title);
      return;
    }
    this.scenario = entry.scenario;
    const store = this.svc.store.getState();
    if (data.resume && store.run?.scenarioId === data.scenarioId) {
      try {
        this.runner = restoreRun(this.scenario, store.run.snapshot);
      } catch (e) {
        const reason = e instanceof SaveError ? e.message : String(e);
        store.clearRun();
        store.notify({ key: "notice.run-reset", vars: { reason } });
        this.scene.start(SceneKey.Title);
        return;
      }
    } else {
      const seed = this.svc.launch.seed ?? String(crypto.getRandomValues(new Uint32Array(1))[0]);
      this.runner = createRunner(this.scenario, seed);
      this.autosave();
    }

    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive()) return;
      if (ev.key === "Escape") this.scene.start(SceneKey.Title);
      else if ((ev.key === " " || ev.key === "Enter") && this.runner.status === "line") this.advance();
    });
    this.drawWithLocale(() => this.draw());
  }

  private autosave(): void {
    this.svc.store.getState().saveRun({ scenarioId: this.scenario.meta.id, snapshot: saveRun(this.runner) });
  }

  private advance(): void {
    this.runner.advance();
    this.afterStep();
  }

  private choose(optionId: string): void {
    this.svc.sound.play("confirm");
    this.runner.choose(optionId);
    this.afterStep();
  }

  private afterStep(): void {
    this.autosave();
    if (this.runner.status === "ended") {
      const st = this.runner.state;
      this.svc.store.getState().recordResult(this.scenario.meta.id, st.score.total, st.ending!);
      this.svc.sound.play("end");
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
    addText(this, WIDTH / 2, 13, this.t("meeting.stage", { stage: stageName }), { size: 20, color: COLORS.accent }).setOrigin(0.5, 0);
    addText(this, WIDTH - 24, 13, this.t("meeting.turn", { n: r.state.turn + 1 }), { size: 20, color: COLORS.textDim }).setOrigin(1, 0);

    let y = 70;
    if (r.title) {
      addText(this, 40, y, localize(r.title, this.locale), { size: 22, color: COLORS.textDim });
      y += 36;
    }
    const mirrorLines: string[] = [];
    const line = r.line;
    if (line) {
      const who = this.speakerLabel(line.speaker);
      const plate = addText(this, 56, y, who.title ? `${who.name} · ${who.title}` : who.name, { size: 22, bold: true, color: COLORS.accent });
      y += plate.height + 8;
      const said = addText(this, 64, y + 18, localize(line.text, this.locale), { size: 26, width: WIDTH - 128 }).setDepth(1);
      const box = this.add
        .rectangle(40, y, WIDTH - 80, said.height + 36, COLORS.panel)
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
      const items = options.map((o) => ({
        label: localize(o.text, this.locale),
        chip: moveLabel(o.move, this.locale),
        onSelect: () => this.choose(o.id),
      }));
      this.menu(items, { x: 40, y, width: WIDTH - 80, gap: 10, size: 22, numbered: true });
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
      addText(this, 40, y, msg, { size: 22, color: COLORS.bad, width: WIDTH - 80 });
      mirrorLines.push(msg);
    }
    this.svc.mirror.show({ heading: localize(r.title, this.locale) || localize(meta.title, this.locale), lines: mirrorLines });
  }

  private footer(hint: string): void {
    addText(this, 40, HEIGHT - 34, `${hint}   ·   ${this.t("meeting.back")}`, { size: 17, color: COLORS.textDim });
  }
}


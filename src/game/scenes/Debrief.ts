import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import type { DebriefData } from "./Meeting.ts";
import { localize, moveLabel, type StringKey } from "../../content/i18n.ts";
import { COMPETENCIES } from "../../engine/schema.ts";
import type { RunEvent } from "../../engine/runner.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";

type ScoreEvent = Extract<RunEvent, { type: "score" }>;
/** The events area of the screen, px. */
const EVENTS_BOTTOM = 580;

/** After the run: the ending, the total and per-competency score, and every scored move explained. */
export class Debrief extends BaseScene {
  private result!: DebriefData;
  private scenario!: Scenario;
  private page = 0;
  /** Index of the first event on each page, from measuring the laid-out text. */
  private pageStarts: number[] = [0];

  constructor() {
    super(SceneKey.Debrief);
  }

  create(data: DebriefData): void {
    const entry = this.svc.catalogue.find((e) => e.ok && e.scenario.meta.id === data.scenarioId);
    if (!entry || !entry.ok) {
      this.scene.start(SceneKey.Title);
      return;
    }
    this.result = data;
    this.scenario = entry.scenario;
    this.page = 0;
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive()) return;
      const pages = this.pageCount();
      if (ev.key === "ArrowRight" && this.page < pages - 1) this.turn(1);
      else if (ev.key === "ArrowLeft" && this.page > 0) this.turn(-1);
      else if (ev.key === "Escape") this.scene.start(SceneKey.ScenarioSelect);
    });
    this.drawWithLocale(() => this.draw());
  }

  private scoreEvents(): ScoreEvent[] {
    return this.result.snapshot.state.log.filter((e): e is ScoreEvent => e.type === "score");
  }

  private pageCount(): number {
    return this.pageStarts.length;
  }

  private turn(delta: number): void {
    this.page += delta;
    this.svc.sound.play("move");
    this.draw();
  }

  /** The text of an option in a node, for "better option" advice. */
  private optionText(node: string, option: string): string {
    const o = this.scenario.nodes[node]?.options?.find((x) => x.id === option);
    return o ? localize(o.text, this.locale) + this.t("format.paren", { text: moveLabel(o.move, this.locale) }) : option;
  }

  private draw(): void {
    this.clear();
    const st = this.result.snapshot.state;
    const ending = this.scenario.endings[st.ending ?? ""];
    const mirror: string[] = [];

    addText(this, 60, 28, `${this.t("debrief.heading")} · ${localize(this.scenario.meta.title, this.locale)}`, { size: 30, bold: true, color: COLORS.accent });
    const outcome = ending ? this.t(`outcome.${ending.outcome}` as StringKey) : "";
    const named = ending ? localize(ending.title, this.locale) : "—";
    const endingTitle = ending && named !== outcome ? named + this.t("format.paren", { text: outcome }) : named;
    const endLine = this.t("debrief.ending", { title: endingTitle });
    addText(this, 60, 80, endLine, { size: 24, bold: true });
    const summary = addText(this, 60, 116, localize(ending?.summary, this.locale), { size: 19, color: COLORS.textDim, width: 760 });
    const total = this.t("debrief.total", { total: st.score.total });
    addText(this, WIDTH - 60, 80, total, { size: 34, bold: true, color: COLORS.accent }).setOrigin(1, 0);
    mirror.push(total, endLine, localize(ending?.summary, this.locale));

    // Per-competency sums, as labelled numbers (no colour-only meaning).
    const compY = Math.max(summary.y + summary.height + 14, 170);
    const compW = (WIDTH - 120) / COMPETENCIES.length;
    COMPETENCIES.forEach((c, i) => {
      const v = st.score.competencies[c];
      const x = 60 + i * compW;
      this.add.rectangle(x, compY, compW - 10, 56, COLORS.panel).setOrigin(0, 0).setRounded(8);
      addText(this, x + 12, compY + 6, this.t(`competency.${c}` as StringKey), { size: 16, color: COLORS.textDim });
      addText(this, x + 12, compY + 26, v > 0 ? `+${v}` : String(v), { size: 22, bold: true, color: v > 0 ? COLORS.good : v < 0 ? COLORS.bad : COLORS.text });
    });
    mirror.push(COMPETENCIES.map((c) => `${this.t(`competency.${c}` as StringKey)} ${st.score.competencies[c]}`).join("，"));

    let y = compY + 74;
    addText(this, 60, y, this.t("debrief.events"), { size: 22, bold: true });
    y += 34;
    const events = this.scoreEvents();
    if (events.length === 0) addText(this, 60, y, this.t("debrief.none"), { size: 19, color: COLORS.textDim });
    this.pageStarts = [0];
    const top = y;
    events.forEach((e, i) => {
      const pts = e.points > 0 ? `+${e.points}` : String(e.points);
      const head = this.t("debrief.event", { turn: e.turn, competency: this.t(`competency.${e.competency}` as StringKey), points: pts });
      const chosen = e.option ? this.t("format.quote", { text: this.optionText(e.node, e.option) }) : "";
      const better = e.better ? this.t("debrief.better", { option: this.optionText(e.node, e.better) }) : "";
      const body = [chosen, localize(e.explain, this.locale), better].filter(Boolean).join("\n");
      const h = addText(this, 60, y, head, { size: 17, bold: true, color: e.points >= 0 ? COLORS.good : COLORS.bad, width: 230 });
      const b = addText(this, 300, y, body, { size: 16, width: WIDTH - 360 });
      const height = Math.max(h.height, b.height) + 10;
      if (y + height > EVENTS_BOTTOM && y > top) {
        // Starts a new page: lay this event out again at the top.
        this.pageStarts.push(i);
        y = top;
        h.setY(y);
        b.setY(y);
      }
      const onPage = this.pageStarts.length - 1 === this.page;
      h.setVisible(onPage);
      b.setVisible(onPage);
      y += height;
    });
    if (this.page >= this.pageCount()) this.page = this.pageCount() - 1;
    for (const e of events) {
      const better = e.better ? ` ${this.t("debrief.better", { option: this.optionText(e.node, e.better) })}` : "";
      mirror.push(`${this.t("debrief.event", { turn: e.turn, competency: this.t(`competency.${e.competency}` as StringKey), points: e.points })}: ${localize(e.explain, this.locale)}${better}`);
    }
    if (this.pageCount() > 1) {
      addText(this, WIDTH - 60, EVENTS_BOTTOM + 2, this.t("debrief.page", { page: this.page + 1, pages: this.pageCount() }), { size: 16, color: COLORS.textDim }).setOrigin(1, 0);
    }

    const items = [
      { label: this.t("debrief.retry"), onSelect: () => this.scene.start(SceneKey.Meeting, { scenarioId: this.result.scenarioId }) },
      { label: this.t("debrief.menu"), onSelect: () => this.scene.start(SceneKey.ScenarioSelect) },
    ];
    this.menu(items, { x: 60, y: 610, width: 400, gap: 20, size: 22, horizontal: true });
    mirror.push(...items.map((it, i) => `${i + 1}. ${it.label}`));
    this.svc.mirror.show({ heading: this.t("debrief.heading"), lines: mirror });
  }
}

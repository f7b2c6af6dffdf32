import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import type { Phaser } from "../phaser.ts";
import { findScenario } from "../services.ts";
import type { DebriefData } from "./Meeting.ts";
import { localize, moveLabel, taskLines, type StringKey } from "../../content/i18n.ts";
import { COMPETENCIES } from "../../engine/vocabulary.ts";
import { hasShortlistStage, initialAccount, switchingCost } from "../../engine/account.ts";
import { PRINCIPLES } from "../../engine/runner.ts";
import type { RunEvent } from "../../engine/runner.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText, textHeight } from "../../ui/text.ts";
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
    const scenario = findScenario(this.svc, data.scenarioId);
    if (!scenario) {
      this.scene.start(SceneKey.Title);
      return;
    }
    this.result = data;
    this.scenario = scenario;
    this.page = 0;
    this.input.keyboard?.on("keydown", (ev: KeyboardEvent) => {
      if (!this.sys.isActive()) return;
      const pages = this.pageCount();
      if (ev.key === "ArrowRight" && this.page < pages - 1) this.turn(1);
      else if (ev.key === "ArrowLeft" && this.page > 0) this.turn(-1);
    });
    this.enablePause();
    this.drawWithLocale(() => this.draw());
  }

  private scoreEvents(): ScoreEvent[] {
    return this.result.snapshot.state.log.filter((e): e is ScoreEvent => e.type === "score");
  }

  /** Page 0 is the scorecard; the timeline pages follow. */
  private pageCount(): number {
    return 1 + this.pageStarts.length;
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

  /** Page 0: competencies as labelled bars, the stage tasks, the relationship map, talk share. */
  private drawScorecard(mirror: string[], top: number): void {
    const st = this.result.snapshot.state;
    const a = st.account;
    let y = top;
    addText(this, 60, y, this.t("debrief.scorecard"), { size: 18, bold: true });
    y += 24;
    // Radar chart: one axis per competency, the run's shape against the 50 ring.
    const cx = 270;
    const cy = y + 122;
    const R = 84;
    const n = COMPETENCIES.length;
    const at = (i: number, v: number) => {
      const ang = -Math.PI / 2 + (i * 2 * Math.PI) / n;
      return { x: cx + Math.cos(ang) * R * (v / 100), y: cy + Math.sin(ang) * R * (v / 100) };
    };
    // Graphics reads only x and y of each point; the typings ask for full vectors.
    const pts = (list: { x: number; y: number }[]) => list as unknown as Phaser.Math.Vector2[];
    const g = this.add.graphics();
    for (const ring of [25, 50, 75, 100]) {
      g.lineStyle(1, COLORS.line, ring === 50 ? 0.9 : 0.45);
      g.strokePoints(pts(COMPETENCIES.map((_c, i) => at(i, ring))), true);
    }
    COMPETENCIES.forEach((_c, i) => {
      const p = at(i, 100);
      g.lineStyle(1, COLORS.line, 0.45);
      g.lineBetween(cx, cy, p.x, p.y);
    });
    const shape = COMPETENCIES.map((c, i) => at(i, Math.max(4, st.score.competencies[c])));
    g.fillStyle(0xf2c14e, 0.35);
    g.fillPoints(pts(shape), true);
    g.lineStyle(3, 0xf2c14e, 1);
    g.strokePoints(pts(shape), true);
    COMPETENCIES.forEach((c, i) => {
      const p = at(i, 128);
      const v = st.score.competencies[c];
      addText(this, p.x, p.y, `${this.t(`competency.${c}` as StringKey)}\n${v}`, { size: 14, bold: true, align: "center", color: v >= 60 ? COLORS.good : v < 40 ? COLORS.bad : COLORS.text }).setOrigin(0.5);
    });
    y = cy + R + 40;
    mirror.push(COMPETENCIES.map((c) => `${this.t(`competency.${c}` as StringKey)} ${st.score.competencies[c]}`).join(this.t("format.list")));

    y += 6;
    const talkEntries = Object.entries(a.talk);
    if (talkEntries.length) {
      addText(this, 60, y, this.t("debrief.talk"), { size: 16, bold: true, width: 500 });
      y += 26;
      const talk = talkEntries.map(([id, share]) =>
        this.t("debrief.talk-meeting", { meeting: localize(this.scenario.meetings?.[id]?.title, this.locale) || id, share: Math.round(share * 100) }),
      );
      addText(this, 60, y, talk.join("  ·  "), { size: 15, color: COLORS.textDim, width: 520 });
      mirror.push(this.t("debrief.talk"), ...talk);
    }

    let ry = top;
    const rx = 620;
    if (hasShortlistStage(this.scenario)) {
      addText(this, rx, ry, this.t("panel.tasks"), { size: 18, bold: true });
      ry += 28;
      const tasks = taskLines(a.tasks, this.locale);
      const tt = addText(this, rx, ry, tasks.join("\n"), { size: 15, width: 600, lineSpacing: 4 });
      ry += tt.height + 10;
      mirror.push(this.t("format.label", { label: this.t("panel.tasks"), text: tasks.join(this.t("format.list")) }));
    }
    addText(this, rx, ry, this.t("debrief.relationships"), { size: 18, bold: true });
    ry += 28;
    const start = initialAccount(this.scenario);
    const rel = Object.entries(this.scenario.cast).map(([id, who]) => {
      const end = a.stakeholders[id]!;
      const from = this.t(`level.${start.stakeholders[id]!.level}` as StringKey);
      const person = this.t("format.speaker", { name: localize(who.name, this.locale), title: localize(who.title, this.locale) });
      return this.t("format.label", { label: person, text: `${from} → ${this.t(`level.${end.level}` as StringKey)}` });
    });
    const pairs = a.pairs.length
      ? this.t("debrief.pairs", { pairs: a.pairs.map((p) => this.t(`colleague.${p}` as StringKey)).join(this.t("format.enum")) })
      : this.t("debrief.no-pairs");
    const switching = this.t("debrief.switching", { n: switchingCost(a) });
    addText(this, rx, ry, [...rel, pairs, switching].join("\n"), { size: 15, width: 600, lineSpacing: 4 });
    mirror.push(...rel, pairs, switching);
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
    const summary = addText(this, 60, 114, localize(ending?.summary, this.locale), { size: 17, color: COLORS.textDim, width: 860 });
    const total = this.t("debrief.total", { total: st.score.total });
    addText(this, WIDTH - 60, 80, total, { size: 34, bold: true, color: COLORS.accent }).setOrigin(1, 0);
    mirror.push(total, endLine, localize(ending?.summary, this.locale));

    const timelinePage = this.page - 1;
    const sectionY = Math.max(156, summary.y + summary.height + 10);
    if (this.page === 0) this.drawScorecard(mirror, sectionY + 34);
    let y = sectionY + 34;
    addText(this, 60, sectionY, this.t(this.page === 0 ? "debrief.summary-page" : "debrief.timeline-page"), { size: 20, bold: true, color: COLORS.accent });
    const events = this.scoreEvents();
    if (this.page > 0 && events.length === 0) addText(this, 60, y, this.t("debrief.none"), { size: 19, color: COLORS.textDim });
    this.pageStarts = [0];
    const top = y;
    events.forEach((e, i) => {
      const pts = e.points > 0 ? `+${e.points}` : String(e.points);
      const head = this.t("debrief.event", { turn: e.turn, competency: this.t(`competency.${e.competency}` as StringKey), points: pts });
      const chosen = e.option ? this.t("format.quote", { text: this.optionText(e.node, e.option) }) : "";
      const better = e.better ? this.t("debrief.better", { option: this.optionText(e.node, e.better) }) : "";
      const research = e.principle && PRINCIPLES[e.principle]?.research ? this.t("debrief.research") : "";
      const body = [chosen, localize(e.explain, this.locale) + research, better].filter(Boolean).join("\n");
      // Every event is measured to lay out the pages; only the shown page's are drawn.
      const headStyle = { size: 17, bold: true, color: e.points >= 0 ? COLORS.good : COLORS.bad, width: 230 };
      const bodyStyle = { size: 16, width: WIDTH - 360 };
      const height = Math.max(textHeight(this, head, headStyle), textHeight(this, body, bodyStyle)) + 10;
      if (y + height > EVENTS_BOTTOM && y > top) {
        this.pageStarts.push(i);
        y = top;
      }
      if (this.pageStarts.length - 1 === timelinePage) {
        addText(this, 60, y, head, headStyle);
        addText(this, 300, y, body, bodyStyle);
      }
      y += height;
    });
    if (this.page >= this.pageCount()) this.page = this.pageCount() - 1;
    for (const e of events) {
      const better = e.better ? ` ${this.t("debrief.better", { option: this.optionText(e.node, e.better) })}` : "";
      mirror.push(`${this.t("debrief.event", { turn: e.turn, competency: this.t(`competency.${e.competency}` as StringKey), points: e.points })}: ${localize(e.explain, this.locale)}${better}`);
    }
    addText(this, WIDTH - 60, EVENTS_BOTTOM + 2, this.t("debrief.page", { page: this.page + 1, pages: this.pageCount() }), { size: 16, color: COLORS.textDim }).setOrigin(1, 0);

    const seed = this.result.snapshot.seed;
    const items = [
      { label: this.t("debrief.replay"), onSelect: () => this.scene.start(SceneKey.Meeting, { scenarioId: this.result.scenarioId, seed: String(seed) }) },
      { label: this.t("debrief.retry"), onSelect: () => this.scene.start(SceneKey.Meeting, { scenarioId: this.result.scenarioId }) },
      { label: this.t("debrief.menu"), onSelect: () => this.scene.start(SceneKey.ScenarioSelect) },
    ];
    this.menu(items, { x: 60, y: 616, width: 376, gap: 16, size: 19, horizontal: true });
    mirror.push(...items.map((it, i) => `${i + 1}. ${it.label}`));
    this.svc.mirror.show({ heading: this.t("debrief.heading"), lines: mirror });
  }
}

import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { findScenario } from "../catalogueService.ts";
import type { DebriefData } from "./Meeting.ts";
import { localize, type StringKey } from "../../content/i18n.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";
import { drawDealPage, drawScorecard, drawTimeline, paginate, timelineBlocks, type PageContext } from "../../ui/debriefPages.ts";
import type { Phaser } from "../../phaser/index.ts";

/** The page area, px. */
const PAGES_BOTTOM = 580;
/** A horizontal drag this long (design px) turns the page on touch screens. */
const SWIPE = 60;

/**
 * After the run: the deal (why it ended so, where it could have been won, three lessons),
 * the scorecard, then the timeline by meeting. Pages turn by ← →, by the buttons (tap or
 * click) and by swiping.
 */
export class Debrief extends BaseScene {
  private result!: DebriefData;
  private scenario!: Scenario;
  private page = 0;
  private pageCount = 2;
  private swipeFrom: number | null = null;

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
      if (ev.key === "ArrowRight") this.turn(1);
      else if (ev.key === "ArrowLeft") this.turn(-1);
    });
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => (this.swipeFrom = p.worldX));
    this.input.on("pointerup", (p: Phaser.Input.Pointer) => {
      const from = this.swipeFrom;
      this.swipeFrom = null;
      if (from === null || p.worldY > PAGES_BOTTOM) return;
      const dx = p.worldX - from;
      if (Math.abs(dx) >= SWIPE) this.turn(dx < 0 ? 1 : -1);
    });
    this.enablePause();
    this.drawWithLocale(() => this.draw());
  }

  private turn(delta: number): void {
    const next = this.pageTurned(this.page, delta, this.pageCount);
    if (next === null) return;
    this.page = next;
    this.draw();
  }

  private draw(): void {
    this.clear();
    const v = this.result.view;
    const tr = (k: string, vars?: Record<string, string | number>) => this.t(k as StringKey, vars);
    const mirror: string[] = [];
    const ending = v.ending;
    addText(this, 60, 24, `${tr("debrief.heading")} · ${localize(this.scenario.meta.title, this.locale)}`, { size: 30, bold: true, color: COLORS.accent });
    const outcome = ending ? tr(`outcome.${ending.outcome}`) : "";
    const named = ending ? localize(ending.title, this.locale) : "—";
    const endLine = tr("debrief.ending", { title: ending && named !== outcome ? named + tr("format.paren", { text: outcome }) : named });
    addText(this, 60, 74, endLine, { size: 24, bold: true });
    const summary = addText(this, 60, 108, localize(ending?.summary, this.locale), { size: 17, color: COLORS.textDim, width: 860 });
    const total = tr("debrief.total", { total: Math.round(v.score.total) });
    addText(this, WIDTH - 60, 74, total, { size: 34, bold: true, color: COLORS.accent }).setOrigin(1, 0);
    const mode = tr("debrief.mode", { mode: tr(`mode.${this.result.mode}`) });
    addText(this, WIDTH - 60, 118, mode, { size: 16, color: COLORS.textDim }).setOrigin(1, 0);
    mirror.push(total, endLine, localize(ending?.summary, this.locale), mode);

    const top = Math.max(156, summary.y + summary.height + 12);
    const ctx: PageContext = { scene: this, view: v, scenario: this.scenario, locale: this.locale, top: top + 34, bottom: PAGES_BOTTOM };
    const blocks = timelineBlocks(ctx);
    const starts = paginate(ctx, blocks);
    this.pageCount = 2 + (blocks.length ? starts.length : 0);
    this.page = Math.min(this.page, this.pageCount - 1);
    const titles = [tr("debrief.deal-page"), tr("debrief.summary-page"), tr("debrief.timeline-page")];
    const pageTitle = titles[Math.min(this.page, 2)]!;
    addText(this, 60, top, pageTitle, { size: 20, bold: true, color: COLORS.accent });
    mirror.push(pageTitle);
    if (this.page === 0) mirror.push(...drawDealPage(ctx));
    else if (this.page === 1) mirror.push(...drawScorecard(ctx));
    else {
      const i = this.page - 2;
      mirror.push(...drawTimeline(ctx, blocks, starts[i]!, starts[i + 1] ?? blocks.length));
    }

    // Page turning for mouse and touch as well as keys.
    const pageText = tr("debrief.page", { page: this.page + 1, pages: this.pageCount });
    addText(this, WIDTH / 2, PAGES_BOTTOM + 6, pageText, { size: 16, color: COLORS.textDim }).setOrigin(0.5, 0);
    this.pageButton(60, tr("debrief.prev"), this.page > 0, () => this.turn(-1), 0);
    this.pageButton(WIDTH - 60, tr("debrief.next"), this.page < this.pageCount - 1, () => this.turn(1), 1);
    mirror.push(pageText);

    const seed = v.seed;
    const items = [
      { label: tr("debrief.replay"), onSelect: () => this.startPlay(SceneKey.Meeting, { scenarioId: this.result.scenarioId, seed: String(seed), mode: this.result.mode }) },
      { label: tr("debrief.retry"), onSelect: () => this.startPlay(SceneKey.Meeting, { scenarioId: this.result.scenarioId, mode: this.result.mode }) },
      { label: tr("debrief.menu"), onSelect: () => this.scene.start(SceneKey.ScenarioSelect) },
    ];
    this.menu(items, { x: 60, y: 622, width: 376, gap: 16, size: 19, horizontal: true });
    mirror.push(...items.map((it, i) => `${i + 1}. ${it.label}`));
    this.svc.mirror.show({ heading: tr("debrief.heading"), lines: mirror });
  }

  private pageButton(x: number, label: string, enabled: boolean, onTap: () => void, originX: number): void {
    const b = addText(this, x, PAGES_BOTTOM + 2, label, { size: 17, bold: true, color: enabled ? COLORS.text : COLORS.textDim, background: enabled ? "#36597d" : "#1f3045", padding: [12, 5] }).setOrigin(originX, 0);
    if (enabled) b.setInteractive({ useHandCursor: true }).on("pointerup", onTap);
  }
}

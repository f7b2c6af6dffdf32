import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { ensureCatalogue } from "../catalogueService.ts";
import { localize, type StringKey } from "../../content/i18n.ts";
import { COMPETENCIES, type Competency } from "../../engine/vocabulary.ts";
import type { Scenario } from "../../engine/loader.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";
import type { MenuItem } from "../../ui/menu.ts";
import type { Attempt } from "../../store/index.ts";
import { libraryEntry, newestFirst, recommendedOrder, skillToTrain, trainsNext, weakestSkill, type LibraryEntry } from "../../progress/analysis.ts";
import { drawSeriesKey, drawTrendChart } from "../../ui/trendChart.ts";
import { exportHistory, importHistory } from "../../progress/files.ts";

/** Attempts per page of the list. */
const PAGE = 5;

/** Cuts text to `n` characters with an ellipsis (a row has one line for each part). */
const fit = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join("") + "…" : s);
/** Attempts a trend chart shows (the latest). */
const TREND_POINTS = 20;

/**
 * The rep's progress across weeks: every attempt (paged), a trend chart per competency,
 * the weakest skill with the scenario that trains it next, an order through the library,
 * and the history exported as CSV or imported from another device.
 */
export class Progress extends BaseScene {
  private page = 0;
  private status = "";
  private library: LibraryEntry[] | null = null;

  constructor() {
    super(SceneKey.Progress);
  }

  create(): void {
    this.page = 0; // the newest attempts first
    this.status = "";
    this.enablePause();
    this.input.keyboard?.on("keydown-LEFT", () => this.turn(-1));
    this.input.keyboard?.on("keydown-RIGHT", () => this.turn(1));
    this.drawWithLocale(() => this.draw());
    void ensureCatalogue(this.svc).then(() => {
      if (!this.sys.isActive()) return;
      this.library ??= this.scenarios().map(libraryEntry);
      this.draw();
    });
  }

  private scenarios(): Scenario[] {
    return (this.svc.catalogue ?? []).flatMap((e) => (e.ok ? [e.scenario] : []));
  }

  private titleOf(id: string, stored?: Attempt["title"]): string {
    const s = this.scenarios().find((x) => x.meta.id === id);
    return localize(s?.meta.title ?? stored, this.locale) || id;
  }

  private endingOf(a: Attempt): string {
    const s = this.scenarios().find((x) => x.meta.id === a.scenarioId);
    return localize(s?.endings[a.ending]?.title ?? a.endingTitle, this.locale) || a.ending;
  }

  private turn(by: number): void {
    const pages = Math.max(1, Math.ceil(this.svc.store.getState().attempts.length / PAGE));
    const next = this.pageTurned(this.page, by, pages);
    if (next === null) return;
    this.page = next;
    this.draw();
  }

  private draw(): void {
    this.clear();
    const attempts = this.svc.store.getState().attempts;
    const mirror: string[] = [];
    addText(this, 60, 28, this.t("progress.heading"), { size: 34, bold: true, color: COLORS.accent });
    const summary = attempts.length ? this.t("progress.summary", { n: attempts.length }) : this.t("progress.empty");
    addText(this, 60, 78, summary, { size: 18, color: COLORS.textDim, width: 560 });
    mirror.push(summary);
    this.drawAttempts(attempts, mirror);
    this.drawTrends(attempts, mirror);
    this.drawAdvice(attempts, mirror);
    if (this.status) {
      addText(this, 60, 596, this.status, { size: 17, color: COLORS.accent, width: WIDTH - 120 });
      mirror.push(this.status);
    }
    const items: MenuItem[] = [
      { label: this.t("progress.export"), onSelect: () => this.exportCsv() },
      { label: this.t("progress.import"), onSelect: () => this.importCsv() },
      { label: this.t("progress.back"), onSelect: () => this.scene.start(SceneKey.Title) },
    ];
    this.menu(items, { x: 60, y: 636, width: 376, gap: 16, size: 19, horizontal: true, numbered: true });
    this.svc.mirror.show({ heading: this.t("progress.heading"), lines: [...mirror, ...items.map((it, i) => `${i + 1}. ${it.label}`)] });
  }

  /** Newest first, PAGE to a page. */
  private drawAttempts(attempts: readonly Attempt[], mirror: string[]): void {
    const pages = Math.max(1, Math.ceil(attempts.length / PAGE));
    this.page = Math.min(this.page, pages - 1);
    const newest = newestFirst(attempts);
    const shown = newest.slice(this.page * PAGE, this.page * PAGE + PAGE);
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short" });
    let y = 112;
    for (const a of shown) {
      // Three lines that never wrap into each other: the scenario and total, when and how, the competencies.
      const title = this.titleOf(a.scenarioId, a.title);
      const total = this.t("progress.total", { total: a.total });
      const spent = a.seconds === undefined ? [] : [this.t("progress.spent", { m: Math.max(1, Math.round(a.seconds / 60)) })];
      const when = [date.format(new Date(a.at)), this.t(`mode.${a.mode}` as StringKey), this.endingOf(a), ...spent].join(this.t("format.list"));
      const detail = COMPETENCIES.map((c) => `${this.t(`competency.${c}` as StringKey)} ${a.competencies[c]}`).join("  ");
      this.add.rectangle(40, y - 6, 600, 82, COLORS.panel).setOrigin(0, 0).setRounded(6);
      addText(this, 54, y, fit(title, 30), { size: 17, bold: true });
      addText(this, 626, y, total, { size: 17, bold: true, color: COLORS.accent }).setOrigin(1, 0);
      addText(this, 54, y + 25, fit(when, 60), { size: 15, color: COLORS.textDim });
      addText(this, 54, y + 48, detail, { size: 14, color: COLORS.textDim });
      mirror.push(`${title}${this.t("format.list")}${total}${this.t("format.list")}${when} — ${detail}`);
      y += 90;
    }
    if (attempts.length > PAGE) {
      const pageLine = this.t("progress.page", { page: this.page + 1, pages });
      addText(this, 40, y, pageLine, { size: 16, color: COLORS.textDim });
      mirror.push(pageLine);
    }
  }

  /** One small line chart per competency, 0–100, over the latest attempts, practice and assessment apart. */
  private drawTrends(attempts: readonly Attempt[], mirror: string[]): void {
    const x0 = 670;
    const y0 = 28;
    const heading = addText(this, x0, y0, this.t("progress.trend"), { size: 20, bold: true });
    drawSeriesKey(this, x0 + heading.width + 20, y0 + 4, (m) => this.t(`mode.${m}` as StringKey));
    const latest = newestFirst(attempts).slice(0, TREND_POINTS).reverse();
    const day = new Intl.DateTimeFormat(this.locale, { month: "numeric", day: "numeric" });
    const w = 182;
    const h = 128;
    COMPETENCIES.forEach((c: Competency, i) => {
      const name = this.t(`competency.${c}` as StringKey);
      const points = latest.map((a) => ({ at: a.at, mode: a.mode, value: a.competencies[c] }));
      const box = { x: x0 + (i % 3) * (w + 12), y: y0 + 34 + Math.floor(i / 3) * (h + 10), w, h };
      drawTrendChart(this, box, name, points, (iso) => day.format(new Date(iso)));
      const parts = (["practice", "assessment"] as const).flatMap((m) => {
        const v = points.filter((p) => p.mode === m).map((p) => p.value);
        return v.length ? [`${this.t(`mode.${m}` as StringKey)} ${v.join(" → ")}`] : [];
      });
      if (parts.length) mirror.push(`${name}: ${parts.join(this.t("format.list"))}`);
    });
  }

  /** The weakest skill, what trains it next, and a path through the library. */
  private drawAdvice(attempts: readonly Attempt[], mirror: string[]): void {
    const x = 670;
    let y = 346;
    const lines: string[] = [];
    // The weakest skill per mode: practice scores come with hints, so they are not mixed with assessment.
    for (const mode of ["assessment", "practice"] as const) {
      const weak = weakestSkill(attempts, mode);
      if (weak) lines.push(this.t("progress.weakest-in", { mode: this.t(`mode.${mode}` as StringKey), competency: this.t(`competency.${weak.skill}` as StringKey), score: weak.mean }));
    }
    const train = skillToTrain(attempts);
    const next = train && this.library ? trainsNext(this.library, train.skill, attempts) : null;
    if (train && next) lines.push(this.t("progress.next", { scenario: this.titleOf(next.id) }));
    if (this.library) {
      const order = recommendedOrder(this.library, attempts);
      lines.push(this.t("progress.order"));
      order.forEach((e, i) => {
        const best = e.best === null ? this.t("select.new") : this.t("progress.best", { best: e.best });
        lines.push(`${i + 1}. ${this.titleOf(e.id)} (${best}${e.mastered ? this.t("format.list") + this.t("progress.mastered") : ""})`);
      });
    } else lines.push(this.t("loading"));
    for (const line of lines) {
      const text = addText(this, x, y, line, { size: 17, width: 570 });
      y += text.height + 6;
    }
    mirror.push(...lines);
  }

  private exportCsv(): void {
    const n = exportHistory(this.svc.store.getState().attempts);
    this.status = this.t("progress.exported", { n });
    this.draw();
  }

  private importCsv(): void {
    importHistory(this.svc.store, (result) => {
      if (!this.sys.isActive()) return;
      this.status =
        result.kind === "failed"
          ? this.t("progress.import-failed", { file: result.file, reason: result.reason })
          : this.t("progress.imported", { added: result.added, known: result.known, bad: result.problems.length }) +
            (result.problems.length ? ` ${result.problems.slice(0, 3).join("; ")}` : "");
      this.draw();
    });
  }
}

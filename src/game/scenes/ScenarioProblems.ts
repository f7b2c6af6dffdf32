import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import type { Problem } from "../../engine/problems.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import type { MenuItem } from "../../ui/menu.ts";

export interface ProblemsData {
  /** The scene paused underneath, resumed on close. */
  from: string;
  file: string;
  problems: readonly Problem[];
}

/** Lowest the problem list may reach before it continues on the next page, design px. */
const LIST_BOTTOM = HEIGHT - 150;

/**
 * Why a scenario file cannot be played, over the scenario list: every problem with the
 * place in the file (its JSON path), in pages that fit the screen (← → turn them).
 */
export class ScenarioProblems extends BaseScene {
  private report!: ProblemsData;
  /** Index of the first problem of each page, found while laying out. */
  private pageStarts: number[] = [0];
  private page = 0;

  constructor() {
    super(SceneKey.ScenarioProblems);
  }

  create(data: ProblemsData): void {
    this.report = data;
    this.pageStarts = [0];
    this.page = 0;
    this.input.keyboard?.on("keydown-ESC", () => this.close());
    this.input.keyboard?.on("keydown-RIGHT", () => this.turn(1));
    this.input.keyboard?.on("keydown-PAGE_DOWN", () => this.turn(1));
    this.input.keyboard?.on("keydown-LEFT", () => this.turn(-1));
    this.input.keyboard?.on("keydown-PAGE_UP", () => this.turn(-1));
    this.drawWithLocale(() => this.draw());
  }

  private close(): void {
    this.svc.sound.play("move");
    this.scene.stop();
    this.scene.resume(this.report.from);
  }

  private get lastPage(): boolean {
    return this.pageStarts[this.page + 1] === undefined || this.pageStarts[this.page + 1]! >= this.report.problems.length;
  }

  private turn(by: number): void {
    const next = this.page + by;
    if (next < 0 || (by > 0 && this.lastPage)) return;
    this.page = next;
    this.svc.sound.play("move");
    this.draw();
  }

  private draw(): void {
    this.clear();
    this.add.rectangle(0, 0, WIDTH, HEIGHT, 0x0b121b, 0.97).setOrigin(0, 0).setInteractive(); // blocks clicks beneath
    const { file, problems } = this.report;
    const heading = this.t("problems.heading", { file, n: problems.length });
    addText(this, 60, 26, heading, { size: 28, bold: true, color: COLORS.bad, width: WIDTH - 120 });
    addText(this, 60, 70, this.t("problems.intro"), { size: 17, color: COLORS.textDim, width: WIDTH - 120 });
    // Lay problems out until the page is full; where the next page starts is remembered.
    let y = 104;
    const start = this.pageStarts[this.page] ?? 0;
    let i = start;
    const shown: string[] = [];
    for (; i < problems.length; i++) {
      const p = problems[i]!;
      const path = addText(this, 60, y, `${i + 1}. ${p.path}`, { size: 17, bold: true, color: COLORS.accent, width: WIDTH - 120 });
      const message = addText(this, 84, path.y + path.height + 2, p.message, { size: 17, width: WIDTH - 150 });
      const bottom = message.y + message.height;
      if (bottom > LIST_BOTTOM && i > start) {
        path.destroy();
        message.destroy();
        break;
      }
      shown.push(`${i + 1}. ${p.path}: ${p.message}`);
      y = bottom + 10;
    }
    this.pageStarts[this.page + 1] = i;
    const pages = this.lastPage && this.page === 0 ? 1 : undefined;
    const pageText = this.t("problems.page", { from: start + 1, to: i, n: problems.length });
    addText(this, 60, LIST_BOTTOM + 12, pageText, { size: 17, color: COLORS.textDim });
    const items: MenuItem[] = [];
    if (!this.lastPage) items.push({ label: this.t("problems.next"), onSelect: () => this.turn(1) });
    if (this.page > 0) items.push({ label: this.t("problems.prev"), onSelect: () => this.turn(-1) });
    items.push({ label: this.t("problems.close"), onSelect: () => this.close() });
    this.menu(items, { x: 60, y: LIST_BOTTOM + 44, width: 300, gap: 12, size: 19, horizontal: true });
    addText(this, WIDTH - 60, HEIGHT - 30, this.t(pages === 1 ? "problems.keys-one" : "problems.keys"), { size: 16, color: COLORS.textDim }).setOrigin(1, 0);
    this.svc.mirror.show({ heading, lines: [this.t("problems.intro"), ...shown, pageText] });
  }
}

import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { ensureCatalogue } from "../catalogueService.ts";
import { localize } from "../../content/i18n.ts";
import { formatProblem } from "../../engine/problems.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";
import type { MenuItem } from "../../ui/menu.ts";
import { openRunOf, recordOf } from "../../store/index.ts";

/** Every bundled scenario as a card: title, client, summary, minutes, best score. Broken files say why. */
export class ScenarioSelect extends BaseScene {
  constructor() {
    super(SceneKey.ScenarioSelect);
  }

  create(): void {
    this.enablePause();
    if (this.svc.catalogue) this.drawWithLocale(() => this.draw());
    else {
      this.clear();
      addText(this, WIDTH / 2, 320, this.t("loading"), { size: 28 }).setOrigin(0.5);
      this.svc.mirror.show({ heading: this.t("select.heading"), lines: [this.t("loading")] });
      void ensureCatalogue(this.svc).then(() => {
        if (this.sys.isActive()) this.drawWithLocale(() => this.draw());
      });
    }
  }

  /** Practice or assessment: the card offers both (a facilitator can fix one with ?mode=). */
  private chooseMode(scenarioId: string, title: string): void {
    this.clear();
    addText(this, 60, 40, this.t("mode.heading", { title }), { size: 32, bold: true, color: COLORS.accent, width: WIDTH - 120 });
    const items: MenuItem[] = (["practice", "assessment"] as const).map((mode) => ({
      label: this.t(`mode.${mode}`),
      detail: this.t(`mode.${mode}-detail`),
      onSelect: () => {
        this.svc.sound.play("confirm");
        this.startPlay(SceneKey.Meeting, { scenarioId, mode });
      },
    }));
    items.push({ label: this.t("mode.back"), onSelect: () => this.draw() });
    this.menu(items, { x: 60, y: 120, width: WIDTH - 120, gap: 14, size: 26, numbered: true });
    this.svc.mirror.show({ heading: this.t("mode.heading", { title }), lines: items.map((it, i) => `${i + 1}. ${it.label}${it.detail ? " — " + it.detail : ""}`) });
  }

  private draw(): void {
    this.clear();
    addText(this, 60, 40, this.t("select.heading"), { size: 36, bold: true, color: COLORS.accent });
    const { progress, runs } = this.svc.store.getState();
    const items: MenuItem[] = [];
    const broken: string[] = [];
    for (const entry of this.svc.catalogue ?? []) {
      if (!entry.ok) {
        broken.push(`${this.t("select.broken", { file: entry.file })}: ${entry.problems.slice(0, 2).map(formatProblem).join("; ")}`);
        continue;
      }
      const m = entry.scenario.meta;
      const rec = recordOf(progress, m.id);
      const stars = "★".repeat(m.difficulty ?? 1) + "☆".repeat(5 - (m.difficulty ?? 1));
      const ending = rec ? entry.scenario.endings[rec.ending] : undefined;
      const facts = [
        this.t("select.client", { client: localize(m.client, this.locale) }),
        this.t("select.minutes", { n: m.estimatedMinutes }),
        this.t("select.difficulty", { stars }),
        rec ? this.t("select.record", { best: rec.best, plays: rec.plays, ending: localize(ending?.title, this.locale) || rec.ending }) : this.t("select.new"),
        ...(openRunOf(runs, m.id) ? [this.t("select.in-progress")] : []),
      ].join("  ·  ");
      items.push({
        label: localize(m.title, this.locale),
        detail: `${facts}\n${localize(m.summary, this.locale)}`,
        onSelect: () => {
          this.svc.sound.play("confirm");
          // A run in progress is offered first; a new run asks for the mode (unless the link fixed it).
          this.playScenario(m.id, () => this.draw(), () => {
            const fixed = this.svc.launch.mode;
            if (fixed) this.startPlay(SceneKey.Meeting, { scenarioId: m.id, mode: fixed });
            else this.chooseMode(m.id, localize(m.title, this.locale));
          });
        },
      });
    }
    items.push({ label: this.t("select.back"), onSelect: () => this.scene.start(SceneKey.Title) });
    const menu = this.menu(items, { x: 60, y: 110, width: WIDTH - 120, gap: 14, size: 26, numbered: true });
    let y = menu.bottom + 16;
    if (broken.length) {
      const text = addText(this, 60, y, broken.join("\n"), { size: 17, color: COLORS.bad, width: WIDTH - 120 });
      y += text.height + 8;
    }
    addText(this, 60, Math.max(y, 680), this.t("select.keys"), { size: 18, color: COLORS.textDim });
    this.svc.mirror.show({
      heading: this.t("select.heading"),
      lines: [...items.map((it, i) => `${i + 1}. ${it.label}${it.detail ? " — " + it.detail.replace("\n", " — ") : ""}`), ...broken],
    });
  }
}

import { BaseScene } from "./BaseScene.ts";
import { SceneKey } from "../keys.ts";
import { ensureCatalogue } from "../catalogueService.ts";
import { localize } from "../../content/i18n.ts";
import type { CatalogueEntry, OwnFile } from "../../content/catalogue.ts";
import { MAX_SCENARIO_BYTES } from "../../engine/limits.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";
import type { MenuItem } from "../../ui/menu.ts";
import { openRunOf, recordOf } from "../../store/index.ts";
import { Phaser } from "../../phaser/index.ts";
import type { ProblemsData } from "./ScenarioProblems.ts";


export interface ScenarioSelectData {
  /** A scenario to open at once: a link from `?src=`. */
  open?: { url: string };
}

/** Scenario cards per page: three fit the 720-px design with the open and back buttons. */
const PAGE_SIZE = 3;
/** The hidden file picker's id (the e2e tests give it files). */
export const FILE_INPUT_ID = "scenario-file-input";

/**
 * Every scenario as a card: the bundled ones and the player's own files (kept in this
 * browser). A file can be opened with a button or dropped on the page; it is checked in
 * the worker, played at once when it loads, and listed with every problem when not.
 */
export class ScenarioSelect extends BaseScene {
  private page = 0;
  /** A file being checked: its name, shown instead of the list. */
  private checking: string | null = null;
  /** A line under the heading about the last file opened or removed. */
  private status: { text: string; bad?: boolean } | null = null;

  constructor() {
    super(SceneKey.ScenarioSelect);
  }

  create(data: ScenarioSelectData = {}): void {
    this.enablePause();
    this.checking = null;
    this.status = null;
    this.listenForDrops();
    this.fileInput();
    if (data.open) void this.open({ url: data.open.url });
    else if (this.svc.catalogue) this.drawWithLocale(() => this.draw());
    else {
      this.showWaiting(this.t("loading"));
      void ensureCatalogue(this.svc).then(() => {
        if (this.sys.isActive()) this.drawWithLocale(() => this.draw());
      });
    }
  }

  private showWaiting(text: string): void {
    this.clear();
    addText(this, WIDTH / 2, 320, text, { size: 28, width: WIDTH - 200, align: "center" }).setOrigin(0.5, 0);
    this.svc.mirror.show({ heading: this.t("select.heading"), lines: [text] });
  }

  /** A dropped file is opened like a picked one; the page must accept the drag for the drop to fire. */
  private listenForDrops(): void {
    const over = (ev: DragEvent) => {
      if (!this.sys.isActive()) return;
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy";
    };
    const drop = (ev: DragEvent) => {
      if (!this.sys.isActive()) return;
      ev.preventDefault();
      const file = ev.dataTransfer?.files?.[0];
      if (file) void this.openFile(file);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    });
  }

  /** The page's hidden file picker (one, reused), wired to this scene. */
  private fileInput(): HTMLInputElement {
    let input = document.getElementById(FILE_INPUT_ID) as HTMLInputElement | null;
    if (!input) {
      input = document.createElement("input");
      input.type = "file";
      input.id = FILE_INPUT_ID;
      input.accept = ".json,application/json";
      input.hidden = true;
      document.body.appendChild(input);
    }
    const picker = input;
    picker.onchange = () => {
      const file = picker.files?.[0];
      picker.value = ""; // the same file can be picked again after editing it
      if (file && this.sys.isActive()) void this.openFile(file);
    };
    return picker;
  }

  private async openFile(file: File): Promise<void> {
    if (this.checking) return;
    const name = file.name.slice(0, 100) || "scenario.json";
    if (file.size > MAX_SCENARIO_BYTES) {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      this.showProblems({ file: name, problems: [{ path: "$", message: `the file is ${mb(file.size)} MB; a scenario may be at most ${mb(MAX_SCENARIO_BYTES)} MB` }] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.showProblems({ file: name, problems: [{ path: "$", message: `could not be read (${(e as Error).message})` }] });
      return;
    }
    await this.open({ file: { file: name, text } satisfies OwnFile });
  }

  /** Checks a file or link in the worker; plays it when it loads, lists its problems when not. */
  private async open(source: { file: OwnFile } | { url: string }): Promise<void> {
    this.checking = "url" in source ? source.url : source.file.file;
    this.showWaiting(this.t("select.checking", { file: this.checking.slice(0, 120) }));
    const own = await import("../own-scenarios.ts");
    const { entry, kept } = await own.openOwnScenario(this.svc, source).finally(() => (this.checking = null));
    if (!this.sys.isActive()) return;
    if (!entry.ok) {
      this.drawWithLocale(() => this.draw());
      this.showProblems({ file: entry.file, problems: entry.problems });
      return;
    }
    if (!kept) this.svc.store.getState().notify({ key: "notice.library-not-kept", vars: { file: entry.file } });
    this.svc.sound.play("confirm");
    // A file just opened plays at once, in practice mode unless the link fixes one.
    this.startPlay(SceneKey.Meeting, { scenarioId: entry.scenario.meta.id, mode: this.svc.launch.mode ?? "practice" });
  }

  private showProblems(data: Omit<ProblemsData, "from">): void {
    this.svc.sound.play("bad");
    void import("../own-scenarios.ts").then((own) => this.sys.isActive() && own.showProblems(this, data));
  }

  private async remove(entry: CatalogueEntry): Promise<void> {
    (await import("../own-scenarios.ts")).removeOwnScenario(this.svc, entry);
    const title = entry.ok ? localize(entry.scenario.meta.title, this.locale) : entry.file;
    this.status = { text: this.t("select.removed", { title }) };
    this.svc.sound.play("move");
    this.draw();
  }

  /** One card: title (with "your file" and the language when it is not the UI's), the facts, the summary. */
  private card(entry: CatalogueEntry): MenuItem {
    const own = entry.source === "library";
    if (!entry.ok) {
      return {
        label: `${this.t("select.broken", { file: entry.file })}${own ? " · " + this.t("select.own") : ""}`,
        detail: this.t("select.problem-count", { n: entry.problems.length }),
        onSelect: () => this.showProblems({ file: entry.file, problems: entry.problems }),
      };
    }
    const m = entry.scenario.meta;
    const { progress, runs } = this.svc.store.getState();
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
    const marks = [
      ...(own ? [this.t("select.own")] : []),
      ...(m.locales.includes(this.locale) ? [] : m.locales.map((l) => this.t(`select.lang.${l}`))),
    ];
    return {
      label: localize(m.title, this.locale) + marks.map((k) => `  [${k}]`).join(""),
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
    };
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
    addText(this, 60, 30, this.t("select.heading"), { size: 34, bold: true, color: COLORS.accent });
    if (this.status) addText(this, 60, 76, this.status.text, { size: 17, color: this.status.bad ? COLORS.bad : COLORS.good, width: WIDTH - 120 });
    const entries = this.svc.catalogue ?? [];
    const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    const shown = entries.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE);
    const items = shown.map((e) => this.card(e));
    const turnPage = (by: number) => () => {
      this.page = (this.page + by + pages) % pages;
      this.svc.sound.play("move");
      this.draw();
    };
    if (pages > 1) items.push({ label: this.t("select.more", { page: this.page + 1, pages }), onSelect: turnPage(1) });
    items.push({ label: this.t("select.open"), detail: this.t("select.open-detail"), onSelect: () => this.fileInput().click() });
    items.push({ label: this.t("select.back"), onSelect: () => this.scene.start(SceneKey.Title) });
    const menu = this.menu(items, { x: 60, y: 104, width: WIDTH - 120, gap: 10, size: 24, numbered: true });
    shown.forEach((entry, i) => {
      const box = menu.itemBounds(i);
      if (entry.source !== "library" || !box) return;
      const button = addText(this, box.x + box.width - 14, box.y + 12, this.t("select.remove"), { size: 16, bold: true, background: "#6b3434", padding: [8, 3] }).setOrigin(1, 0).setDepth(3);
      button.setInteractive({ useHandCursor: true }).on("pointerup", () => void this.remove(entry));
    });
    this.input.keyboard?.removeAllListeners("keydown-DELETE");
    this.input.keyboard?.on("keydown-DELETE", () => {
      const entry = shown[menu.focused];
      if (entry?.source === "library" && this.sys.isActive()) void this.remove(entry);
    });
    addText(this, 60, Math.max(menu.bottom + 10, 686), this.t("select.keys"), { size: 17, color: COLORS.textDim });
    this.svc.mirror.show({
      heading: this.t("select.heading"),
      lines: [
        ...(this.status ? [this.status.text] : []),
        ...items.map((it, i) => `${i + 1}. ${it.label}${it.detail ? " — " + it.detail.replace("\n", " — ") : ""}`),
      ],
    });
  }
}

import { Phaser } from "../../phaser/index.ts";
import { services, type Services } from "../services.ts";
import { SceneKey } from "../keys.ts";
import { catalogueIncomplete, ensureCatalogue, findScenario } from "../catalogueService.ts";
import { openRunOf, type SavedRun } from "../../store/index.ts";
import { sceneConfig } from "../renderScale.ts";
import { localize, t, type StringKey } from "../../content/i18n.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, WIDTH } from "../../ui/theme.ts";
import { type Locale } from "../../engine/vocabulary.ts";
import { Menu, type MenuItem, type MenuLayout } from "../../ui/menu.ts";
import { textPool } from "../../ui/textPool.ts";

/** Decisions recorded in a saved run: the choices among its inputs (version 3), or its turn (older saves). */
function decisionsIn(snapshot: unknown): number | undefined {
  const s = snapshot as { inputs?: unknown; state?: { turn?: unknown } };
  if (Array.isArray(s.inputs)) return s.inputs.filter((i) => typeof i === "object" && i !== null && "choose" in i).length;
  return typeof s.state?.turn === "number" ? s.state.turn : undefined;
}

/** Shared helpers for scenes: services, the locale, UI strings, and a re-draw on language change. */
export abstract class BaseScene extends Phaser.Scene {
  private menus: Menu[] = [];

  /** Every scene's camera zooms by the render scale (see renderScale.ts). */
  constructor(key: string) {
    super(sceneConfig(key));
  }

  protected get svc(): Services {
    return services(this);
  }
  protected get locale(): Locale {
    return this.svc.store.getState().settings.locale;
  }
  protected t(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.locale, key, vars);
  }

  protected clearMenus(): void {
    for (const m of this.menus) m.destroy();
    this.menus = [];
  }

  /**
   * Empties the scene. The backdrop is the game's background colour (COLORS.bg), which the
   * renderer clears to anyway: a full-screen rectangle on top cost 7 ms a frame in software rendering.
   */
  protected clear(): void {
    this.clearMenus();
    // Destroyed, not only taken off the display list (removeAll's argument skips a callback; it
    // destroys nothing): a Text left alive keeps its canvas and texture, and the text pool would
    // hand out one that is no longer drawn.
    for (const o of this.children.list.slice()) o.destroy();
    textPool(this).empty();
  }

  /** A menu that is destroyed with the next clear(). */
  protected menu(items: MenuItem[], layout: MenuLayout, onFocus?: (i: number) => void): Menu {
    const m = new Menu(this, items, layout, onFocus);
    this.menus.push(m);
    return m;
  }

  /**
   * Calls `draw` now, again whenever the language changes while this scene runs, and on
   * resuming from the settings overlay or waking from the account map (language, text size
   * or move marks may have changed).
   */
  protected drawWithLocale(draw: () => void): void {
    draw();
    const unsubscribe = this.svc.store.subscribe((s, prev) => {
      if (s.settings.locale !== prev.settings.locale && this.sys.isActive()) draw();
    });
    this.events.on(Phaser.Scenes.Events.RESUME, draw);
    this.events.on(Phaser.Scenes.Events.WAKE, draw);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      unsubscribe();
      this.events.off(Phaser.Scenes.Events.RESUME, draw);
      this.events.off(Phaser.Scenes.Events.WAKE, draw);
    });
  }

  /** The page `by` pages on from `current` within 0..pages-1 (with the page sound), or null at an end. */
  protected pageTurned(current: number, by: number, pages: number): number | null {
    const next = Math.max(0, Math.min(pages - 1, Math.min(current, pages - 1) + by));
    if (next === current) return null;
    this.svc.sound.play("move");
    return next;
  }

  /** Esc opens the pause / settings overlay over this scene. */
  protected enablePause(): void {
    this.input.keyboard?.on("keydown-ESC", () => this.openSettings());
  }

  protected openSettings(): void {
    if (!this.sys.isActive()) return;
    this.svc.sound.play("move");
    // The overlay loads behind the title with the scenes of a run; pressed sooner, it loads now.
    void this.svc.loadSettings().then(() => {
      if (!this.sys.isActive()) return;
      this.scene.launch(SceneKey.Settings, { from: this.scene.key });
      this.scene.bringToTop(SceneKey.Settings); // scenes added later (the meeting) sit above it otherwise
      this.scene.pause();
    });
  }

  /** Starts a scene of a run (meeting, map, debrief), loading their chunk first if it has not loaded yet. */
  protected startPlay(key: string, data?: object): void {
    void this.svc.loadPlayScenes().then(
      () => {
        if (this.sys.isActive()) this.scene.start(key, data);
      },
      () => {
        this.svc.store.getState().notify({ key: "notice.load-failed" });
        this.scene.start(SceneKey.Title); // the title shows notices
      },
    );
  }

  /**
   * Plays a scenario: straight in when no run of it is in progress, else asks first
   * whether to continue it or start over (so a saved run is never replaced unasked).
   * `back` redraws the caller's screen if the player steps back from the question.
   */
  protected playScenario(scenarioId: string, back: () => void, startNew: () => void = () => this.startPlay("Meeting", { scenarioId, mode: this.svc.launch.mode ?? "practice" })): void {
    const saved = openRunOf(this.svc.store.getState().runs, scenarioId);
    if (!saved) {
      startNew();
      return;
    }
    this.askContinue(saved, back, startNew);
  }

  /** Resumes the saved run of a scenario; a run whose scenario is gone is explained on the title instead. */
  protected resumeRun(scenarioId: string): void {
    void ensureCatalogue(this.svc).then(() => {
      if (!this.sys.isActive()) return;
      const store = this.svc.store.getState();
      if (!findScenario(this.svc, scenarioId)) {
        const title = localize(store.runs[scenarioId]?.title, this.locale) || scenarioId;
        // A file that failed to download keeps its run: say so, and the title offers a retry.
        store.notify({ key: catalogueIncomplete(this.svc) ? "notice.run-unfetched" : "notice.run-orphaned", vars: { scenario: title } });
        this.scene.start("Title");
        return;
      }
      store.selectRun(scenarioId);
      this.startPlay("Meeting", { scenarioId, resume: true });
    });
  }

  private askContinue(saved: SavedRun, back: () => void, startNew: () => void): void {
    this.clear();
    const name = localize(saved.title, this.locale) || saved.scenarioId;
    const when = saved.savedAt ? new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short" }).format(saved.savedAt) : "—";
    const detail = this.t("resume.detail", { date: when, turn: decisionsIn(saved.snapshot) ?? "—" });
    addText(this, WIDTH / 2, 200, this.t("resume.heading", { scenario: name }), { size: 32, bold: true, color: COLORS.accent, width: 1000, align: "center" }).setOrigin(0.5, 0);
    addText(this, WIDTH / 2, 270, detail, { size: 22, color: COLORS.textDim, width: 1000, align: "center" }).setOrigin(0.5, 0);
    const items = [
      { label: this.t("resume.continue"), onSelect: () => this.resumeRun(saved.scenarioId) },
      {
        label: this.t("resume.restart"),
        onSelect: () => {
          this.svc.store.getState().clearRun(saved.scenarioId);
          startNew();
        },
      },
      { label: this.t("resume.back"), onSelect: back },
    ];
    this.menu(items, { x: WIDTH / 2 - 300, y: 340, width: 600, gap: 10, size: 24, numbered: true }).focus(0);
    this.svc.mirror.show({ heading: this.t("resume.heading", { scenario: name }), lines: [detail, ...items.map((it, i) => `${i + 1}. ${it.label}`)] });
  }
}

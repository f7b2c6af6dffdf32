import { Phaser } from "../../phaser/index.ts";
import { services, type Services } from "../services.ts";
import { SceneKey } from "../keys.ts";
import { sceneConfig } from "../renderScale.ts";
import { t, type StringKey } from "../../content/i18n.ts";
import { type Locale } from "../../engine/vocabulary.ts";
import { Menu, type MenuItem, type MenuLayout } from "../../ui/menu.ts";

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
    this.children.removeAll(true);
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
}

import { Phaser } from "../phaser.ts";
import { SceneKey } from "../keys.ts";
import { services } from "../services.ts";
import { t } from "../../content/i18n.ts";
import { addText } from "../../ui/text.ts";
import { COLORS, HEIGHT, WIDTH } from "../../ui/theme.ts";
import { sceneConfig } from "../renderScale.ts";

/**
 * Shows a progress bar while the title's assets load. Scenario files and sound load
 * later, after the title is on screen, so the first visit stays small and fast.
 */
export class Preloader extends Phaser.Scene {
  /** Files the title needs before it can show. The art is drawn in code, so none today. */
  static readonly ASSETS: ReadonlyArray<{ key: string; url: string }> = [];

  static hasWork(): boolean {
    return Preloader.ASSETS.length > 0;
  }

  constructor() {
    super(sceneConfig(SceneKey.Preloader));
  }

  /** Draws the bar, then queues the assets; Phaser runs the load and calls create() when done. */
  preload(): void {
    const locale = services(this).store.getState().settings.locale;
    this.add.rectangle(0, 0, WIDTH, HEIGHT, COLORS.bg).setOrigin(0, 0);
    addText(this, WIDTH / 2, HEIGHT / 2 - 60, t(locale, "loading"), { size: 28 }).setOrigin(0.5);
    const barW = 480;
    this.add.rectangle(WIDTH / 2, HEIGHT / 2, barW, 24).setStrokeStyle(2, COLORS.line);
    const bar = this.add.rectangle(WIDTH / 2 - barW / 2 + 4, HEIGHT / 2, 0, 16, COLORS.focus).setOrigin(0, 0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar.width = (barW - 8) * p;
    });
    services(this).mirror.show({ heading: t(locale, "loading"), lines: [] });
    for (const a of Preloader.ASSETS) this.load.image(a.key, a.url);
  }

  create(): void {
    this.scene.start(SceneKey.Title);
  }
}
